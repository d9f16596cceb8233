import type { Options } from "./options.js";
import type { RunResult } from "./report/result.js";
import { type DirectoryCache } from "./util/cache.js";
import type { Logger } from "./util/logger.js";
import type { Finding } from "./verify/rules.js";
export type { BaseRecord, RunResult, StageName, StageRecord } from "./report/result.js";
export declare function allFindings(result: RunResult): Finding[];
/**
 * Runs the pipeline. `cache` keeps the base build between runs where the machine does not
 * (GitHub's cache service in the action); the command line's cache directory persists.
 */
export declare function run(options: Options, log: Logger, cache?: DirectoryCache): Promise<RunResult>;
/** An error thrown by run() carries what the run produced before it failed. */
export declare function partialResultOf(e: unknown): RunResult | undefined;
