/**
 * The order in which a loader meets a payload's defects, so the verifier can say which one
 * Xen reports: the loader stops at the first refusal (or crash), and a payload with several
 * defects is refused for the one it checks first. The order is load_payload_data()'s
 * (xen/common/livepatch.c), then apply and what runs after it (src/xen/loader-version.ts
 * LOADER_STEPS). The step of a rule is the one its verifier step declares (steps/index.ts
 * RULE_LOADER_STEP); where a change of src/xen/changes.ts moves a check, the version's model
 * says where (LoaderVersion.xenDepends.steps), and a few rules' step depends on the section.
 */
import { LOADER_STEPS, type LoaderStep, type LoaderVersion } from "../xen/loader-version.js";
import { type Finding, type LoaderVerdict, RULE_BY_ID, loaderVerdictFor } from "./rules.js";
import { RULE_LOADER_STEP } from "./steps/index.js";

export { LOADER_STEPS, type LoaderStep } from "../xen/loader-version.js";

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
  return RULE_LOADER_STEP.get(finding.ruleId) ?? "after-apply";
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
