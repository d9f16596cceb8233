import type { Options } from "./options.js";
/**
 * Checks the files a run's options name, before the first stage. Throws the one
 * ConfigurationError found, or ConfigurationErrors with all of them; a problem that is not
 * a mistake in the inputs (a bug, the machine) is thrown as it is.
 */
export declare function preflight(options: Options): Promise<void>;
