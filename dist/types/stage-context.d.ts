/**
 * What every stage of the pipeline gets besides its own input: the run's options, where
 * to log, and its own record (a stage says what it did in `record.detail`, and that it was
 * skipped in `record.status`). The pipeline times the stage and marks it failed.
 */
import type { Options } from "./options.js";
import type { StageRecord } from "./report/result.js";
import type { Logger } from "./util/logger.js";
export interface StageContext {
    readonly options: Options;
    readonly log: Logger;
    /** The run's logs directory (`<output-dir>/logs`). */
    readonly logs: string;
    readonly record: StageRecord;
}
