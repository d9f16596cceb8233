/**
 * The special sections prepare_payload() takes (xen/common/livepatch.c): `.bug_frames.*`,
 * `.altinstructions`, `.alt_call_sites` (4.21) and `.ex_table` must hold whole entries of
 * this version's sizes. What their entries hold is the steps after this one's.
 */
import { type VerifierStep } from "./context.js";
export declare const SPECIAL_SECTIONS: VerifierStep;
