import type { BaseRecord } from "../report/result.js";
import type { XenSourceTree } from "../source/types.js";
import { type StageContext, type StageSummary } from "../stage-context.js";
import { type CacheUse, type DirectoryCache } from "../util/cache.js";
import { type BuildXenBaseOptions, type XenBase } from "./xen.js";
export interface BaseStageResult extends StageSummary {
    base: XenBase;
    /** How it was built: the patch and payload builders rebuild copies the same way. */
    baseOptions: BuildXenBaseOptions;
    /** What the report says of it. */
    record: BaseRecord;
    /** What was restored from and saved to `cache` (nothing for the local cache). */
    cache: CacheUse[];
}
/**
 * Builds the base from `tree` (or reuses the cached build), then compares it with the
 * hypervisor users run (compareWithReference). `cache` keeps the build between runs where
 * the machine does not (GitHub's cache in the action). When the comparison fails, the
 * error carries the base's record and the cache uses (partialStageResult), so the report
 * still shows them.
 *
 * @throws XenBuildError when the build fails; BaseMismatchError when the base is not the
 *   hypervisor users run; ConfigurationError for a bad `xen-config` or `build-values`.
 */
export declare function baseStage(tree: XenSourceTree, ctx: StageContext & {
    cache: DirectoryCache;
}): Promise<BaseStageResult>;
