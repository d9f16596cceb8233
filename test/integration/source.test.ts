// Where the Xen tree comes from: a local directory (identified by commit or content) and a
// git URL at a branch, tag or commit (a real git repository served from the file system).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fetchGitSource } from "../../src/source/git.js";
import { localSource } from "../../src/source/path.js";
import { ConfigurationError } from "../../src/util/errors.js";

const tmp = () => mkdtempSync(join(tmpdir(), "xlci-src-"));
const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=t", "-c", "user.email=t@example.invalid", "-C", cwd, ...args],
    { encoding: "utf8" },
  ).trim();

/** The two files that make a directory pass for a Xen tree with livepatch support. */
function fakeXenTree(dir: string, version: string): void {
  mkdirSync(join(dir, "xen", "common"), { recursive: true });
  writeFileSync(join(dir, "xen", "Makefile"), `# Xen ${version}\n`);
  writeFileSync(join(dir, "xen", "common", "livepatch.c"), "/* livepatch */\n");
}

describe("a local directory", () => {
  it("is identified by its commit when clean, by its content when changed", async () => {
    const dir = tmp();
    fakeXenTree(dir, "1");
    const plain = await localSource(dir);
    expect(plain.identity).toMatchObject({ kind: "path", dirty: true });
    expect(plain.sourceDate).toBeUndefined();

    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-qm", "one");
    const clean = await localSource(dir);
    const commit = git(dir, "rev-parse", "HEAD");
    expect(clean.identity).toMatchObject({
      kind: "path",
      commit,
      dirty: false,
      digest: `git:${commit}`,
    });
    expect(clean.sourceDate).toBeInstanceOf(Date);

    writeFileSync(join(dir, "xen", "Makefile"), "# changed\n");
    const changed = await localSource(dir);
    expect(changed.identity).toMatchObject({ commit, dirty: true });
    if (changed.identity.kind !== "path" || plain.identity.kind !== "path") throw new Error("kind");
    expect(changed.identity.digest).not.toBe(plain.identity.digest);
  });

  it("is refused when it is not a Xen tree, saying what it holds", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "README"), "not xen");
    await expect(localSource(dir)).rejects.toThrow(/is not a Xen source tree .*README/);
  });
});

describe("a git URL", () => {
  // A repository with two commits, a branch and a tag, fetched over file://.
  const origin = tmp();
  fakeXenTree(origin, "1");
  git(origin, "init", "-q", "-b", "main");
  git(origin, "add", ".");
  git(origin, "commit", "-qm", "one");
  const first = git(origin, "rev-parse", "HEAD");
  git(origin, "tag", "RELEASE-1");
  fakeXenTree(origin, "2");
  git(origin, "commit", "-qam", "two");
  const second = git(origin, "rev-parse", "HEAD");
  const url = `file://${origin}`;
  const cacheDir = tmp();

  it.each([
    ["a branch", "main", () => second],
    ["a tag", "RELEASE-1", () => first],
    ["a commit", first, () => first],
    ["the default branch", "", () => second],
  ])("checks out %s and records the commit", async (_what, ref, want) => {
    const tree = await fetchGitSource({ url, ref, cacheDir });
    expect(tree.identity).toEqual({ kind: "git", url, ref, commit: want() });
    expect(git(tree.root, "rev-parse", "HEAD")).toBe(want());
    expect(tree.sourceDate).toBeInstanceOf(Date);
  });

  it("names the ref it cannot fetch", async () => {
    const error = await fetchGitSource({ url, ref: "no-such-branch", cacheDir }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).input).toBe("xen-ref");
    expect((error as Error).message).toContain("no-such-branch");
  });
});
