// A source tree that does not compile: the run fails at the base build, names the file and
// line in the user's tree (not in the build's copy), and keeps the log.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { main } from "../../src/commands.js";
import type { RunResult } from "../../src/pipeline.js";
import { getXenSource, integrationCacheDir } from "./xen-base.js";

afterEach(() => vi.restoreAllMocks());

it("a compiler error is reported at its file and line in the user's tree", async () => {
  const work = mkdtempSync(join(tmpdir(), "xlci-broken-"));
  const tree = join(work, "xen-src");
  execFileSync("cp", ["-a", (await getXenSource()).root, tree]);
  const broken = join(tree, "xen", "common", "version.c");
  const line = readFileSync(broken, "utf8").split("\n").length;
  appendFileSync(broken, "#error broken on purpose\n");

  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const out = join(work, "out");
  const code = await main([
    "run",
    "--xen-source",
    tree,
    "--build-values",
    "XEN_BUILD_DATE=Thu Jan  1 00:00:00 UTC 2026\nXEN_BUILD_TIME=00:00:00",
    "--output-dir",
    out,
    "--cache-dir",
    integrationCacheDir(),
  ]);
  vi.restoreAllMocks();

  expect(code).toBe(1);
  expect(stderr).toContain(`${broken}:${line}:2: error: #error broken on purpose`);
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult;
  expect(report.stages.find((s) => s.name === "base")?.status).toBe("failed");
  expect(report.diagnostics).toContainEqual({
    file: broken,
    line,
    column: 2,
    severity: "error",
    message: "#error broken on purpose",
  });
  expect(existsSync(join(out, "logs", "base-build.log"))).toBe(true);
}, 900_000);
