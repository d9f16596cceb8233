// The changeset Xen embeds depends only on the commit, not on how the clone stores it.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pinChangeset, sourceChangeset } from "../../src/base/build-values.js";
import { localSource } from "../../src/source/path.js";

/** A minimal tree assertXenTree accepts, committed at a fixed date in +0200. */
function gitTree(): string {
  const root = mkdtempSync(join(tmpdir(), "xlci-changeset-"));
  mkdirSync(join(root, "xen", "tools"), { recursive: true });
  mkdirSync(join(root, "xen", "common"), { recursive: true });
  writeFileSync(join(root, "xen", "common", "livepatch.c"), "\n");
  writeFileSync(join(root, "xen", "Makefile"), "export XEN_VERSION = 4\n");
  writeFileSync(join(root, "Config.mk"), "\n");
  writeFileSync(join(root, "xen", "tools", "scmversion"), "#!/bin/sh\necho from-git\n", {
    mode: 0o755,
  });
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "a",
    GIT_AUTHOR_EMAIL: "a@localhost",
    GIT_COMMITTER_NAME: "a",
    GIT_COMMITTER_EMAIL: "a@localhost",
    GIT_AUTHOR_DATE: "2026-07-29T16:46:42+02:00",
    GIT_COMMITTER_DATE: "2026-07-29T16:46:42+02:00",
  };
  const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { env });
  git("init", "--quiet");
  git("add", "-A");
  git("commit", "--quiet", "--no-gpg-sign", "-m", "tree");
  return root;
}

describe("the pinned changeset", () => {
  it("is the author date and 7 digits of the commit, whatever git's abbreviation", async () => {
    const root = gitTree();
    const commit = execFileSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" });
    // A clone with more objects abbreviates longer; core.abbrev does the same here.
    execFileSync("git", ["-C", root, "config", "core.abbrev", "12"]);
    const short = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], {
      encoding: "utf8",
    }).trim();
    expect(short).toHaveLength(12);
    const changeset = await sourceChangeset(await localSource(root));
    expect(changeset).toBe(`Wed Jul 29 16:46:42 2026 +0200 git:${commit.slice(0, 7)}`);
  });

  it("says -dirty for a local checkout with changes", async () => {
    const root = gitTree();
    writeFileSync(join(root, "Config.mk"), "# changed\n");
    expect(await sourceChangeset(await localSource(root))).toMatch(/ git:[0-9a-f]{7}-dirty$/);
  });

  it("is what the tree's scmversion prints once pinned", async () => {
    const root = gitTree();
    const changeset = "Wed Jul 29 16:46:42 2026 +0200 git:def2abc it's";
    await pinChangeset(root, changeset);
    const printed = execFileSync(join(root, "xen", "tools", "scmversion"), { encoding: "utf8" });
    expect(printed).toBe(changeset);
  });
});
