/** The steps that drive `xen-livepatch`, each naming one payload. */
export declare const PAYLOAD_ACTIONS: readonly ["upload", "apply", "revert", "replace", "unload"];
export type PayloadAction = (typeof PAYLOAD_ACTIONS)[number];
export type StepAction = {
    kind: PayloadAction;
    payload: string;
    nodeps?: boolean;
}
/** A shell command in dom0 (busybox sh). */
 | {
    kind: "run";
    command: string;
}
/** A Xen debug key typed on the serial line (Xen's input switch, then the key). */
 | {
    kind: "key";
    key: string;
}
/** `xen-livepatch list` on its own. */
 | {
    kind: "list";
};
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
export interface Errno {
    /** The symbolic name where it is known (EINVAL). */
    name?: string;
    number: number;
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
export declare function formatErrno(e: Errno): string;
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
