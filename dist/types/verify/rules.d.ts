/**
 * The verifier's rules. Ids are stable: users filter on them, SARIF and annotations
 * carry them, and the agreement tests against the real hypervisor key on them.
 *
 * `loader` says what Xen 4.17's loader does with a payload that breaks the rule:
 * - "refuses-upload": `xen-livepatch upload` fails;
 * - "refuses-apply": upload succeeds, apply fails (without `--nodeps` where relevant);
 * - "accepts": the hypervisor does not notice; only this verifier catches it;
 * - "crashes": the hypervisor accepts the payload and then crashes or hangs once it is
 *   applied (and the patched code runs), or crashes at upload.
 * `changes` says where a later loader differs (its verdict, errno or message), and
 * `since` which releases have the rule at all (a section only a later loader reads).
 */
import { type XenVersion } from "../xen/version.js";
import type { LoaderVerdict, Rule, Severity } from "./rules/rule.js";
export type { LoaderVerdict, Rule, RuleChange, Severity } from "./rules/rule.js";
/** Every rule, in the order the README and `xen-livepatch-ci rules` list them. */
export declare const RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule];
export type RuleId = (typeof RULES)[number]["id"];
export declare const RULE_BY_ID: ReadonlyMap<RuleId, Rule>;
type Version = Pick<XenVersion, "major" | "minor" | "patch">;
/** Whether the loader of `version` has the rule at all. */
export declare function ruleApplies(rule: Rule, version: Version): boolean;
/** What the loader of `version` does with a payload that breaks `rule`. */
export declare function loaderVerdictFor(rule: Rule, version: Version | undefined): LoaderVerdict;
/**
 * The rule's versions in words, for `xen-livepatch-ci rules` and the README: where it
 * applies from, and each change with its releases, e.g.
 * `4.18.4+, 4.19.1+, 4.20+: refuses-upload (aa5a06d5d6: refused at upload: ...)`.
 */
export declare function ruleVersions(rule: Rule): string[];
export interface FindingLocation {
    readonly section?: string;
    readonly sectionIndex?: number;
    /** Index of the entry (relocation, symbol, function) inside the section. */
    readonly entry?: number;
    /**
     * Byte offset inside the section (or the file, when no section is named): a number, or
     * past 2^53 (a hostile relocation's r_offset) its exact value as "0x..." (locationOffset).
     */
    readonly offset?: number | string;
    readonly symbol?: string;
}
/**
 * A FindingLocation offset for `value`: the number while a JSON number holds it exactly,
 * else the exact hex text, so no report prints a rounded offset (2^64 - 1 as 0x1000...0).
 */
export declare function locationOffset(value: bigint): number | string;
export interface Finding {
    readonly ruleId: RuleId;
    readonly severity: Severity;
    readonly message: string;
    readonly file: string;
    readonly location: FindingLocation;
    /** Set for a defect the payload is known to carry on purpose (the self-test set). */
    readonly expected?: true;
}
