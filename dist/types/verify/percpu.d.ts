import type { Payload } from "../livepatch/payload.js";
import type { CheckFinding } from "./check-finding.js";
/**
 * Findings of rule `percpu-new`: each per-CPU variable the payload defines (a
 * `per_cpu__NAME` symbol, or one in a per-CPU section), named as DEFINE_PER_CPU wrote it.
 */
export declare function perCpuFindings(payload: Payload): CheckFinding[];
