// Upstream Xen releases for the version matrix, as users give them: a git URL at a tag.
// No git host is reachable here, so each release tarball (`git archive` of its tag) is made
// into a local repository with one commit dated like the tag's and the tag itself, and
// given to the action as a file:// URL with `xen-ref`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The releases the matrix knows: tag and commit date (from the tarballs' README). */
export const XEN_RELEASES = {
  "4.18.6": { tag: "RELEASE-4.18.6", date: "2026-07-29T15:36:02+02:00", file: "xen-4.18.6" },
  "4.19.6": { tag: "RELEASE-4.19.6", date: "2026-07-29T15:34:38+02:00", file: "xen-4.19.6" },
  "4.20.4": { tag: "RELEASE-4.20.4", date: "2026-07-29T17:18:52+02:00", file: "xen-4.20.4" },
  "4.21.2": { tag: "RELEASE-4.21.2", date: "2026-07-29T16:46:42+02:00", file: "xen-4.21.2" },
  "4.22.0": { tag: "RELEASE-4.22.0", date: "2026-07-29T19:59:28+01:00", file: "xen-4.22.0" },
  master: { tag: "master", date: "2026-08-20T09:15:07+02:00", file: "xen-master-c447b7308b" },
} as const;

export type XenRelease = keyof typeof XEN_RELEASES;

/**
 * Where the release tarballs are: `XLCI_XEN_TREES`, else `../shared/xen-trees` beside the
 * project's checkout (the workspace's inputs).
 */
export function xenTreesDir(): string {
  return resolve(
    process.env.XLCI_XEN_TREES ??
      join(import.meta.dirname, "..", "..", "..", "shared", "xen-trees"),
  );
}

/** Upstream's repository, for machines that reach it and have no tarballs. */
export const XEN_UPSTREAM_URL = "https://xenbits.xen.org/git-http/xen.git";

/**
 * The URL and ref a user would give as `xen-source` and `xen-ref` for `release`: a local
 * git repository made once under `cacheDir` from the release tarball when there is one
 * (machines that reach no git host), else upstream's repository at the release tag.
 */
export function xenReleaseRepo(
  release: XenRelease,
  cacheDir: string,
): { url: string; ref: string } {
  const { tag, date, file } = XEN_RELEASES[release];
  const repo = join(cacheDir, "xen-release-repos", file);
  if (!existsSync(join(repo, ".xlci-ready"))) {
    const tarball = join(xenTreesDir(), `${file}.tar.xz`);
    if (!existsSync(tarball)) return { url: XEN_UPSTREAM_URL, ref: tag };
    const tmp = `${repo}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    execFileSync("tar", ["-xf", tarball, "-C", tmp, "--strip-components=1"]);
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: "Xen release",
      GIT_AUTHOR_EMAIL: "release@localhost",
      GIT_COMMITTER_NAME: "Xen release",
      GIT_COMMITTER_EMAIL: "release@localhost",
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    };
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", tmp, ...args], { env, stdio: "ignore" });
    git("init", "--quiet", "--initial-branch=master");
    git("add", "-A", "-f");
    git("commit", "--quiet", "--no-gpg-sign", "-m", tag);
    if (tag !== "master") git("tag", tag);
    rmSync(repo, { recursive: true, force: true });
    mkdirSync(join(repo, ".."), { recursive: true });
    renameSync(tmp, repo);
    writeFileSync(join(repo, ".xlci-ready"), "");
  }
  return { url: `file://${repo}`, ref: tag };
}

/**
 * The releases a version test runs: XLCI_XEN_VERSIONS (comma-separated, or "all"), else
 * `ci`, the ones every CI run takes.
 *
 * @throws Error naming the variable and the known releases for an unknown one.
 */
export function chosenReleases(ci: readonly XenRelease[]): XenRelease[] {
  const asked = process.env.XLCI_XEN_VERSIONS;
  if (!asked) return [...ci];
  if (asked === "all") return Object.keys(XEN_RELEASES) as XenRelease[];
  const names = asked.split(",").map((v) => v.trim());
  for (const n of names)
    if (!(n in XEN_RELEASES))
      throw new Error(
        `XLCI_XEN_VERSIONS: ${n} is not one of ${Object.keys(XEN_RELEASES).join(", ")}`,
      );
  return names as XenRelease[];
}
