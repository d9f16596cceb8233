import type { Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { CheckFinding } from "./check-finding.js";
/**
 * Every finding of these checks for one payload, in rule order. A check that meets a part
 * of the payload it cannot read (a corrupt symbol table) finds nothing: the verifier's
 * own checks report what is malformed.
 */
export declare function kindFindings(payload: Payload, xen: XenSyms | undefined): CheckFinding[];
