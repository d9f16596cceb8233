/** `- upload: NAME`: load the payload's file into the hypervisor (it is then CHECKED). */
import { guestPayloadPath, payloadStep } from "./payload.js";

export const upload = payloadStep(
  "upload",
  (a) => `xen-livepatch upload ${a.payload} ${guestPayloadPath(a.payload)}`,
);
