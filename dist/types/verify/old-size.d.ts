import type { Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { CheckFinding } from "./check-finding.js";
/**
 * Findings of rules `func-symbol-too-short` (a replaced function smaller than the jump,
 * 5 bytes or 9 after an ENDBR64: Xen writes over the next function) and
 * `func-old-size-mismatch` (old_size smaller than the function: an old_size too short for
 * the jump is `func-too-short`'s, a larger one `func-old-size-overrun`'s), for each
 * replacing entry whose function xen-syms knows with a size. A NOP entry's old_size only
 * bounds its NOP run (arch_livepatch_verify_func()), so part of a function is what it
 * states.
 */
export declare function oldSizeFindings(payload: Payload, xen: XenSyms): CheckFinding[];
/**
 * Findings of rule `expect-reserved-disabled`: a disabled expectation with reserved bits
 * set, which Xen 4.17 ignores (livepatch_check_expectations() reads only `enabled`).
 */
export declare function disabledExpectationFindings(payload: Payload): CheckFinding[];
