import type { XenBase } from "../base/xen.js";
import type { Options } from "../options.js";
import { type ScenarioResult, type StepOutcome } from "../scenario/run.js";
import { type StageContext, type StageSummary } from "../stage-context.js";
import type { CacheUse, DirectoryCache } from "../util/cache.js";
import { type KvmUse } from "./kvm.js";
export interface BootStageResult extends StageSummary {
    outcome: ScenarioResult;
    /** The scenario's payload IDs and the files they were. */
    payloadFiles: Record<string, string>;
    kvm: KvmUse;
    /** Why the boot test failed, in one line; undefined when it passed. */
    failure?: string;
    /** What was restored from and saved to `cache` (nothing for the local cache). */
    cache: CacheUse[];
}
/**
 * Boots `bootImage` (the base's, or the distribution's identical one) and runs the chosen
 * scenario; writes `scenario.json` and `junit.xml` to `files`. When it cannot boot, the
 * error carries the cache uses (partialStageResult).
 *
 * @throws ConfigurationError for an unreadable scenario file or dom0 kernel; Error when
 *   QEMU cannot run at all, or when the verifier rejects a payload that a scenario file
 *   names (a failed step is a result, not an error).
 */
export declare function bootStage(input: {
    scenario: Exclude<Options["scenario"], "none">;
    base: XenBase;
    bootImage: string;
    userPayloads: readonly string[];
    selfTest: readonly string[];
}, ctx: StageContext & {
    cache: DirectoryCache;
    files: {
        scenario: string;
        junit: string;
    };
}): Promise<BootStageResult>;
/** A step's line in the log: `ok   apply hello`, `FAIL revert bye: ...`. */
export declare function stepLine(step: StepOutcome): string;
