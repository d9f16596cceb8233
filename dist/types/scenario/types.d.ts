/** A parsed scenario (format.ts reads one; docs/scenarios.md describes the YAML). */
import type { StepAction } from "./steps/index.js";
import type { Errno } from "./validator.js";
/** What a step's output must show; every check given must hold. */
export interface OutputCheck {
    /** Texts the output must contain. */
    contains: string[];
    /** The whole output, surrounding whitespace trimmed. */
    equals?: string;
    /** Regular expressions (JavaScript syntax, multiline) the output must match. */
    matches: string[];
    /** Texts the output must not contain. */
    lacks: string[];
}
/** One line expected on Xen's console: a text it contains, or a regular expression. */
export interface ConsoleExpectation {
    text: string;
    regex: boolean;
}
export type ListState = "CHECKED" | "APPLIED" | "absent";
/** What `xen-livepatch list` must show for one payload. */
export interface ListExpectation {
    payload: string;
    state: ListState;
    /** Entries the metadata column (`.modinfo`, `;`-separated) must hold, each whole. */
    metadata: string[];
    /** The error the status column shows, e.g. `CHECKED (22, Invalid argument)`. */
    errno?: Errno;
}
export interface ScenarioStep {
    /** 1-based position in the scenario. */
    index: number;
    /** The line of the step in the scenario file. */
    line: number;
    /** The step's `name`, or one made from the action (`apply hello --nodeps`). */
    name: string;
    action: StepAction;
    expect: "success" | "refused";
    /** A text the tool's output or Xen's console shows when the step is refused. */
    refusal?: string;
    /** The error the tool reports for a refusal (`Error 22: Invalid argument`). */
    errno?: Errno;
    /** A command run after the action; `output` then checks its output instead. */
    check?: string;
    output?: OutputCheck;
    /** Xen console lines expected during the step, in this order (others may come between). */
    console: ConsoleExpectation[];
    /** What `xen-livepatch list` must show after the step. */
    list?: ListExpectation[];
}
export interface ScenarioPayload {
    /** The file as written in the scenario (resolved by whoever runs it). */
    file: string;
    line: number;
}
export interface Scenario {
    name: string;
    description?: string;
    /** Where the scenario came from, for messages (a path, or `builtin:<name>`). */
    file: string;
    /** The YAML text, so that reports can show what the line numbers refer to. */
    source: string;
    /** Payload names (the IDs the hypervisor knows them by) and their files. */
    payloads: Record<string, ScenarioPayload>;
    steps: ScenarioStep[];
}
