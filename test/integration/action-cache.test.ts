// The bundled action on a runner whose machine is new each time: the first run builds the
// base, fetches dom0's pieces and builds the guest tool, and saves them with the real
// @actions/cache client to a loopback results service; the second, with an empty
// RUNNER_TEMP, restores all three instead, boots, and says so in the job summary.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { type ResultsServer, startResultsServer } from "../helpers/actions-results-server.js";
import { runAction } from "../helpers/run-action.js";
import { EXAMPLE_XEN_SOURCE } from "./xen-base.js";

let server: ResultsServer;

beforeAll(async () => {
  server = await startResultsServer();
});
afterAll(async () => {
  await server?.close();
});

/** The action with the runner's cache service pointing at the loopback server. */
function action(runnerTemp: string, workspace: string) {
  const inputs = {
    "xen-source": EXAMPLE_XEN_SOURCE,
    "self-test": "true",
    scenario: "self-test",
    "output-dir": join(workspace, "out"),
  };
  return runAction(inputs, { workspace, runnerTemp }, server.runnerEnv());
}

it("a new runner restores the base build, dom0's pieces and the guest tool the previous run saved", async () => {
  // The same RUNNER_TEMP path both times (cache entries are keyed by their paths), emptied between.
  const runnerTemp = mkdtempSync(join(tmpdir(), "xlci-runner-"));
  const workspace = mkdtempSync(join(tmpdir(), "xlci-ws-"));
  const report = (out: string) =>
    JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult;
  const base = (out: string) => report(out).base!;
  // The figures, for people (no assertion on time): each stage of a run, and the run's total.
  const figures = (run: string, started: number) =>
    console.log(
      `${run}: ${((performance.now() - started) / 1000).toFixed(1)} s (${report(
        join(workspace, "out"),
      )
        .stages.map((s) => `${s.name} ${s.seconds} s`)
        .join(", ")})`,
    );
  let started = performance.now();
  const first = await action(runnerTemp, workspace);
  figures("new runner, empty cache", started);
  expect(first.status, first.stdout).toBe(0);
  expect(first.stdout).toContain("no cached base build for xen-livepatch-ci-base-linux-x64-");
  const built = base(join(workspace, "out"));
  expect(built.cached).toBe(false);
  const saved = server.entries().map((e) => e.key);
  for (const entry of ["base", "ccache", "guest-assets", "guest-tool"]) {
    expect(saved.filter((k) => k.startsWith(`xen-livepatch-ci-${entry}-linux-x64-`))).toHaveLength(
      1,
    );
    expect(first.summary).toMatch(new RegExp(`<td>${entry}: not in the cache, built and saved`));
  }

  rmSync(runnerTemp, { recursive: true, force: true });
  rmSync(join(workspace, "out"), { recursive: true, force: true });
  mkdirSync(runnerTemp);
  started = performance.now();
  const again = await action(runnerTemp, workspace);
  figures("new runner, everything in the cache", started);
  expect(again.status, again.stdout).toBe(0);
  expect(again.stdout).toContain(
    "base build restored from the cache (xen-livepatch-ci-base-linux-x64-",
  );
  const restored = base(join(workspace, "out"));
  expect(restored.cached).toBe(true);
  expect(restored.buildId).toBe(built.buildId);
  for (const entry of ["base", "guest-assets", "guest-tool"])
    expect(again.summary).toMatch(
      new RegExp(`<td>${entry}: restored \\(xen-livepatch-ci-${entry}-`),
    );
  expect(again.outputs.verdict).toBe("pass");
  // The guest tool came from the cache: its build, which leaves a log next to the tool's
  // directory, did not run again.
  const toolDir = join(runnerTemp, "xen-livepatch-ci-cache", "guest-tool");
  expect(readdirSync(toolDir).filter((n) => n.endsWith(".log"))).toEqual([]);
  expect(readdirSync(toolDir)).toHaveLength(1);
}, 1_800_000);
