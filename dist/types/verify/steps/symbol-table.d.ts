/**
 * build_symbol_table() (xen/common/livepatch.c): the payload's new symbols join the
 * hypervisor's table, and a name the hypervisor or an earlier payload has is refused.
 */
import type { VerifierStep } from "./context.js";
export declare const SYMBOL_TABLE: VerifierStep;
