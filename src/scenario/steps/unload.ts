/** `- unload: NAME`: remove a payload that is not applied. */
import { payloadStep } from "./payload.js";

export const unload = payloadStep("unload", (a) => `xen-livepatch unload ${a.payload}`);
