/**
 * `.alt_call_sites` (4.21, d2fd5f0fcd "Support new altcall scheme"), once relocated: each
 * entry must lead to a `call *disp32(%rip)` inside the payload's text, which Xen checks
 * before it rewrites the call (prepare_payload(), xen/common/livepatch.c).
 */
import { type VerifierStep } from "./context.js";
export declare const ALT_CALLS: VerifierStep;
