import type { BaseRecord } from "../report/result.js";
import type { XenSourceTree } from "../source/types.js";
import type { StageContext } from "../stage-context.js";
import { type CacheUse, type DirectoryCache } from "../util/cache.js";
import { type BuildXenBaseOptions, type XenBase } from "./xen.js";
export interface BaseStageResult {
    base: XenBase;
    /** How it was built: the patch and payload builders rebuild copies the same way. */
    baseOptions: BuildXenBaseOptions;
    /** What the report says of it. */
    record: BaseRecord;
}
/**
 * Builds the base from `tree` (or reuses the cached build), then compares it with the
 * hypervisor users run (compareWithReference). `cache` keeps the build between runs where
 * the machine does not (GitHub's cache in the action); what it restored and saved is added
 * to `cacheUses`. `built` receives the base's record as soon as it is built, so a failed
 * comparison still reports it.
 *
 * @throws XenBuildError when the build fails; BaseMismatchError when the base is not the
 *   hypervisor users run; ConfigurationError for a bad `xen-config` or `build-values`.
 */
export declare function baseStage(tree: XenSourceTree, ctx: StageContext & {
    cache: DirectoryCache;
    cacheUses: CacheUse[];
    built: (record: BaseRecord) => void;
}): Promise<BaseStageResult>;
