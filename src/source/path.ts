/**
 * A Xen tree given as a directory (what actions/checkout leaves in the workspace). The
 * build works on a copy, so the user's tree is never written to. Its identity is the
 * commit when the checkout is clean, else a digest of its files: a changed file is always
 * a different base.
 */
import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { runCommand } from "../util/exec.js";
import { assertXenTree } from "./debian.js";
import type { XenSourceTree } from "./types.js";

/** sha256 over every file's relative path, executable bit and content, in sorted order. */
export async function treeDigest(root: string): Promise<string> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() || entry.isSymbolicLink()) files.push(full);
    }
  };
  await walk(root);
  files.sort();
  const hash = createHash("sha256");
  for (const file of files) {
    const info = await stat(file).catch(() => undefined); // a dangling symlink has no content
    hash.update(`${relative(root, file)}\0${info && info.mode & 0o111 ? "x" : "-"}\0`);
    if (info?.isFile()) hash.update(await readFile(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

async function gitState(
  root: string,
): Promise<{ commit: string; dirty: boolean; date: Date } | undefined> {
  try {
    const git = (...args: string[]) => runCommand("git", ["-C", root, ...args]);
    const top = (await git("rev-parse", "--show-toplevel")).stdout.trim();
    if (resolve(top) !== resolve(root)) return undefined; // a subdirectory of some other repository
    const commit = (await git("rev-parse", "HEAD")).stdout.trim();
    const dirty = (await git("status", "--porcelain")).stdout.trim() !== "";
    const date = new Date((await git("log", "-1", "--format=%cI")).stdout.trim());
    return { commit, dirty, date };
  } catch {
    return undefined; // not a git work tree, or git is missing: identify by content
  }
}

export async function localSource(path: string): Promise<XenSourceTree> {
  const root = resolve(path);
  await assertXenTree(root);
  const git = await gitState(root);
  const digest = git && !git.dirty ? `git:${git.commit}` : await treeDigest(root);
  return {
    root,
    identity: {
      kind: "path",
      path: root,
      ...(git ? { commit: git.commit } : {}),
      dirty: git?.dirty ?? true,
      digest,
    },
    ...(git ? { sourceDate: git.date } : {}),
  };
}
