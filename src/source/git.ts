/**
 * A Xen tree from a git URL at a ref (branch, tag or commit), fetched shallow into the
 * cache. One work tree per URL; each call checks out the asked ref and records the commit
 * it resolved to.
 */
import { createHash } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ConfigurationError } from "../util/errors.js";
import { CommandError, runCommand } from "../util/exec.js";
import { exists } from "../util/fs.js";
import { assertXenTree } from "./debian.js";
import type { XenSourceTree } from "./types.js";

export interface FetchGitSourceOptions {
  url: string;
  /** Branch, tag or commit; "" for the remote's default branch. */
  ref: string;
  cacheDir: string;
  logFile?: string;
}

/** The git invocations that bring `ref` into the work tree: shallow first, full as a fallback. */
export function gitFetchSteps(ref: string): { shallow: string[]; full: string[] } {
  const what = ref || "HEAD";
  return {
    shallow: ["fetch", "--quiet", "--depth", "1", "origin", what],
    full: ["fetch", "--quiet", "--tags", "origin", "+refs/heads/*:refs/remotes/origin/*"],
  };
}

export async function fetchGitSource(opts: FetchGitSourceOptions): Promise<XenSourceTree> {
  if (opts.ref.startsWith("-") || opts.url.startsWith("-")) {
    throw new ConfigurationError("xen-ref", `"${opts.ref || opts.url}" is not a git ref or URL`);
  }
  const id = createHash("sha256").update(opts.url).digest("hex").slice(0, 16);
  const root = join(resolve(opts.cacheDir), "source", `git-${id}`);
  const git = (args: string[]) =>
    runCommand("git", ["-C", root, ...args], { logFile: opts.logFile });

  if (!(await exists(join(root, ".git")))) {
    await mkdir(root, { recursive: true });
    await git(["init", "--quiet"]);
    await git(["remote", "add", "origin", opts.url]);
  }
  const steps = gitFetchSteps(opts.ref);
  try {
    await git(steps.shallow);
    await git(["checkout", "--quiet", "--force", "FETCH_HEAD"]);
  } catch (shallowError) {
    // Some servers refuse a commit id in a shallow fetch: fetch everything and look it up.
    try {
      await git(steps.full);
      await git(["checkout", "--quiet", "--force", opts.ref || "origin/HEAD"]);
    } catch (e) {
      const detail =
        e instanceof CommandError ? e.stderr.trim().split("\n").slice(-2).join(" ") : String(e);
      throw new ConfigurationError(
        opts.ref ? "xen-ref" : "xen-source",
        `cannot fetch ${opts.ref ? `ref "${opts.ref}" of ` : ""}${opts.url}: ${detail}`,
        { cause: shallowError },
      );
    }
  }
  await git(["clean", "-fdxq"]);
  const commit = (await git(["rev-parse", "HEAD"])).stdout.trim();
  const date = (await git(["log", "-1", "--format=%cI"])).stdout.trim();
  await assertXenTree(root);
  return {
    root,
    identity: { kind: "git", url: opts.url, ref: opts.ref, commit },
    sourceDate: new Date(date),
  };
}
