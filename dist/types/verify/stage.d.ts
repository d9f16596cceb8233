/**
 * The verify stage: every payload checked statically against the hypervisor (verifyPayloadSet),
 * Xen's in-tree test payloads against what each is known to be (applySelfTestExpectations),
 * and the verdict the `fail-on` threshold gives.
 */
import type { Options } from "../options.js";
import type { StageContext, StageSummary } from "../stage-context.js";
import { type PayloadReport } from "./payload-set.js";
import type { Finding } from "./rules.js";
export interface VerifyStageResult extends StageSummary {
    /** One report per payload: the in-tree test payloads first. */
    reports: PayloadReport[];
    xenBuildId: string | undefined;
    /** Why the payloads do not pass, in one line; undefined when they do. */
    failure?: string;
}
/**
 * Verifies `payloads` against `xenSyms` (and the payloads already applied on the host).
 * `selfTest` names which of them are Xen's in-tree test payloads.
 */
export declare function verifyStage(input: {
    payloads: readonly string[];
    selfTest: readonly string[];
    xenSyms: string | undefined;
}, ctx: StageContext): Promise<VerifyStageResult>;
/** The verdict the fail-on threshold gives for these findings (expected ones not counted). */
export declare function verdictFor(findings: readonly Finding[], failOn: Options["failOn"]): {
    pass: boolean;
    reason?: string;
};
