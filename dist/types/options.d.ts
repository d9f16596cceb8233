import { type GitHubJob, type Options, type RawInputs } from "./option-types.js";
export { type BuildValueOverrides, type FailOn, type GitHubJob, INPUT_DEFAULTS, type InputName, type Options, type RawInputs, type SeriesMode, type UploadTarget, type XenSourceSpec, } from "./option-types.js";
/**
 * One item a line (commas also separate), blank lines and `#` comments dropped. A line
 * for which `whole` is true is one item, commas and all (a file named `fix,1.patch`).
 */
export declare function listInput(value: string, whole?: (line: string) => boolean): string[];
/** The cache location when cache-dir is not given: $XLCI_CACHE, else ~/.cache/xen-livepatch-ci. */
export declare function defaultCacheDir(env: NodeJS.ProcessEnv): string;
/**
 * Validates the inputs (action.yml names, string values) into Options.
 * `cwd` (the workspace) resolves relative paths; `cacheDir` is the front door's default cache.
 * Each input is checked even after another was wrong, so all mistakes show at once, group
 * by group (source, payloads, verify, boot, publish, locations); the checks that relate
 * inputs (checkCombinations) come after, on inputs that are each right.
 */
export declare function parseOptions(raw: RawInputs, cwd: string, cacheDir: string, metadata?: Readonly<Record<string, string>>, github?: GitHubJob): Options;
