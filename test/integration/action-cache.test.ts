// The bundled action on a runner whose machine is new each time: the first run builds the
// base and saves it with the real @actions/cache client to a loopback results service; the
// second, with an empty RUNNER_TEMP, restores it instead of building.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { type ResultsServer, startResultsServer } from "../helpers/actions-results-server.js";

const root = join(import.meta.dirname, "..", "..");
let server: ResultsServer;

beforeAll(async () => {
  server = await startResultsServer();
});
afterAll(async () => {
  await server?.close();
});

/** Starts dist/index.js as the runner does, without blocking this process's server. */
function runAction(
  runnerTemp: string,
  workspace: string,
): Promise<{ code: number | null; stdout: string }> {
  const output = join(runnerTemp, "github-output");
  writeFileSync(output, "");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: join(runnerTemp, "summary"),
    "INPUT_XEN-SOURCE": "debian",
    "INPUT_OUTPUT-DIR": join(workspace, "out"),
  };
  for (const [name, value] of Object.entries(server.runnerEnv())) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  writeFileSync(env.GITHUB_STEP_SUMMARY!, "");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, "dist", "index.js")], {
      env,
      cwd: workspace,
    });
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stdout += d.toString()));
    child.on("close", (code) => resolve({ code, stdout }));
  });
}

it("a new runner restores the base build the previous run saved", async () => {
  // The same RUNNER_TEMP path both times (cache entries are keyed by their paths), emptied between.
  const runnerTemp = mkdtempSync(join(tmpdir(), "xlci-runner-"));
  const workspace = mkdtempSync(join(tmpdir(), "xlci-ws-"));
  const base = (out: string) =>
    (JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult).base!;
  const first = await runAction(runnerTemp, workspace);
  expect(first.code, first.stdout).toBe(0);
  expect(first.stdout).toContain("no cached base build for xen-livepatch-ci-base-linux-x64-");
  const built = base(join(workspace, "out"));
  expect(built.cached).toBe(false);
  const saved = server.entries().map((e) => e.key);
  expect(saved.some((k) => k.startsWith("xen-livepatch-ci-base-linux-x64-"))).toBe(true);
  expect(saved.some((k) => k.startsWith("xen-livepatch-ci-ccache-linux-x64-"))).toBe(true);

  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(join(workspace, "out"), { recursive: true, force: true });
  mkdirSync(runnerTemp);
  const again = await runAction(runnerTemp, workspace);
  expect(again.code, again.stdout).toBe(0);
  expect(again.stdout).toContain(
    "base build restored from the cache (xen-livepatch-ci-base-linux-x64-",
  );
  const restored = base(join(workspace, "out"));
  expect(restored.cached).toBe(true);
  expect(restored.buildId).toBe(built.buildId);
}, 1_800_000);
