// workflows/matrix.yml's shape, job by job, as the runner runs them: each job on a new
// machine (its own workspace and RUNNER_TEMP), the payloads handed from one job to the
// next the way upload-artifact and download-artifact do (a copy of the directory), and one
// cache service for the whole workflow run. The test job must get the base back from the
// cache under the key the build job saved, rather than build it again.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { type ResultsServer, startResultsServer } from "../helpers/actions-results-server.js";
import { runAction } from "../helpers/run-action.js";
import { EXAMPLE_XEN_SOURCE } from "../integration/xen-base.js";

const fixtures = join(import.meta.dirname, "..", "fixtures", "payload-sources");
let server: ResultsServer;

beforeAll(async () => {
  server = await startResultsServer();
});
afterAll(async () => {
  await server?.close();
});

// Every job of a workflow sees the same RUNNER_TEMP path (the runner's _temp directory),
// empty at the start; cache entries are filed under their paths, so this matters.
const runnerTemp = mkdtempSync(join(tmpdir(), "xlci-job-runner-"));

/** A job on a new machine: an empty workspace (plus `files`) and an empty RUNNER_TEMP. */
function job(inputs: Record<string, string>, files: Record<string, string> = {}) {
  const workspace = mkdtempSync(join(tmpdir(), "xlci-job-ws-"));
  rmSync(runnerTemp, { recursive: true, force: true });
  mkdirSync(runnerTemp);
  for (const [to, from] of Object.entries(files))
    cpSync(from, join(workspace, to), { recursive: true });
  const run = runAction(inputs, { workspace, runnerTemp }, server.runnerEnv());
  return run.then((r) => ({ ...r, workspace }));
}

const report = (file: string) => JSON.parse(readFileSync(file, "utf8")) as RunResult;

it("build, test and verify-only jobs hand payloads on, and the test job restores the base", async () => {
  // build: the base and the payloads, verified; no boot.
  const build = await job({
    "xen-source": EXAMPLE_XEN_SOURCE,
    "payload-sources": `${fixtures}/stack_a\n${fixtures}/stack_b`,
    scenario: "none",
    "output-dir": "out",
  });
  expect(build.status, build.stdout).toBe(0);
  const built = report(build.outputs.report!);
  expect(built.base!.cached).toBe(false);
  expect(built.cache.find((u) => u.entry === "base")?.saved).toBe(true);

  // test: the same tree, the downloaded payloads, the default scenario.
  const test = await job(
    {
      "xen-source": EXAMPLE_XEN_SOURCE,
      payloads: "built/payloads/*.livepatch",
      scenario: "default",
      "output-dir": "tested",
    },
    { built: join(build.workspace, "out") },
  );
  expect(test.status, test.stdout).toBe(0);
  const tested = report(test.outputs.report!);
  const baseUse = tested.cache.find((u) => u.entry === "base")!;
  expect(baseUse.restored).toBe(baseUse.key);
  expect(baseUse.key).toBe(built.cache.find((u) => u.entry === "base")!.key);
  expect(tested.base!.buildId).toBe(built.base!.buildId);
  expect(tested.payloads.map((p) => p.name)).toEqual(["stack_a", "stack_b"]);
  expect(tested.scenario!.ok).toBe(true);
  expect(test.outputs.verdict).toBe("pass");

  // sign (verify-only today: signing-key joins with the signing stage): no Xen tree at all.
  const sign = await job(
    { payloads: "payloads/*.livepatch", "output-dir": "signed" },
    { payloads: join(build.workspace, "out", "payloads") },
  );
  expect(sign.status, sign.stdout).toBe(0);
  expect(sign.outputs.verdict).toBe("pass");
  expect(JSON.parse(sign.outputs.payloads!)).toHaveLength(2);
  expect(report(sign.outputs.report!).stages.map((s) => s.name)).toEqual(["payloads", "verify"]);
}, 1_800_000);
