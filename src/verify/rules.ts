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
import { type XenVersion, describeChange, hasChange } from "../xen/version.js";
import type { LoaderVerdict, Rule, Severity } from "./rules/rule.js";
import { ELF_OBJECT_RULES } from "./rules/elf-object.js";
import { LIVEPATCH_SECTIONS_RULES } from "./rules/livepatch-sections.js";
import { FUNCS_RULES } from "./rules/funcs.js";
import { SPECIAL_SECTIONS_RULES } from "./rules/special-sections.js";
import { RUNTIME_RULES } from "./rules/runtime.js";

export type { LoaderVerdict, Rule, RuleChange, Severity } from "./rules/rule.js";

/** Every rule, in the order the README and `xen-livepatch-ci rules` list them. */
export const RULES = [
  ...ELF_OBJECT_RULES,
  ...LIVEPATCH_SECTIONS_RULES,
  ...FUNCS_RULES,
  ...SPECIAL_SECTIONS_RULES,
  ...RUNTIME_RULES,
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

export const RULE_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));

type Version = Pick<XenVersion, "major" | "minor" | "patch">;

/** Whether the loader of `version` has the rule at all. */
export function ruleApplies(rule: Rule, version: Version): boolean {
  return !rule.since || hasChange(version, rule.since);
}

/** What the loader of `version` does with a payload that breaks `rule`. */
export function loaderVerdictFor(rule: Rule, version: Version | undefined): LoaderVerdict {
  let verdict = rule.loader;
  for (const c of rule.changes ?? [])
    if (c.loader && version && hasChange(version, c.change)) verdict = c.loader;
  return verdict;
}

/**
 * The rule's versions in words, for `xen-livepatch-ci rules` and the README: where it
 * applies from, and each change with its releases, e.g.
 * `4.18.4+, 4.19.1+, 4.20+: refuses-upload (aa5a06d5d6: refused at upload: ...)`.
 */
export function ruleVersions(rule: Rule): string[] {
  const lines = rule.since ? [`only ${describeChange(rule.since)} (${rule.since.commit})`] : [];
  for (const c of rule.changes ?? [])
    lines.push(
      `${describeChange(c.change)}: ${c.loader ? `${c.loader} (${c.change.commit}: ${c.what})` : `${c.change.commit}: ${c.what}`}`,
    );
  return lines;
}

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
export function locationOffset(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : `0x${value.toString(16)}`;
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
