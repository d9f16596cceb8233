/**
 * The verifier's own last step: the checks earlier steps could not make (no xen-syms, no
 * earlier payloads, no x86 decoder), one finding each.
 */
import type { VerifierStep } from "./context.js";
export declare const NOT_CHECKED: VerifierStep;
