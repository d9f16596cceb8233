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
