/**
 * What a verifier check in a module of its own returns: findings without the file, which
 * the verifier adds (and counts per rule) as it does its own.
 */
import type { FindingLocation, RuleId } from "./rules.js";
export interface CheckFinding {
    readonly ruleId: RuleId;
    readonly message: string;
    readonly location: FindingLocation;
}
