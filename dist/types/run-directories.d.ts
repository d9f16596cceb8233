import { ConfigurationError } from "./util/errors.js";
/**
 * The empty file a run writes first in its output directory, so that the next run knows
 * the directory's `logs/` and `payloads/` are a run's even when this one was killed before
 * its report.
 */
export declare const RUN_MARK = ".xen-livepatch-ci-run";
/**
 * Everything a run writes in the output directory (src/pipeline.ts names the reports,
 * src/payload/stage.ts the payload directories, src/publish/stages.ts the signatures):
 * what is checked for links before the run and removed when it starts.
 */
export declare const OUTPUT_ENTRIES: readonly [".xen-livepatch-ci-run", "report.json", "metadata.json", "metadata.json.minisig", "findings.sarif", "findings.txt", "scenario.json", "junit.xml", "minisign.pub", "logs", "payloads", "patch-sources"];
/**
 * The mistakes in the output and cache directories (input names `output-dir`,
 * `cache-dir`): not a directory (or cannot be made, an ancestor being a file), on /proc,
 * /sys or /dev, the output directory a symbolic link or holding one where the run writes
 * (see OUTPUT_ENTRIES), or an input file (`inputFiles`: input name and path) where the run
 * clears its outputs. Empty when both are usable.
 */
export declare function runDirectoryMistakes(outputDir: string, cacheDir: string, inputFiles?: ReadonlyArray<readonly [string, string]>): ConfigurationError[];
/**
 * Removes what an earlier run left in the output directory, and marks it as this run's
 * (RUN_MARK). OUTPUT_ENTRIES only: other
 * files there are the user's), so that the run's files are never mixed with an earlier
 * run's: a signature of an earlier payload beside this run's unsigned metadata.
 */
export declare function clearEarlierOutputs(outputDir: string): Promise<void>;
