import type { Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { CheckFinding } from "./check-finding.js";
/**
 * Findings of rule `func-address-taken`: each relocation of the payload that points at the
 * start of a function one of its `.livepatch.funcs` entries installs (the entry's
 * `new_addr`), other than a call's or jump's displacement, and other than in the sections
 * the loader reads (funcs, hooks, alternatives, exception table, bug frames). Runs only
 * with xen-syms (which loads the x86 decoder); code that does not decode is not judged.
 */
export declare function functionAddressFindings(payload: Payload, xen: XenSyms): CheckFinding[];
