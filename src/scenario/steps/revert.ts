/** `- revert: NAME`: undo an applied payload (Xen allows it only on top of the stack). */
import { payloadStep } from "./payload.js";

export const revert = payloadStep("revert", (a) => `xen-livepatch revert ${a.payload}`);
