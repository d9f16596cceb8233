/**
 * A mistake in what the user gave us (an input, a flag, a file). It reads differently
 * from a bug: the message names the input and says what to do.
 */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
  constructor(
    /** The input, flag or file the mistake is in. */
    readonly input: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${input}: ${message}`, options);
  }
}

/**
 * The change under test fails, not the way it was given: a patch that does not apply to
 * the tree or that the builder refuses, payload sources that do not compile. It names its
 * input like any ConfigurationError, but is the run's verdict: the command line exits 1
 * (a fail), keeping 2 for mistakes in the inputs and flags.
 */
export class ChangeFailure extends ConfigurationError {
  override name = "ChangeFailure";
}

/**
 * Several mistakes in what the user gave us, found together so they can all be fixed in
 * one go. The message has each mistake's own message (which names its input), one after
 * the other; `input` is the first one's.
 */
export class ConfigurationErrors extends ConfigurationError {
  override name = "ConfigurationErrors";
  private constructor(readonly problems: readonly ConfigurationError[]) {
    super(problems[0]!.input, "");
    this.message = problems.map((p) => p.message).join("\n");
  }

  /** Nothing for no mistakes, the mistake itself for one, all of them together for more. */
  static of(problems: readonly ConfigurationError[]): ConfigurationError | undefined {
    if (problems.length <= 1) return problems[0];
    return new ConfigurationErrors(problems);
  }
}

/**
 * Runs `fn`; a ConfigurationError it throws is added to `problems` and `fallback` returned
 * instead, so that the checks after it still run. Any other error is thrown as it is.
 */
export function collectMistake<T>(problems: ConfigurationError[], fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    if (!(e instanceof ConfigurationError)) throw e;
    problems.push(e);
    return fallback;
  }
}

/** A file that cannot be read or is not what it should be (truncated, garbage, hostile). */
export class InputFileError extends Error {
  override name = "InputFileError";
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}
