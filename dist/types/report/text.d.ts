/** The verifier's findings for a terminal: one line per payload, one per finding. */
import type { PayloadReport } from "../verify/payload-set.js";
import type { Finding } from "../verify/rules.js";
export declare function displayPath(file: string, root: string): string;
export declare function countBySeverity(findings: readonly Finding[]): {
    error: number;
    warning: number;
    note: number;
};
export declare function payloadVerdict(findings: readonly Finding[]): string;
/**
 * The report as text; files under `root` are named relative to it. File names and
 * messages (which quote a payload's strings and symbol names) are escaped, one line each.
 */
export declare function findingsText(payloads: readonly PayloadReport[], root: string): string;
