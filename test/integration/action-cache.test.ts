// The bundled action on a runner whose machine is new each time: the first run builds the
// base and saves it with the real @actions/cache client to a loopback results service; the
// second, with an empty RUNNER_TEMP, restores it instead of building.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { type ResultsServer, startResultsServer } from "../helpers/actions-results-server.js";
import { runAction } from "../helpers/run-action.js";

let server: ResultsServer;

beforeAll(async () => {
  server = await startResultsServer();
});
afterAll(async () => {
  await server?.close();
});

/** The action with the runner's cache service pointing at the loopback server. */
function action(runnerTemp: string, workspace: string) {
  const inputs = { "xen-source": "debian", "output-dir": join(workspace, "out") };
  return runAction(inputs, { workspace, runnerTemp }, server.runnerEnv());
}

it("a new runner restores the base build the previous run saved", async () => {
  // The same RUNNER_TEMP path both times (cache entries are keyed by their paths), emptied between.
  const runnerTemp = mkdtempSync(join(tmpdir(), "xlci-runner-"));
  const workspace = mkdtempSync(join(tmpdir(), "xlci-ws-"));
  const base = (out: string) =>
    (JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult).base!;
  const first = await action(runnerTemp, workspace);
  expect(first.status, first.stdout).toBe(0);
  expect(first.stdout).toContain("no cached base build for xen-livepatch-ci-base-linux-x64-");
  const built = base(join(workspace, "out"));
  expect(built.cached).toBe(false);
  const saved = server.entries().map((e) => e.key);
  expect(saved.some((k) => k.startsWith("xen-livepatch-ci-base-linux-x64-"))).toBe(true);
  expect(saved.some((k) => k.startsWith("xen-livepatch-ci-ccache-linux-x64-"))).toBe(true);

  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(join(workspace, "out"), { recursive: true, force: true });
  mkdirSync(runnerTemp);
  const again = await action(runnerTemp, workspace);
  expect(again.status, again.stdout).toBe(0);
  expect(again.stdout).toContain(
    "base build restored from the cache (xen-livepatch-ci-base-linux-x64-",
  );
  const restored = base(join(workspace, "out"));
  expect(restored.cached).toBe(true);
  expect(restored.buildId).toBe(built.buildId);
}, 1_800_000);
