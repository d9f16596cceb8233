import type { BuildXenBaseOptions, XenBase } from "../base/xen.js";
import type { PayloadOrigin } from "../report/result.js";
import type { XenSourceIdentity } from "../source/types.js";
import { type StageContext, type StageSummary } from "../stage-context.js";
/** The base this run built, as the payload builders need it. */
export interface BuiltBase {
    base: XenBase;
    source: XenSourceIdentity;
    baseOptions: BuildXenBaseOptions;
}
export interface PayloadsStageResult extends StageSummary {
    /** Every payload file, in the order they are verified. */
    all: string[];
    /** The user's: built from patches and sources, then the prebuilt ones given. */
    user: string[];
    /** Xen's in-tree test payloads (copies in the output directory). */
    selfTest: string[];
    /** What each payload was made from, by its file. */
    origins: Record<string, PayloadOrigin>;
}
/**
 * Builds and gathers the run's payloads. Without a base (`built` undefined) only the
 * prebuilt payloads given are taken. When a build fails, the error carries the origins of
 * the payloads built before it (partialStageResult), so the report still shows them.
 *
 * @throws PayloadCompileError when patches or sources do not compile (with diagnostics);
 *   ConfigurationError when a patch cannot become a payload (the refusal says why).
 */
export declare function payloadsStage(built: BuiltBase | undefined, ctx: StageContext): Promise<PayloadsStageResult>;
