import type { Options } from "../options.js";
import type { Published, RunResult, SigningRecord } from "../report/result.js";
import { type SignatureRecord } from "../report/metadata.js";
import { type StageSummary } from "../stage-context.js";
import type { Logger } from "../util/logger.js";
export type { Published } from "../report/result.js";
/** How the outputs were signed: the run's result gets it from the sign stage. */
export interface SigningOutcome {
    signing: SigningRecord;
    /** Payloads (by file) that carry the experimental embedded Xen signature note. */
    xenSignatures?: string[];
}
export declare function writeMetadata(result: RunResult, options: Options, signed: SigningOutcome, signatures: ReadonlyMap<string, SignatureRecord>): Promise<void>;
export interface SignStageResult extends SigningOutcome, StageSummary {
    /** The files a release publishes. */
    releaseFiles: string[];
}
/** Whether the sign stage runs: a key was given (or refused on an untrusted event). */
export declare function signingAsked(options: Options): boolean;
/**
 * Writes metadata.json unsigned, for `reason`. Returns the files a release publishes. Without
 * a key (signingAsked false) this is all the run does of signing, with no sign stage.
 */
export declare function unsignedOutputs(result: RunResult, options: Options, reason: string, xenSignatures?: string[]): Promise<SigningOutcome & {
    releaseFiles: string[];
}>;
/**
 * The sign stage: writes metadata.json, signed when a key is given and the run passed
 * (skipped, unsigned, when it failed or the event is not trusted).
 */
export declare function signStage(result: RunResult, options: Options, log: Logger): Promise<SignStageResult>;
export declare function publish(result: RunResult, options: Options, releaseFiles: readonly string[], log: Logger): Promise<Published>;
export declare function publishedText(published: Published): string;
