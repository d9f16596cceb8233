// The bundled action as GitHub's runner runs it: dist/index.js started as its own Node 24
// process with the environment a runner gives a JavaScript action (INPUT_* variables, the
// output and summary files, the event payload, RUNNER_TEMP, the results service for the
// cache pointing at a loopback server that speaks its protocol), on the built-in example
// end to end. What a workflow sees is checked the way it would see it: the outputs file,
// the job summary, and the workflow commands (annotations, groups) on stdout.
//
// One difference from a real runner: XLCI_CACHE points the cache directory at the warm
// shared cache, so the test does not rebuild Xen; the cache round trip on a new runner is
// test/integration/action-cache.test.ts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { type ResultsServer, startResultsServer } from "../helpers/actions-results-server.js";
import { unzip } from "../helpers/zip.js";
import { type ActionRun, runAction } from "../helpers/run-action.js";
import { EXAMPLE_XEN_SOURCE, getXenBase, integrationCacheDir } from "../integration/xen-base.js";

/** A workflow command the runner turns into an annotation: `::notice file=...,title=...::message`. */
interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

/** The annotations among the workflow commands in a step's output. */
function annotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split("\n")) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const properties = Object.fromEntries(
      (m[2] ?? "")
        .split(",")
        .filter(Boolean)
        .map((p) => {
          const eq = p.indexOf("=");
          return [p.slice(0, eq), decodeURIComponent(p.slice(eq + 1))];
        }),
    );
    out.push({ level: m[1]!, properties, message: decodeURIComponent(m[3]!) });
  }
  return out;
}

let server: ResultsServer;
let run: ActionRun;
let workspace: string;

beforeAll(async () => {
  await getXenBase(); // the warm base the run reuses
  server = await startResultsServer();
  workspace = mkdtempSync(join(tmpdir(), "xlci-e2e-ws-"));
  const runnerTemp = mkdtempSync(join(tmpdir(), "xlci-e2e-runner-"));
  const eventPath = join(runnerTemp, "event.json");
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: "opened",
      number: 7,
      pull_request: { number: 7, head: { sha: "0".repeat(40) } },
      repository: { full_name: "xen-users/patches" },
    }),
  );
  run = await runAction(
    {
      "xen-source": EXAMPLE_XEN_SOURCE,
      "self-test": "true",
      scenario: "self-test",
      upload: "artifact",
    },
    { workspace, runnerTemp },
    {
      ...server.runnerEnv(),
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_REPOSITORY: "xen-users/patches",
      // A runner on github.com (the artifact client refuses GitHub Enterprise Server).
      GITHUB_SERVER_URL: "https://github.com",
      GITHUB_RUN_ID: "1234",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_SHA: "0".repeat(40),
      GITHUB_REF: "refs/pull/7/merge",
      GITHUB_JOB: "livepatch",
      RUNNER_OS: "Linux",
      RUNNER_ARCH: "X64",
      XLCI_CACHE: integrationCacheDir(),
    },
  );
}, 1_800_000);

afterAll(async () => {
  await server?.close();
});

describe("dist/index.js on the built-in example, as the runner runs it", () => {
  it("runs on Node 24 and succeeds", () => {
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(24);
    expect(run.status, run.stdout).toBe(0);
  });

  it("sets every output, pointing at files in the output directory", () => {
    const out = run.outputs;
    expect(out.verdict).toBe("pass");
    expect(out["output-dir"]).toBe(join(workspace, "xen-livepatch-out"));
    const payloads = JSON.parse(out.payloads!) as string[];
    expect(payloads).toHaveLength(14);
    for (const file of [...payloads, out.report!, out.sarif!, out.junit!]) {
      expect(file.startsWith(out["output-dir"]!), file).toBe(true);
      expect(existsSync(file), file).toBe(true);
    }
    // The two defective self-test payloads' errors are expected and not counted; the
    // stacked pair's duplicated string is a real warning.
    expect(out["findings-errors"]).toBe("0");
    expect(out["findings-warnings"]).toBe("1");
    const report = JSON.parse(readFileSync(out.report!, "utf8")) as RunResult;
    expect(out["xen-build-id"]).toBe(report.base!.buildId);
    expect(out["xen-build-id"]).toMatch(/^[0-9a-f]{40}$/);
  });

  it("annotates the findings at their payload files", () => {
    const notes = annotations(run.stdout);
    const at = (rule: string) => notes.filter((a) => a.properties.title?.startsWith(`${rule}:`));
    expect(at("section-missing").map((a) => [a.level, a.properties.file])).toEqual([
      ["notice", expect.stringMatching(/payloads\/self-test\/xen_no_xen_buildid\.livepatch$/)],
    ]);
    expect(at("expect-mismatch").map((a) => [a.level, a.properties.file])).toEqual([
      ["notice", expect.stringMatching(/xen_expectations_fail\.livepatch$/)],
    ]);
    expect(at("expect-mismatch")[0]!.message).toMatch(/^expected, as this self-test payload/);
    expect(at("nop-insn-boundary").map((a) => [a.level, a.properties.file])).toEqual([
      ["notice", expect.stringMatching(/xen_no_xen_buildid\.livepatch$/)],
      ["notice", expect.stringMatching(/xen_nop\.livepatch$/)],
    ]);
    expect(at("rodata-duplicate").map((a) => [a.level, a.properties.file])).toEqual([
      ["warning", expect.stringMatching(/xen_bye_world\.livepatch$/)],
    ]);
    expect(notes.filter((a) => a.level === "error")).toEqual([]);
  });

  it("writes a job summary with the verdict, the payloads, the boot test and its accelerator", () => {
    const s = run.summary;
    expect(s).toContain("<h2>Xen livepatch: pass</h2>");
    expect(s).toContain("xen_hello_world");
    expect(s).toContain("Boot test: self-test");
    expect(s).toMatch(/Boot test accelerator: (KVM|TCG \(software emulation\): \S.*)<\/p>/);
    expect(s).toMatch(/<td>boot<\/td><td>ok<\/td>/);
  });

  it("groups each stage's log, the serial console inside the boot test's", () => {
    for (const stage of ["Xen source", "Base build", "Payloads", "Verify payloads", "Boot test"])
      expect(run.stdout).toContain(`::group::${stage}`);
    const boot = run.stdout.slice(run.stdout.indexOf("::group::Boot test"));
    expect(boot.slice(0, boot.indexOf("::endgroup::"))).toContain("(XEN) Xen version 4.17");
  });

  it("uploads the output directory as the workflow artifact", () => {
    const [artifact, ...more] = server.artifacts();
    expect(more).toEqual([]);
    expect(artifact).toMatchObject({ name: "xen-livepatch", finalized: true });
    expect(run.outputs["artifact-id"]).toBe(String(artifact!.id));
    const zip = server.blob(artifact!.blobPath)!;
    expect(artifact!.hash).toBe(`sha256:${run.outputs["artifact-digest"]}`);
    const unpacked = unzip(zip);
    for (const file of [
      "metadata.json",
      "junit.xml",
      "findings.sarif",
      "payloads/self-test/xen_hello_world.livepatch",
    ]) {
      const local = readFileSync(join(run.outputs["output-dir"]!, file));
      expect(readFileSync(join(unpacked, file)).equals(local), file).toBe(true);
    }
  });
});
