/**
 * Where `.altinstructions` entries point once relocated: an alternative's original code
 * must lie in the payload's text and its replacement in `.altinstr_replacement`; Xen 4.17
 * refuses the upload otherwise (prepare_payload(), xen/common/livepatch.c).
 */
import { type VerifierStep } from "./context.js";
export declare const ALTERNATIVES_PLACED: VerifierStep;
