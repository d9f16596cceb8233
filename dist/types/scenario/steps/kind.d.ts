/**
 * What one kind of scenario step is (`upload`, `apply`, `run`, `key`, `list`, ...): how its
 * action is read from the step's YAML, the command dom0 runs for it, its name when the
 * step has none, and how the action's own run is judged. A kind is one module of this
 * folder and one row of STEP_KINDS (index.ts); format.ts, plan.ts and run.ts dispatch over
 * that table. What any step may add (`check`/`output`, `console`, `list`) is judged the
 * same for every kind, in run.ts.
 */
import type { Pair } from "yaml";
import { type Errno, type Validator } from "../validator.js";
/** Where a step's action is being read, for the kind's messages. */
export interface StepContext {
    v: Validator;
    /** 1-based position in the scenario. */
    index: number;
    /** The step's line. */
    line: number;
    /** The payloads the scenario declares, by name. */
    payloads: Readonly<Record<string, unknown>>;
}
/** How a step expects its action to end (ScenarioStep's fields of the same names). */
export interface ActionExpectation {
    expect: "success" | "refused";
    refusal?: string;
    errno?: Errno;
}
/** The action's command as it ran to its end. */
export interface ActionRun {
    rc: number | null;
    output: string;
    /** Xen's console lines while it ran. */
    xen: readonly string[];
}
export interface StepKind<A extends {
    kind: string;
}> {
    /** The step key that names the action (`- upload: NAME`), and the action's `kind`. */
    readonly key: A["kind"];
    /**
     * The key names this action only in a step with no other action; beside one it means
     * something else (`list` is then what the list must show).
     */
    readonly onlyAlone?: boolean;
    /** Step keys of this kind's own (`nodeps` for apply), in the order messages list them. */
    readonly options?: readonly string[];
    /**
     * The action from its key's pair; undefined once it has reported what is wrong. A kind
     * with `onlyAlone` is not given its pair (its value is the other meaning's).
     */
    parse(pair: Pair<unknown, unknown>, at: StepContext): A | undefined;
    /**
     * Reads the kind's `options` when a step has any of them: `action` is the step's action
     * when it is of this kind, `own` whether the step's (first) action key is this kind's.
     */
    parseOptions?(pairs: Partial<Record<string, Pair<unknown, unknown>>>, action: A | undefined, own: boolean, at: StepContext): void;
    /** The shell command dom0 runs (busybox sh); payload names need no quoting (isPayloadName). */
    command(action: A): string;
    /** The step's name when it has no `name` (`apply hello --nodeps`). */
    defaultName(action: A): string;
    /** The action's output is `xen-livepatch list`'s: a `list` expectation reads it, and no list command follows. */
    readonly printsList?: boolean;
    /** What is wrong with the action's run, each as a sentence (none: it did what was expected). */
    judge(expected: ActionExpectation, run: ActionRun, command: string): string[];
}
/**
 * Judges an action by `expect`: success is exit status 0; a refusal is a non-zero status,
 * with the `refusal` text in the tool's output or on Xen's console, and the tool's
 * `Error N:` equal to `errno`. Every kind so far is judged so.
 */
export declare function judgeAction(expected: ActionExpectation, run: ActionRun, command: string): string[];
