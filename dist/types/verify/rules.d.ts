/**
 * The verifier's rules. Ids are stable: users filter on them, SARIF and annotations
 * carry them, and the agreement tests against the real hypervisor key on them.
 *
 * `loader` says what Xen 4.17's loader does with a payload that breaks the rule:
 * - "refuses-upload": `xen-livepatch upload` fails;
 * - "refuses-apply": upload succeeds, apply fails (without `--nodeps` where relevant);
 * - "accepts": the hypervisor does not notice; only this verifier catches it;
 * - "crashes": the hypervisor accepts the payload and then crashes or hangs once it is
 *   applied (and the patched code runs).
 */
export type Severity = "error" | "warning" | "note";
export type LoaderVerdict = "refuses-upload" | "refuses-apply" | "accepts" | "crashes";
export interface Rule {
    readonly id: string;
    readonly severity: Severity;
    readonly loader: LoaderVerdict;
    readonly title: string;
    /** Where the check comes from: the hypervisor's source or livepatch-build-tools' history. */
    readonly basis: string;
}
export declare const RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule];
export type RuleId = (typeof RULES)[number]["id"];
export declare const RULE_BY_ID: ReadonlyMap<RuleId, Rule>;
export interface FindingLocation {
    readonly section?: string;
    readonly sectionIndex?: number;
    /** Index of the entry (relocation, symbol, function) inside the section. */
    readonly entry?: number;
    /** Byte offset inside the section (or the file, when no section is named). */
    readonly offset?: number;
    readonly symbol?: string;
}
export interface Finding {
    readonly ruleId: RuleId;
    readonly severity: Severity;
    readonly message: string;
    readonly file: string;
    readonly location: FindingLocation;
    /** Set for a defect the payload is known to carry on purpose (the self-test set). */
    readonly expected?: true;
}
