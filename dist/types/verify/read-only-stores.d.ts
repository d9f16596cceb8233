import type { Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { CheckFinding } from "./check-finding.js";
/**
 * Findings of rule `store-read-only`: each instruction of the payload's code, outside its
 * hook functions, whose memory destination a relocation points into one of xen-syms'
 * READ_ONLY_AFTER_BOOT ranges, naming the function, the instruction and the variable.
 * Only relocations against the hypervisor's symbols (undefined in the payload) are
 * followed; a store through a register the decoder cannot place is not seen. Empty when
 * the x86 decoder is not loaded or xen-syms lacks the bounding symbols.
 */
export declare function readOnlyStoreFindings(payload: Payload, xen: XenSyms): CheckFinding[];
