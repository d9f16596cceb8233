// README.md's usage section is generated from action.yml (and the Xen changes table from
// src/xen/changes.ts, via dist/); these keep it honest.
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const repo = path.resolve(import.meta.dirname, "../..");
const script = path.join(repo, "scripts/readme-usage.mjs");

function runScript(...args: string[]) {
  // process.execPath: the same Node the tests run on, not whatever `node` is on PATH.
  return spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
}

describe("scripts/readme-usage.mjs", () => {
  let tmp: string | undefined;
  afterEach(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  async function tempCopy(): Promise<string> {
    tmp = await mkdtemp(path.join(tmpdir(), "readme-usage-"));
    await mkdir(path.join(tmp, "docs"));
    for (const name of [
      "README.md",
      "action.yml",
      "package.json",
      ".prettierrc.json",
      "docs/xen-versions.md",
    ]) {
      await copyFile(path.join(repo, name), path.join(tmp, name));
    }
    return tmp;
  }

  it("finds the committed README.md up to date with action.yml", () => {
    const result = runScript("--check");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("detects a stale README.md and regenerates it", async () => {
    const dir = await tempCopy();
    const actionPath = path.join(dir, "action.yml");
    const action = await readFile(actionPath, "utf8");
    await writeFile(
      actionPath,
      action.replace(
        "\ninputs:\n",
        "\ninputs:\n  brand-new-input:\n    description: Added after the README was generated.\n    default: fresh\n",
      ),
    );

    const stale = runScript("--check", "--root", dir);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/out of date.*npm run readme/);

    expect(runScript("--root", dir).status).toBe(0);
    const readme = await readFile(path.join(dir, "README.md"), "utf8");
    expect(readme).toMatch(
      /\| `brand-new-input` +\| Added after the README was generated\. +\| `fresh` +\|/,
    );
    expect(readme).toContain("    brand-new-input: fresh\n");
    expect(runScript("--check", "--root", dir).status).toBe(0);
  });

  it("refuses a README.md without the usage markers", async () => {
    const dir = await tempCopy();
    await writeFile(path.join(dir, "README.md"), "# no markers here\n");
    const result = runScript("--check", "--root", dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("<!-- usage:start -->");
  });
});
