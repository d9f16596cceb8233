import type { ListExpectation, OutputCheck, ScenarioStep } from "./types.js";
/** One payload as `xen-livepatch list` shows it. */
export interface ListedPayload {
    name: string;
    /** CHECKED, APPLIED (or what else the tool prints). */
    state: string;
    /** The error in the status column, `CHECKED (22, Invalid argument)`. */
    error?: {
        number: number;
        text: string;
    };
    /** The metadata column split at `;`, empty entries dropped. */
    metadata: string[];
    /** The status column as printed. */
    status: string;
}
/** The table `xen-livepatch list` prints; empty for "Nothing to list". */
export declare function parseListOutput(output: string): ListedPayload[];
/** The output checks that fail, each as a sentence. */
export declare function checkOutput(check: OutputCheck, printed: string, command: string): string[];
/** The first console expectation not found in order, as a sentence; undefined when all are. */
export declare function checkConsole(expected: ScenarioStep["console"], lines: readonly string[]): string | undefined;
/** The list expectations that fail, each as a sentence. */
export declare function checkList(expected: readonly ListExpectation[], output: string): string[];
