/**
 * A mistake in what the user gave us (an input, a flag, a file). It reads differently
 * from a bug: the message names the input and says what to do.
 */
export declare class ConfigurationError extends Error {
    /** The input, flag or file the mistake is in. */
    readonly input: string;
    name: string;
    constructor(
    /** The input, flag or file the mistake is in. */
    input: string, message: string, options?: ErrorOptions);
}
/**
 * The change under test fails, not the way it was given: a patch that does not apply to
 * the tree or that the builder refuses, payload sources that do not compile. It names its
 * input like any ConfigurationError, but is the run's verdict: the command line exits 1
 * (a fail), keeping 2 for mistakes in the inputs and flags.
 */
export declare class ChangeFailure extends ConfigurationError {
    name: string;
}
/**
 * Several mistakes in what the user gave us, found together so they can all be fixed in
 * one go. The message has each mistake's own message (which names its input), one after
 * the other; `input` is the first one's.
 */
export declare class ConfigurationErrors extends ConfigurationError {
    readonly problems: readonly ConfigurationError[];
    name: string;
    private constructor();
    /** Nothing for no mistakes, the mistake itself for one, all of them together for more. */
    static of(problems: readonly ConfigurationError[]): ConfigurationError | undefined;
}
/**
 * Runs `fn`; a ConfigurationError it throws is added to `problems` and `fallback` returned
 * instead, so that the checks after it still run. Any other error is thrown as it is.
 */
export declare function collectMistake<T>(problems: ConfigurationError[], fn: () => T, fallback: T): T;
/** A file that cannot be read or is not what it should be (truncated, garbage, hostile). */
export declare class InputFileError extends Error {
    readonly file: string;
    name: string;
    constructor(file: string, message: string);
}
