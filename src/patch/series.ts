/**
 * Patch files as the builder takes them: read, checked before anything runs (only text
 * changes, inside the tree, of a sane size), and applied to a tree with failures named by
 * patch, file and hunk. Only the files under `xen/` are the hypervisor's: the others
 * (docs, the toolstack, the XSM policy under tools/flask, as advisories publish them)
 * are left out and listed, or on request (`refuse-outside-xen`) refused.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { XEN_LIVEPATCH_NAME_SIZE } from "../xen/abi.js";
import { ChangeFailure, ConfigurationError } from "../util/errors.js";
import { CommandError, runCommand } from "../util/exec.js";

const INPUT = "patches";
/** Security fixes are small; a megabyte of diff is a tree update, not a livepatch. */
export const MAX_PATCH_BYTES = 1024 * 1024;

export interface Hunk {
  /** The `@@ -a,b +c,d @@` line. */
  header: string;
  oldStart: number;
  /** Lines the hunk spans before and after the patch (1 when the header omits it). */
  oldCount: number;
  newStart: number;
  newCount: number;
  /** 1-based line of the header in the patch file. */
  line: number;
}

export interface FilePatch {
  /** Path in the tree (after stripping `a/`), `xen/...`. */
  path: string;
  hunks: Hunk[];
}

export interface PatchFile {
  /** The path as given, resolved. */
  path: string;
  /** The payload name: the file's name without .patch/.diff, as [A-Za-z0-9_-]. */
  name: string;
  sha256: string;
  /** The files under `xen/` it changes: what the payload is built from. */
  files: FilePatch[];
  /** Files it changes outside `xen/`, left out of the build (tree paths, in patch order). */
  leftOut: string[];
}

/** What to do with a patch's files outside `xen/`: leave them out (listed), or refuse. */
export type OutsideXen = "leave-out" | "refuse";

export function patchPayloadName(path: string): string {
  const name = basename(path)
    .replace(/\.(patch|diff)$/, "")
    .replace(/[^A-Za-z0-9_-]/g, "_")
    .slice(0, XEN_LIVEPATCH_NAME_SIZE - 1);
  if (!/[A-Za-z0-9]/.test(name)) {
    throw new ConfigurationError(INPUT, `${path}: the file name gives no usable payload name`);
  }
  return name;
}

/**
 * What makes one line of a patch unusable for a livepatch (a binary change, Windows line
 * endings, a symbolic link or submodule, a rename), if anything.
 */
function lineProblem(line: string): string | undefined {
  if (line.startsWith("GIT binary patch") || /^Binary files .* differ$/.test(line))
    return "binary changes cannot be built into a livepatch; the patch must change only source text";
  // A patch saved with Windows line endings: its headers end in CR too, and Xen's sources
  // (LF) then never match its hunks.
  if (/^(?:diff --git |--- |\+\+\+ |@@ )/.test(line) && line.endsWith("\r"))
    return "the patch has CRLF (Windows) line endings; Xen's sources use LF: convert it (dos2unix, or git config core.autocrlf false and export it again)";
  // git reads a mode as octal (0120000 is 120000) up to the first non-digit, which must
  // be white space (parse_mode_line), also the one ending an index line.
  const mode =
    /^(?:new file mode|deleted file mode|old mode|new mode)\s+([0-7]+)(?:\s|$)/.exec(line) ??
    /^index [0-9a-f]+\.\.[0-9a-f]+ +([0-7]+)(?:\s|$)/.exec(line);
  const kind = mode ? parseInt(mode[1]!, 8) & 0o170000 : 0o100000;
  if (kind === 0o120000) return "the patch adds, removes or changes a symbolic link";
  if (kind !== 0o100000)
    return `mode ${mode![1]} is not a regular file's (a submodule?): a livepatch patch changes file contents only`;
  // git apply also takes the older "rename old"/"rename new" header words.
  if (/^(?:(?:rename|copy) (?:from|to)|rename (?:old|new)) /.test(line))
    return "the patch renames or copies a file; a livepatch patch changes file contents only";
  return undefined;
}

/**
 * Checks a patch's text; throws a ConfigurationError naming the patch and the line. Files
 * outside `xen/` are listed in `leftOut` (or, with `outside` "refuse", refused).
 */
export function parsePatch(
  path: string,
  text: string,
  outside: OutsideXen = "leave-out",
): PatchFile {
  const fail = (line: number, problem: string): never => {
    throw new ConfigurationError(INPUT, `${path}:${line}: ${problem}`);
  };
  // A well-formed patch that cannot become a livepatch: the check fails (exit 1).
  const refuse = (line: number, problem: string): never => {
    throw new ChangeFailure(INPUT, `${path}:${line}: ${problem}`);
  };
  const files: FilePatch[] = [];
  const leftOut: string[] = [];
  const lines = text.split("\n");
  let current: FilePatch | undefined;
  for (const [i, line] of lines.entries()) {
    const n = i + 1;
    const problem = lineProblem(line);
    if (problem) fail(n, problem);
    // git's own header names the files even where no ---/+++ follows (a new empty file).
    if (line.startsWith("diff --git ")) {
      const paths = /^diff --git (\S+) (\S+)$/.exec(line);
      if (!paths)
        fail(n, "a diff --git header whose paths cannot be read (quoted, or with spaces)");
      const target = checkedPath(paths![1]!, paths![2]!, n);
      if (!target.startsWith("xen/") && !leftOut.includes(target)) leftOut.push(target);
    }
    if (line.startsWith("+++ ")) {
      const target = checkedPath(
        lines[i - 1]?.startsWith("--- ") ? lines[i - 1]!.slice(4) : "",
        line.slice(4),
        n,
      );
      current = { path: target, hunks: [] };
      if (target.startsWith("xen/")) files.push(current);
      else if (!leftOut.includes(target)) leftOut.push(target);
      continue;
    }
    const hunk = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk) {
      if (!current) fail(n, "a hunk before any +++ file header");
      current!.hunks.push({
        header: hunk[0],
        oldStart: Number(hunk[1]),
        oldCount: hunk[2] === undefined ? 1 : Number(hunk[2]),
        newStart: Number(hunk[3]),
        newCount: hunk[4] === undefined ? 1 : Number(hunk[4]),
        line: n,
      });
    }
  }
  if (leftOut.length > 0 && files.every((f) => f.hunks.length === 0)) {
    throw new ChangeFailure(
      INPUT,
      `${path} changes no file under xen/ (only ${leftOut.join(", ")}): a livepatch changes only the hypervisor`,
    );
  }
  if (files.length === 0 || files.every((f) => f.hunks.length === 0)) {
    throw new ConfigurationError(
      INPUT,
      `${path}: no unified diff hunks found; give a patch made by git format-patch or diff -u`,
    );
  }
  return {
    path,
    name: patchPayloadName(path),
    sha256: createHash("sha256").update(text).digest("hex"),
    files,
    leftOut,
  };

  function checkedPath(oldHeader: string, newHeader: string, n: number): string {
    const strip = (header: string) => {
      const path = header.split("\t")[0]!.trim();
      // git quotes a path with special characters ("b/a\"b"), and diff -u may put a date
      // after a space: neither is a path of Xen's tree, and guessing could misplace a file.
      if (path.startsWith('"'))
        fail(
          n,
          `${path}: a quoted path; Xen's files have plain names, give the patch as git format-patch writes it`,
        );
      if (/\s/.test(path))
        fail(
          n,
          `${JSON.stringify(path)}: a path with white space (a date after a space?); separate it with a tab, or give the patch as git format-patch writes it`,
        );
      return path;
    };
    const paths = [strip(oldHeader), strip(newHeader)].filter((p) => p && p !== "/dev/null");
    if (paths.length === 0) fail(n, "a file header without a path");
    let inTree = "";
    for (const p of paths) {
      if (p.startsWith("/"))
        fail(n, `${p} is an absolute path; use paths relative to the tree (a/xen/...)`);
      const rel = p.split("/").slice(1).join("/"); // -p1, as git format-patch writes them
      if (rel.split("/").some((part) => part === ".."))
        fail(n, `${p}: a path with ".." in it; give paths without ".." (a/xen/...)`);
      if (!rel.startsWith("xen/") && outside === "refuse") {
        refuse(
          n,
          `${p} is outside xen/: a livepatch changes only the hypervisor (tools and docs belong in another patch; refuse-outside-xen is set)`,
        );
      }
      inTree = rel;
    }
    return inTree;
  }
}

export async function readPatch(
  path: string,
  outside: OutsideXen = "leave-out",
): Promise<PatchFile> {
  const full = resolve(path);
  const info = await stat(full).catch((err: unknown) => {
    throw new ConfigurationError(
      INPUT,
      `${path}: cannot read the patch: ${(err as Error).message}`,
      { cause: err },
    );
  });
  if (!info.isFile()) throw new ConfigurationError(INPUT, `${path} is not a file`);
  if (info.size > MAX_PATCH_BYTES) {
    throw new ConfigurationError(
      INPUT,
      `${path} is ${info.size} bytes, more than the ${MAX_PATCH_BYTES} a livepatch patch may be; split it or build a new hypervisor`,
    );
  }
  return parsePatch(full, await readFile(full, "latin1"), outside);
}

/**
 * The mistake in a series whose patches give two payloads one name (payload names come
 * from the files' names, see patchPayloadName), if there is one.
 */
export function payloadNameClash(patches: readonly PatchFile[]): ConfigurationError | undefined {
  const names = new Set<string>();
  for (const p of patches) {
    if (names.has(p.name))
      return new ConfigurationError(INPUT, `two patches give the payload name ${p.name}`);
    names.add(p.name);
  }
  return undefined;
}

/**
 * Applies a patch at `tree` (its root) with `git apply`, which refuses fuzz: a patch that
 * does not apply exactly is named with the file and the hunk that failed. The files it
 * leaves out (outside `xen/`) are not applied.
 */
export async function applyPatch(patch: PatchFile, tree: string, logFile?: string): Promise<void> {
  const args = [
    "apply",
    "-p1",
    "--whitespace=nowarn",
    // Only xen/ by git's own reading of the paths, whatever this parser made of them.
    "--include=xen/*",
  ];
  const run = (extra: string[]) =>
    runCommand("git", [...args, ...extra, patch.path], {
      cwd: tree,
      // Not a repository: git must not find one above the tree and apply relative to it.
      env: { GIT_CEILING_DIRECTORIES: dirname(tree) },
      ...(logFile ? { logFile } : {}),
    });
  try {
    await run(["--check"]);
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
    throw new ChangeFailure(INPUT, applyFailure(patch, err.stderr), { cause: err });
  }
  await run([]);
}

/** git apply's "patch failed: FILE:LINE" turned into the hunk of the patch file. */
export function applyFailure(patch: PatchFile, stderr: string): string {
  const failed = /patch failed: (.+):(\d+)/.exec(stderr);
  const detail = stderr.trim().split("\n").slice(0, 4).join("\n");
  if (failed) {
    const [, file, at] = failed;
    const filePatch = patch.files.find((f) => f.path === file);
    const index = filePatch?.hunks.findIndex((h) => h.oldStart === Number(at)) ?? -1;
    if (filePatch && index >= 0) {
      const hunk = filePatch.hunks[index]!;
      return `${patch.path}:${hunk.line}: hunk ${index + 1} of ${file} (${hunk.header}) does not apply to the base tree; rebase the patch onto the Xen source given in xen-source\n${detail}`;
    }
  }
  return `${patch.path} does not apply to the base tree; rebase it onto the Xen source given in xen-source\n${detail}`;
}

/**
 * Whether some file of the patches has an unchanged line `from` that the patches move to
 * line `to`: what a `__LINE__` embedded in unchanged code turns into. Lines inside a hunk
 * (context included) are not counted as moved, lines between and after hunks are.
 */
export function linesMovedBy(patches: readonly PatchFile[]): (from: number, to: number) => boolean {
  const files = patches.flatMap((p) => p.files);
  return (from, to) =>
    from !== to &&
    files.some((f) => {
      let shift = 0;
      for (const h of [...f.hunks].sort((a, b) => a.oldStart - b.oldStart)) {
        if (from < h.oldStart) break;
        if (from < h.oldStart + h.oldCount) return false;
        shift = h.newStart + h.newCount - (h.oldStart + h.oldCount);
      }
      return shift !== 0 && from + shift === to;
    });
}
