/** `- replace: NAME`: revert every applied payload and apply this one, atomically. */
import { payloadStep } from "./payload.js";

export const replace = payloadStep("replace", (a) => `xen-livepatch replace ${a.payload}`);
