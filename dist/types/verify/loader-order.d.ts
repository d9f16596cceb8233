/**
 * The order in which a loader meets a payload's defects, so the verifier can say which one
 * Xen reports: the loader stops at the first refusal (or crash), and a payload with several
 * defects is refused for the one it checks first. The order is load_payload_data()'s
 * (xen/common/livepatch.c), then apply and what runs after it (src/xen/loader-version.ts
 * LOADER_STEPS). The step of a rule is the one its verifier step declares (steps/index.ts
 * RULE_LOADER_STEP); where a change of src/xen/changes.ts moves a check, the version's model
 * says where (LoaderVersion.xenDepends.steps), and a few rules' step depends on the section.
 */
import { type LoaderStep, type LoaderVersion } from "../xen/loader-version.js";
import { type Finding, type LoaderVerdict } from "./rules.js";
export { LOADER_STEPS, type LoaderStep } from "../xen/loader-version.js";
/** The step at which `version`'s loader meets the defect of a finding. */
export declare function stepOf(finding: Finding, version: LoaderVersion): LoaderStep;
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
export declare function loaderOutcome(findings: readonly Finding[], version: LoaderVersion): LoaderOutcome;
