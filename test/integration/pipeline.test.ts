// The whole pipeline through both front doors: the command line in-process, and the
// bundled action as the runner starts it (a Node 24 process with INPUT_* variables and the
// runner's output files). The built-in example through the action, with everything a
// workflow sees of it, is test/e2e/runner.test.ts.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { EXAMPLE_XEN_SOURCE, getXenBase, integrationCacheDir } from "./xen-base.js";
import { runCli as cli } from "../helpers/cli.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";
import { runAction } from "../helpers/run-action.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "payload-sources");
const patchFixtures = join(root, "test", "fixtures", "patches");
const tmp = () => mkdtempSync(join(tmpdir(), "xlci-"));

/** The bundled action with the integration tests' cache, in a new workspace. */
function action(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const dir = tmp();
  return runAction(
    inputs,
    { workspace: dir, runnerTemp: dir },
    { XLCI_CACHE: integrationCacheDir(), ...env },
  );
}

/** A report.json the run wrote, which its documented schema accepts. */
function readReport(file: string): RunResult {
  const report = JSON.parse(readFileSync(file, "utf8")) as unknown;
  expect(reportSchemaErrors(report)).toBe("");
  return report as RunResult;
}

describe("the built-in example", () => {
  beforeAll(async () => {
    await getXenBase(); // builds once, so the run below finds a warm cache
  });
  afterEach(() => vi.restoreAllMocks());

  it("passes on the command line, boot test included, and leaves payloads and reports in the output directory", async () => {
    const out = tmp();
    const { code, stdout, stderr } = await cli([
      "run",
      "--example",
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    expect(stdout).toContain("verdict: pass");
    expect(code).toBe(0);
    // Progress on stderr: stages with their times, the boot's timeline.
    expect(stderr).toMatch(/^<== Base build: done in \d+\.\d s$/m);
    expect(stderr).toMatch(/^ {4}\[boot +\d+\.\d s\] Xen 4\.17\.5 started$/m);
    expect(stderr).toMatch(/^ {4}\[boot +\d+\.\d s\] dom0 ready$/m);
    // The closing report on stdout.
    expect(stdout).toMatch(/^ {2}Boot test self-test: \d+ passed, 0 failed, 0 not run$/m);
    expect(stdout).toMatch(/^ {2}Boot test accelerator: (KVM|TCG \(software emulation\): \S.*)$/m);
    // Its missing note, and xen_nop's NOPs ending inside a jump (it is xen_nop without the note).
    expect(stdout).toMatch(/^ {2}xen_no_xen_buildid +\S+ +\d+ +2 errors \(expected\)/m);
    expect(stdout).toMatch(/^ {2}xen_nop +\S+ +\d+ +1 error \(expected\)/m);
    const report = readReport(join(out, "report.json"));
    expect(report.kvm?.used === true || report.kvm?.reason !== undefined).toBe(true);
    expect(report.stages.map((s) => [s.name, s.status])).toEqual([
      ["source", "ok"],
      ["base", "ok"],
      ["payloads", "ok"],
      ["verify", "ok"],
      ["boot", "ok"],
    ]);
    expect(report.payloads).toHaveLength(14);
    // The self-test scenario, in one boot of the real hypervisor.
    expect(report.scenario!.ok).toBe(true);
    expect(report.scenario!.counts.failed).toBe(0);
    const junit = readFileSync(join(out, "junit.xml"), "utf8");
    expect(junit).toContain("<testsuite");
    expect(junit).not.toContain("<failure");
    expect(readFileSync(join(out, "logs", "console.log"), "utf8")).toContain(
      "(XEN) Xen version 4.17",
    );
    expect(readdirSync(join(out, "payloads", "self-test"))).toContain("xen_hello_world.livepatch");
    const expected = report.payloads.flatMap((p) =>
      p.findings.filter((f) => f.expected).map((f) => f.ruleId),
    );
    expect(expected.sort()).toEqual([
      "expect-mismatch",
      "nop-insn-boundary",
      "nop-insn-boundary",
      "section-missing",
    ]);
    const sarif = JSON.parse(readFileSync(join(out, "findings.sarif"), "utf8")) as {
      runs: Array<{ results: unknown[] }>;
    };
    expect(sarif.runs[0]!.results.length).toBeGreaterThanOrEqual(2);
  }, 900_000);
});

describe("payloads from patches", () => {
  it("checks a patch repository's pull request: builds the series, verifies it, and boot-tests it", async () => {
    const workspace = tmp();
    mkdirSync(join(workspace, "patches"));
    for (const name of ["0001-stack-1-compiler.patch", "0002-new-function.patch"]) {
      copyFileSync(join(patchFixtures, name.slice(5)), join(workspace, "patches", name));
    }
    const run = await runAction(
      {
        "xen-source": EXAMPLE_XEN_SOURCE,
        patches: "patches/*.patch",
        expectations: "auto",
        scenario: "default",
        checks: [
          "grep -q 'livepatch-ci stack 1' /sys/hypervisor/compilation/compiler",
          "grep -q 'from a new function' /sys/hypervisor/properties/changeset",
        ].join("\n"),
      },
      { workspace, runnerTemp: workspace },
      { XLCI_CACHE: integrationCacheDir() },
    );
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    const report = readReport(run.outputs.report!);
    const [first, second] = report.payloads;
    const functions = (file: string) => {
      const origin = report.origins[file];
      return origin?.kind === "patch" ? origin.functions.map((f) => f.name) : [];
    };
    expect([first!.name, functions(first!.file)]).toEqual([
      "0001-stack-1-compiler",
      ["xen_compiler"],
    ]);
    expect([second!.name, functions(second!.file)]).toEqual([
      "0002-new-function",
      ["xen_changeset"],
    ]);
    expect(second!.depends).toBe(first!.buildId);
    expect(report.payloads.flatMap((p) => p.findings)).toEqual([]);
    expect(report.scenario!.ok).toBe(true);
    expect(run.summary).toContain("0002-new-function");
    expect(run.summary).toContain("Functions the patches change");
    expect(run.summary).toContain("common/version.c#livepatch_ci_changeset");
  }, 900_000);

  it("names the patch and its files when it changes nothing under xen/", async () => {
    const workspace = tmp();
    writeFileSync(
      join(workspace, "tools.patch"),
      "--- a/tools/misc/xen-cpuid.c\n+++ b/tools/misc/xen-cpuid.c\n@@ -1,1 +1,1 @@\n-a\n+b\n",
    );
    const run = await action({
      "xen-source": EXAMPLE_XEN_SOURCE,
      patches: join(workspace, "tools.patch"),
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /::error::patches: .*tools\.patch changes no file under xen\/ \(only tools\/misc\/xen-cpuid\.c\)/,
    );
  }, 900_000);
});

describe("payloads from sources", () => {
  it("builds a stacked pair and an independent payload with hooks, and verifies them clean", async () => {
    const out = tmp();
    const { code, stdout } = await cli([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--payload-sources",
      `${fixtures}/stack_a\n${fixtures}/stack_b`,
      "--expectations",
      "auto",
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    expect(stdout).toContain("verdict: pass");
    expect(code).toBe(0);
    const report = readReport(join(out, "report.json"));
    const [a, b] = report.payloads;
    expect(a!.name).toBe("stack_a");
    expect(b!.stack).toEqual([a!.file]);
    expect(b!.depends).toBe(a!.buildId);
    expect(report.payloads.flatMap((p) => p.findings)).toEqual([]);
  }, 900_000);

  it("records the workflow run in the payloads the action builds", async () => {
    const run = await action(
      {
        "xen-source": EXAMPLE_XEN_SOURCE,
        "payload-sources": `${fixtures}/hooks`,
        "stack-mode": "independent",
      },
      {
        GITHUB_SERVER_URL: "https://github.example",
        GITHUB_REPOSITORY: "xen/patches",
        GITHUB_RUN_ID: "42",
      },
    );
    expect(run.status, run.stdout).toBe(0);
    const [file] = JSON.parse(run.outputs.payloads!) as string[];
    expect(readFileSync(file!).toString("latin1")).toContain(
      "workflow-run=https://github.example/xen/patches/actions/runs/42\0",
    );
  }, 900_000);
});

describe("the boot test", () => {
  it("runs the default scenario on payloads built from sources", async () => {
    const out = tmp();
    const { code, stdout } = await cli([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--payload-sources",
      `${fixtures}/stack_a\n${fixtures}/stack_b`,
      "--scenario",
      "default",
      // With the whole stack applied: stack_a's version string, stack_b's changeset.
      "--checks",
      "grep -qx -- -stack_a /sys/hypervisor/version/extra\ngrep -q -- -stack /sys/hypervisor/properties/changeset",
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    expect(stdout).toContain("verdict: pass");
    expect(code).toBe(0);
    const report = readReport(join(out, "report.json"));
    expect(report.scenario!.ok).toBe(true);
    expect(report.scenario!.steps.map((s) => s.name).join(" ")).toMatch(/stack_a.*stack_b/);
  }, 900_000);
});

describe("failures", () => {
  it("a failing check turns its step red and fails the run", async () => {
    const out = tmp();
    const { code } = await cli([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--payload-sources",
      join(fixtures, "replace_extra"),
      "--scenario",
      "default",
      "--checks",
      "grep -q this-is-not-there /sys/hypervisor/version/extra",
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    expect(code).toBe(1);
    const report = readReport(join(out, "report.json"));
    expect(report.reason).toMatch(/^boot test /);
    const failed = report.scenario!.steps.filter((s) => s.status === "failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain("this-is-not-there");
    expect(readFileSync(join(out, "junit.xml"), "utf8")).toContain("<failure");
  }, 900_000);

  it("a dom0 kernel Xen cannot boot is reported as the hypervisor's panic", async () => {
    const out = tmp();
    const kernel = join(out, "not-a-kernel");
    writeFileSync(kernel, "this is not a kernel\n");
    const { code } = await cli([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--payload-sources",
      join(fixtures, "replace_extra"),
      "--scenario",
      "default",
      "--dom0-kernel",
      kernel,
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    expect(code).toBe(1);
    const report = readReport(join(out, "report.json"));
    expect(report.scenario!.boot.end).toBe("hypervisor-panic");
    expect(report.reason).toMatch(/Could not construct domain 0|panic/i);
  }, 900_000);

  it("an unimplemented input fails the action step naming the input", async () => {
    const run = await action({
      "xen-source": EXAMPLE_XEN_SOURCE,
      builder: "livepatch-build-tools",
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      "::error::builder: the livepatch-build-tools builder is not available",
    );
  });

  it("a stage that fails keeps its report in the output directory", async () => {
    const out = tmp();
    const { code, stderr } = await cli([
      "run",
      "--xen-source",
      "debian:0.0.1-1",
      "--output-dir",
      out,
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("xen-source");
    const report = readReport(join(out, "report.json"));
    expect(report.verdict).toBe("fail");
    expect(report.stages[0]).toMatchObject({ name: "source", status: "failed" });
    expect(report.stages[0]!.detail).toContain("0.0.1-1");
  }, 120_000);
});

describe("verify command", () => {
  let base: Awaited<ReturnType<typeof getXenBase>>;
  const payload = (name: string) =>
    base.testPayloads.find((p) => p.endsWith(`/${name}.livepatch`))!;
  beforeAll(async () => {
    base = await getXenBase();
  });

  it("exits 0 for a clean payload and 1 for a defective one", async () => {
    const clean = await cli(["verify", "--xen-syms", base.xenSyms, payload("xen_replace_world")]);
    expect(clean.stdout).toContain("clean");
    expect(clean.code).toBe(0);
    const bad = await cli(["verify", "--xen-syms", base.xenSyms, payload("xen_expectations_fail")]);
    expect(bad.stdout).toContain("error expect-mismatch");
    expect(bad.code).toBe(1);
  });

  it("checks a payload on top of its stack, in JSON and SARIF", async () => {
    const json = await cli([
      "verify",
      "--format",
      "json",
      "--xen-syms",
      base.xenSyms,
      "--stack",
      payload("xen_hello_world"),
      payload("xen_bye_world"),
    ]);
    const result = JSON.parse(json.stdout) as {
      payloads: Array<{ stack: string[]; findings: Array<{ ruleId: string }> }>;
    };
    expect(result.payloads[0]!.stack).toEqual([payload("xen_hello_world")]);
    expect(result.payloads[0]!.findings.map((f) => f.ruleId)).toEqual(["rodata-duplicate"]);
    const sarif = await cli(["verify", "--format", "sarif", payload("xen_no_xen_buildid")]);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: "2.1.0" });
    expect(sarif.code).toBe(1);
  });

  it("exits 2 on bad usage and on a file it cannot read", async () => {
    expect((await cli(["verify"])).code).toBe(2);
    expect((await cli(["verify", "--format", "xml", "x"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    const missing = await cli(["verify", "/nonexistent/p.livepatch"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("/nonexistent/p.livepatch");
  });

  it("exits 1 with an elf-malformed finding for a file that is not ELF", async () => {
    const garbage = await cli(["verify", join(root, "README.md")]);
    expect(garbage.stdout).toContain("elf-malformed");
    expect(garbage.code).toBe(1);
  });
});
