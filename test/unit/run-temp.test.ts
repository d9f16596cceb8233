import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { thisProcess } from "../../src/util/lock.js";
import { removeAbandoned, withRunTemp } from "../../src/util/run-temp.js";

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});
function root(): string {
  const r = mkdtempSync(join(tmpdir(), "xlci-run-temp-test-"));
  roots.push(r);
  return r;
}
/** A run directory under `parent` naming `owner` (or none) as it. */
function runDir(parent: string, name: string, owner?: object): string {
  const dir = join(parent, `xlci-run-${name}`);
  mkdirSync(join(dir, "xlci-patch-abc", "tree"), { recursive: true });
  if (owner) writeFileSync(join(dir, ".owner"), JSON.stringify(owner));
  return dir;
}

describe("a run's temporary directory", () => {
  it("removes the directories of runs that are gone, and only those", async () => {
    const parent = root();
    // A pid that was a process a moment ago and is no more.
    const exited = spawnSync("true").pid;
    const dead = runDir(parent, "dead", { pid: exited });
    const reused = runDir(parent, "reused", { pid: process.pid, start: "1" });
    const live = runDir(parent, "live", thisProcess());
    const unnamed = runDir(parent, "unnamed");
    const other = join(parent, "xlci-patch-notarun");
    mkdirSync(other);
    expect((await removeAbandoned(parent)).sort()).toEqual([dead, reused].sort());
    expect([dead, reused].map(existsSync)).toEqual([false, false]);
    // A live owner's, one that may be being made, and anything not a run directory stay.
    expect([live, unnamed, other].map(existsSync)).toEqual([true, true, true]);
  });

  it("holds the run's temporary trees and goes with the run, even when it fails", async () => {
    const parent = root();
    const before = process.env.TMPDIR;
    process.env.TMPDIR = parent;
    try {
      let inside = "";
      await expect(
        withRunTemp(() => {
          inside = tmpdir();
          mkdtempSync(join(tmpdir(), "xlci-patch-"));
          return Promise.reject(new Error("the run failed"));
        }),
      ).rejects.toThrow("the run failed");
      expect(inside.startsWith(join(parent, `xlci-run-${process.pid}-`))).toBe(true);
      expect(readdirSync(parent)).toEqual([]);
      expect(process.env.TMPDIR).toBe(parent);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});
