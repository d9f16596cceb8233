/**
 * The two directories a run writes: the output directory (what users keep and upload)
 * and the cache directory (builds reused between runs). Both are checked with the other
 * inputs, before anything is written, so that a path that cannot work is a mistake named
 * in the inputs rather than a stack trace or a hang half-way through the run.
 *
 * Nothing is written through a symbolic link in the output directory: the directory may
 * be inside a checkout under review, where a link named `report.json` or `logs` would
 * send the run's files (or, being cleared, the removal) anywhere the user can write.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, join, relative } from "node:path";
import { PUBLIC_KEY_FILE } from "./sign/outputs.js";
import { ConfigurationError } from "./util/errors.js";

/**
 * The empty file a run writes first in its output directory, so that the next run knows
 * the directory's `logs/` and `payloads/` are a run's even when this one was killed before
 * its report.
 */
export const RUN_MARK = ".xen-livepatch-ci-run";

/**
 * Everything a run writes in the output directory (src/pipeline.ts names the reports,
 * src/payload/stage.ts the payload directories, src/publish/stages.ts the signatures):
 * what is checked for links before the run and removed when it starts.
 */
export const OUTPUT_ENTRIES = [
  RUN_MARK,
  "report.json",
  "metadata.json",
  "metadata.json.minisig",
  "findings.sarif",
  "findings.txt",
  "scenario.json",
  "junit.xml",
  PUBLIC_KEY_FILE,
  "logs",
  "payloads",
  "patch-sources",
] as const;

/** Virtual file systems: writing there fails in odd ways or blocks. */
const PSEUDO_FILE_SYSTEMS = ["/proc", "/sys", "/dev"];

/** The path itself, or its nearest ancestor that exists (every path has one: `/`). */
function nearestExisting(path: string): string {
  for (let p = path; ; p = dirname(p)) {
    try {
      if (lstatSync(p, { throwIfNoEntry: false })) return p;
    } catch (e) {
      // Under a file: ENOTDIR, as for a path that does not exist; the file is found next.
      if ((e as NodeJS.ErrnoException).code !== "ENOTDIR") throw e;
    }
    if (dirname(p) === p) return p;
  }
}

/** Mistakes common to both directories: not a directory, or on a virtual file system. */
function directoryMistake(input: string, dir: string): ConfigurationError | undefined {
  const existing = nearestExisting(dir);
  let real = existing;
  try {
    real = realpathSync(existing);
  } catch {
    // A dangling link: judged as the link itself below.
  }
  const pseudo = PSEUDO_FILE_SYSTEMS.find((p) => real === p || real.startsWith(`${p}/`));
  if (pseudo && !real.startsWith("/dev/shm/"))
    return new ConfigurationError(
      input,
      `${dir} is under ${pseudo}, a virtual file system: give a directory on a disk`,
    );
  if (input === "output-dir" && existing === dir && lstatSync(dir).isSymbolicLink())
    return new ConfigurationError(
      input,
      `${dir} is a symbolic link; the run never writes through one: give the directory it points to`,
    );
  if (!statSync(real, { throwIfNoEntry: false })?.isDirectory())
    return new ConfigurationError(
      input,
      existing === dir
        ? `${dir} is not a directory`
        : `${dir} cannot be made: ${existing} is not a directory`,
    );
  return undefined;
}

const inside = (file: string, dir: string) => {
  const rel = relative(dir, file);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
};

/** The first symbolic link at or under `path` (not following any), if there is one. */
function firstLink(path: string): string | undefined {
  const info = lstatSync(path, { throwIfNoEntry: false });
  if (!info) return undefined;
  if (info.isSymbolicLink()) return path;
  if (!info.isDirectory()) return undefined;
  for (const entry of readdirSync(path)) {
    const link = firstLink(join(path, entry));
    if (link) return link;
  }
  return undefined;
}

/**
 * The mistakes in the output and cache directories (input names `output-dir`,
 * `cache-dir`): not a directory (or cannot be made, an ancestor being a file), on /proc,
 * /sys or /dev, the output directory a symbolic link or holding one where the run writes
 * (see OUTPUT_ENTRIES), or an input file (`inputFiles`: input name and path) where the run
 * clears its outputs. Empty when both are usable.
 */
export function runDirectoryMistakes(
  outputDir: string,
  cacheDir: string,
  inputFiles: ReadonlyArray<readonly [string, string]> = [],
): ConfigurationError[] {
  const problems: ConfigurationError[] = [];
  const checked = (input: string, dir: string) => {
    try {
      return directoryMistake(input, dir);
    } catch (e) {
      return new ConfigurationError(input, `${dir} cannot be checked: ${(e as Error).message}`);
    }
  };
  const output =
    checked("output-dir", outputDir) ?? linkMistake(outputDir) ?? notARunsDirectory(outputDir);
  if (output) problems.push(output);
  for (const [input, file] of inputFiles) {
    const entry = OUTPUT_ENTRIES.find((e) => inside(file, join(outputDir, e)));
    if (entry)
      problems.push(
        new ConfigurationError(
          input,
          `${file} is in ${join(outputDir, entry)}, which a run clears of the earlier run's files: copy it elsewhere first`,
        ),
      );
  }
  const cache = checked("cache-dir", cacheDir);
  if (cache) problems.push(cache);
  else if (
    !output &&
    (OUTPUT_ENTRIES.some((e) => inside(cacheDir, join(outputDir, e))) ||
      inside(outputDir, cacheDir))
  )
    problems.push(
      new ConfigurationError(
        "cache-dir",
        `${cacheDir} and the output directory ${outputDir} overlap: a run clears its outputs there (logs/, payloads/...) and the cache keeps only its own entries; give them separate directories`,
      ),
    );
  return problems;
}

/** The mistake of a symbolic link where a run writes in the output directory, if there is one. */
function linkMistake(outputDir: string): ConfigurationError | undefined {
  for (const entry of OUTPUT_ENTRIES) {
    const link = firstLink(join(outputDir, entry));
    if (link)
      return new ConfigurationError(
        "output-dir",
        `${link} is a symbolic link; the run writes there and never through a link: remove it`,
      );
  }
  return undefined;
}

/** The files only this tool's runs write in an output directory (older releases included). */
const RUN_MARKS = [RUN_MARK, "report.json", "metadata.json"];

/**
 * The mistake in an output directory that a run may not clear: `/`, or one holding
 * entries a run writes (payloads/, logs/...) that no earlier run left (no report.json or
 * metadata.json beside them): a user's own `payloads/` in the current directory.
 */
function notARunsDirectory(outputDir: string): ConfigurationError | undefined {
  if (dirname(outputDir) === outputDir)
    return new ConfigurationError(
      "output-dir",
      `${outputDir} is the root directory: give a directory of its own`,
    );
  const present = OUTPUT_ENTRIES.filter((e) =>
    lstatSync(join(outputDir, e), { throwIfNoEntry: false }),
  );
  if (
    present.length === 0 ||
    RUN_MARKS.some((m) => present.includes(m as (typeof present)[number]))
  )
    return undefined;
  return new ConfigurationError(
    "output-dir",
    `${outputDir} holds ${present.join(", ")}, not written by an earlier run (no report.json, metadata.json or ${RUN_MARK}), which a run would clear: give an empty or new directory`,
  );
}

/**
 * Removes what an earlier run left in the output directory, and marks it as this run's
 * (RUN_MARK). OUTPUT_ENTRIES only: other
 * files there are the user's), so that the run's files are never mixed with an earlier
 * run's: a signature of an earlier payload beside this run's unsigned metadata.
 */
export async function clearEarlierOutputs(outputDir: string): Promise<void> {
  for (const entry of OUTPUT_ENTRIES)
    await rm(join(outputDir, entry), { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  // "wx": created, never written through whatever appeared there since.
  await writeFile(join(outputDir, RUN_MARK), "", { flag: "wx" });
}
