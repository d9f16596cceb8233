import { type StepAction } from "./steps/index.js";
import type { Scenario } from "./types.js";
export type { ConsoleExpectation, ListExpectation, ListState, OutputCheck, Scenario, ScenarioPayload, ScenarioStep, } from "./types.js";
export type { StepAction } from "./steps/index.js";
export { formatErrno, type Errno } from "./validator.js";
export declare const MAX_PAYLOAD_NAME: number;
export declare function isPayloadName(name: string): boolean;
/** Reads and parses a scenario file (see parseScenario); an unreadable one is a `scenario` mistake. */
export declare function loadScenarioFile(path: string): Promise<Scenario>;
/**
 * Parses and validates a scenario. Every mistake found is reported, each as
 * `<file>:<line>: ...`, in one ConfigurationError for the input `scenario`.
 */
export declare function parseScenario(text: string, file: string): Scenario;
/** `apply hello --nodeps`, `run: cat /sys/...`: how a step is named when it has no `name`. */
export declare function defaultStepName(action: StepAction): string;
