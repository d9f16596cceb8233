// No module of the tool imports itself in a circle (types included): the pipeline's
// stages sit above the result model, the reports and the process runner, never below.
// The same check by hand: `npm run cycles`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CommandError, runCommand } from "../../src/util/exec.js";

const root = resolve(import.meta.dirname, "../..");
const madge = createRequire(import.meta.url).resolve("madge/bin/cli.js");

/** The import cycles madge finds among the .ts files under `dir` (paths relative to it). */
async function cycles(dir: string): Promise<string[][]> {
  const args = [madge, "--circular", "--json", "--extensions", "ts", dir];
  // madge exits with 1 when it finds a cycle; its JSON is on stdout either way.
  const out = await runCommand(process.execPath, args, { cwd: root }).then(
    (r) => r.stdout,
    (e: unknown) => {
      if (e instanceof CommandError && e.exitCode === 1) return e.stdout;
      throw e;
    },
  );
  return JSON.parse(out) as string[][];
}

describe("import cycles", () => {
  it("are found, also through type-only imports written with .js", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xlci-cycles-"));
    writeFileSync(
      join(dir, "a.ts"),
      'import type { B } from "./b.js";\nexport type A = { b?: B };\n',
    );
    writeFileSync(
      join(dir, "b.ts"),
      'import type { A } from "./a.js";\nexport type B = { a?: A };\n',
    );
    expect(await cycles(dir)).toEqual([["a.ts", "b.ts"]]);
  });

  it("do not exist in src/", async () => {
    expect(await cycles("src")).toEqual([]);
  }, 60_000);
});
