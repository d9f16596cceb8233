/**
 * The tree a patch is rebuilt in: the base's hypervisor tree, its sources hard-linked and
 * everything its build wrote copied. A full copy (sources.ts copyHypervisorTree) took a
 * second and more of a one-file patch's few; links take a fraction of that. Make writes only
 * what the build made (objects, `.cmd` records, generated headers, some in place, as `as -o`
 * and `> $@` do), and those are copies; the sources it only reads. What the builder writes
 * itself into sources is copied first: the changeset script it pins, and every file a patch
 * changes (breakLinks). unchangedSources checks after the rebuild that no linked file was
 * written, which would have written the cached base.
 */
import { copyFile, lstat, readdir, stat, unlink, utimes } from "node:fs/promises";
import { join, relative } from "node:path";
import { pinBaseChangeset } from "../payload/sources.js";
import { runCommand } from "../util/exec.js";

/** The linked sources of a patchable tree: paths in the tree, and the time they are older than. */
export interface LinkedSources {
  files: string[];
  /** Milliseconds: the base's `xen/.config`, the first thing its build wrote. */
  before: number;
}

/**
 * Makes `tree` (an empty directory) the base's hypervisor tree as sources.ts
 * copyHypervisorTree does: the top-level files and `config/` copied, `xen/` hard-linked
 * except what the base's build wrote (modified at or after its `xen/.config`), times kept.
 * Returns the linked files, or undefined when the base has no `xen/.config` (then it is a
 * plain copy).
 */
export async function patchableTree(
  baseTree: string,
  tree: string,
  logFile?: string,
): Promise<LinkedSources | undefined> {
  const log = logFile ? { logFile } : {};
  const config = await stat(join(baseTree, "xen", ".config")).catch(() => undefined);
  const entries = await readdir(baseTree, { withFileTypes: true });
  const copied = entries
    .filter((e) => e.isFile() || (e.isDirectory() && e.name === "config"))
    .map((e) => join(baseTree, e.name));
  await runCommand("cp", ["-a", ...copied, tree], log);
  await runCommand("cp", [config ? "-al" : "-a", join(baseTree, "xen"), tree], log);
  if (!config) {
    await pinBaseChangeset(baseTree, tree);
    return undefined;
  }
  const before = config.mtimeMs;
  const linked: string[] = [];
  const built: string[] = [];
  for (const e of await readdir(join(baseTree, "xen"), { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const path = relative(baseTree, join(e.parentPath, e.name));
    ((await lstat(join(baseTree, path))).mtimeMs < before ? linked : built).push(path);
  }
  // The changeset script is a source the builder rewrites in place (pinChangeset).
  const scm = join("xen", "tools", "scmversion");
  await breakLinks(baseTree, tree, linked.includes(scm) ? [scm] : []);
  await breakLinks(baseTree, tree, built);
  await pinBaseChangeset(baseTree, tree);
  return { files: linked.filter((p) => p !== scm), before };
}

/**
 * Replaces each of `paths` (in the tree) that is still a link to the base's file with a
 * copy of it, times kept, so writing it leaves the base alone. Other paths (already
 * copies, perhaps patched by an earlier step; new files) are left as they are.
 */
export async function breakLinks(
  baseTree: string,
  tree: string,
  paths: readonly string[],
): Promise<void> {
  const one = async (path: string) => {
    const from = join(baseTree, path);
    const info = await lstat(from).catch(() => undefined);
    if (!info?.isFile()) return;
    const to = join(tree, path);
    const now = await lstat(to).catch(() => undefined);
    if (!now || now.ino !== info.ino || now.dev !== info.dev) return;
    await unlink(to);
    await copyFile(from, to);
    await utimes(to, info.atime, info.mtime);
  };
  // A few at a time: thousands of small files, each a handful of system calls.
  for (let i = 0; i < paths.length; i += 64) await Promise.all(paths.slice(i, i + 64).map(one));
}

/**
 * Throws when a linked source of the tree was written (its time is no longer older than
 * the base's build): the cached base then holds the write and must be rebuilt.
 */
export async function unchangedSources(
  baseTree: string,
  tree: string,
  linked: LinkedSources,
): Promise<void> {
  for (const path of linked.files) {
    const info = await lstat(join(tree, path)).catch(() => undefined);
    // Unlinked (a patch replaced or removed it): the base's file was not touched.
    if (!info || info.nlink < 2) continue;
    if (info.mtimeMs >= linked.before) {
      throw new Error(
        `${path} was written through its link into the cached base's tree while rebuilding; remove the base's build (${baseTree}) so it is built again`,
      );
    }
  }
}
