/**
 * The order in which a loader meets a payload's defects, so the verifier can say which one
 * Xen reports: the loader stops at the first refusal (or crash), and a payload with several
 * defects is refused for the one it checks first. The order is load_payload_data()'s
 * (xen/common/livepatch.c), then apply and what runs after it (src/xen/loader-version.ts
 * LOADER_STEPS). The step of a rule is the table below; where a change of src/xen/changes.ts
 * moves a check, the version's model says where (LoaderVersion.xenDepends.steps).
 */
import { LOADER_STEPS, type LoaderStep, type LoaderVersion } from "../xen/loader-version.js";
import {
  type Finding,
  type LoaderVerdict,
  RULE_BY_ID,
  type RuleId,
  loaderVerdictFor,
} from "./rules.js";

export { LOADER_STEPS, type LoaderStep } from "../xen/loader-version.js";

/** The step of each rule, where it does not depend on the section (see stepOf). */
const STEP: Record<RuleId, LoaderStep> = {
  "payload-too-large": "upload",
  "payload-name": "upload",
  "elf-malformed": "elf-load",
  "elf-header": "elf-load",
  "section-bounds": "elf-load",
  "section-alignment": "elf-load",
  "section-name-offset": "elf-load",
  "symtab-invalid": "elf-load",
  "symtab-link-zero": "elf-load",
  "section-write-exec": "placement",
  "section-overlap": "after-apply",
  "symbol-section-index": "symbols",
  "symbol-common": "symbols",
  "symbol-unresolved": "symbols",
  "symbol-undefined-local": "symbols",
  "rela-header": "relocations",
  "rela-link": "relocations",
  "rela-target": "relocations",
  "section-rel": "relocations",
  "rela-symbol-zero": "relocations",
  "rela-symbol-range": "relocations",
  "rela-type": "relocations",
  "rela-offset": "relocations",
  "rela-ignored-section": "relocations",
  "rela-overflow": "relocations",
  "rodata-unreferenced": "after-apply",
  "rodata-duplicate": "after-apply",
  "section-missing": "required-sections",
  "section-empty": "required-sections",
  "section-duplicate": "required-sections",
  "nothing-to-patch": "patching-sections",
  "note-invalid": "build-id",
  "xen-depends-mismatch": "xen-build-id-late",
  "depends-mismatch": "apply",
  "build-id-duplicate": "build-id",
  "funcs-size": "funcs",
  "func-version": "funcs",
  "func-old-size": "funcs",
  "func-reserved": "funcs",
  "func-name": "funcs",
  "func-name-unmapped": "funcs",
  "func-unresolved": "funcs",
  "old-addr-non-canonical": "funcs",
  "old-addr-not-function-start": "funcs",
  "func-distance": "funcs",
  "new-addr-outside-text": "after-apply",
  "func-duplicate": "after-apply",
  "func-too-short": "funcs",
  "func-nop-size": "funcs",
  "func-old-size-overrun": "after-apply",
  "expect-invalid": "apply",
  "expect-mismatch": "apply",
  "expect-alternative": "apply",
  "expect-endbr-sealed": "apply",
  "nop-insn-boundary": "after-apply",
  "branch-into-patch": "after-apply",
  "hook-size": "hooks",
  "special-section-size": "alternatives",
  "altinstr-incomplete": "alternatives",
  "altinstr-range": "alternatives",
  "altinstr-entry": "alternatives-apply",
  "altcall-site": "alt-calls",
  "ex-table-range": "after-apply",
  "bug-frame-range": "after-apply",
  "modinfo-format": "modinfo",
  "modinfo-entry": "modinfo",
  "not-checked": "after-apply",
};

/** The sections check_special_sections() requires (xen_depends where the model says so). */
const REQUIRED = new Set([".livepatch.depends", ".livepatch.xen_depends", ".note.gnu.build-id"]);

/** The step at which `version`'s loader meets the defect of a finding. */
export function stepOf(finding: Finding, version: LoaderVersion): LoaderStep {
  const section = finding.location.section;
  if (section === ".livepatch.xen_depends") {
    const steps = version.xenDepends.steps;
    if (finding.ruleId === "xen-depends-mismatch") return steps.mismatch;
    if (finding.ruleId === "note-invalid") return steps.note;
    if (finding.ruleId === "section-missing" || finding.ruleId === "section-empty")
      return steps.missing;
  }
  if (finding.ruleId === "note-invalid" && section === ".livepatch.depends") return "depends";
  // check_patching_sections(): an empty .livepatch.funcs or hook section.
  if (finding.ruleId === "section-empty" && section && !REQUIRED.has(section))
    return "patching-sections";
  if (finding.ruleId === "special-section-size" && section) {
    if (section.startsWith(".bug_frames.")) return "bug-frames";
    if (section === ".alt_call_sites") return "alt-calls";
    if (section === ".ex_table") return "ex-table";
  }
  return STEP[finding.ruleId] ?? "after-apply";
}

/** What the loader does first with a payload: the defect it stops at. */
export interface LoaderOutcome {
  readonly verdict: LoaderVerdict;
  /** The finding of that defect; absent when the loader accepts the payload. */
  readonly finding?: Finding;
  readonly step?: LoaderStep;
}

/**
 * What `version`'s loader does with a payload that has these findings: the verdict and
 * finding of the first defect it refuses or crashes on, in its order (a crash after apply
 * counts only when nothing refuses it before), else "accepts". Findings of rules the
 * version does not have count as none.
 */
export function loaderOutcome(findings: readonly Finding[], version: LoaderVersion): LoaderOutcome {
  let first: { finding: Finding; step: LoaderStep; verdict: LoaderVerdict; at: number } | undefined;
  for (const finding of findings) {
    const verdict = loaderVerdictFor(RULE_BY_ID.get(finding.ruleId)!, version.release);
    if (verdict === "accepts") continue;
    const step = stepOf(finding, version);
    // A refused apply comes after every upload step.
    const at = LOADER_STEPS.indexOf(verdict === "refuses-apply" ? "apply" : step);
    if (!first || at < first.at) first = { finding, step, verdict, at };
  }
  return first
    ? { verdict: first.verdict, finding: first.finding, step: first.step }
    : { verdict: "accepts" };
}
