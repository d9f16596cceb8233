import type { Options } from "../options.js";
import type { Published, RunResult, StageName, StageRecord } from "../report/result.js";
import { type SignatureRecord } from "../report/metadata.js";
import type { Logger } from "../util/logger.js";
export type { Published } from "../report/result.js";
export type RunStage = <T>(name: StageName, title: string, fn: (record: StageRecord) => Promise<T>) => Promise<T>;
export declare function writeMetadata(result: RunResult, options: Options, signatures: ReadonlyMap<string, SignatureRecord>): Promise<void>;
/**
 * The sign stage: writes metadata.json (signed when a key is given and the run passed).
 * Returns the files a release publishes.
 */
export declare function signOutputs(result: RunResult, options: Options, stage: RunStage, log: Logger): Promise<string[]>;
export declare function publish(result: RunResult, options: Options, releaseFiles: readonly string[], log: Logger): Promise<Published>;
export declare function publishedText(published: Published): string;
