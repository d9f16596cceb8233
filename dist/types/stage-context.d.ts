/**
 * What every stage of the pipeline gets besides its own input (the run's options, where to
 * log), and what every stage's result says of it. A stage returns what it made; the
 * pipeline (src/pipeline.ts) times it, records it in the run's stages and puts its result
 * into the run's result. Nothing is shared between stages but their inputs and results.
 */
import type { Options } from "./options.js";
import type { Logger } from "./util/logger.js";
export interface StageContext {
    readonly options: Options;
    readonly log: Logger;
    /** The run's logs directory (`<output-dir>/logs`). */
    readonly logs: string;
}
/** What a stage's result says of the stage in the report's list of stages. */
export interface StageSummary {
    /** What the stage did (or why it was skipped), in one line. */
    readonly detail: string;
    /** The stage did nothing, for the reason in `detail`. */
    readonly skipped?: boolean;
}
/** The result of a stage that had nothing to do. */
export declare function skippedStage(detail: string): StageSummary;
/**
 * Runs `fn`; when it throws, what `partial()` then returns is attached to the error (which
 * stays the error it was), so that the report still shows what the stage made before it
 * failed: the base built before the comparison with Debian's failed, the payloads built
 * before the next one did not compile, the cache entries restored.
 */
export declare function keepOnFailure<T, P extends Partial<T>>(partial: () => P, fn: () => Promise<T>): Promise<T>;
/** What a failed stage had made, as keepOnFailure attached it to its error. */
export declare function partialStageResult<T>(e: unknown): Partial<T> | undefined;
