// report.json's JSON Schema (docs/report.schema.json): what a run writes, failed or with
// every record filled in, is what the schema accepts; anything else is refused.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseOptions } from "../../src/options.js";
import { partialResultOf, run } from "../../src/pipeline.js";
import type { RunResult } from "../../src/report/result.js";
import type { Logger } from "../../src/util/logger.js";
import { reportSchemaErrors } from "../helpers/report-schema.js";

const quiet: Logger = {
  info: () => {},
  warning: () => {},
  console: () => {},
  group: (_title, fn) => fn(),
};

const ID = "ab".repeat(20);
const SHA = "cd".repeat(32);

/** A run that filled in every record the result has (as JSON writes it: no undefined). */
function everyRecord(): RunResult {
  const file = "/out/payloads/fix.livepatch";
  return {
    tool: { name: "xen-livepatch-ci", version: "0.1.0" },
    verdict: "fail",
    reason: "boot test default: 1 step(s) failed, 0 not run",
    stages: [
      { name: "source", status: "ok", seconds: 1.5, detail: "Debian source package xen 4.17" },
      { name: "base", status: "ok", seconds: 2, detail: `xen-syms build-id ${ID}` },
      { name: "boot", status: "failed", seconds: 30.25, detail: "default: 1 failed" },
      { name: "sign", status: "skipped", seconds: 0, detail: "not signed: the run failed" },
    ],
    base: {
      source: { kind: "path", path: "/src/xen", commit: "0123abc", dirty: true, digest: SHA },
      xenSyms: "/cache/xen-syms",
      xenImage: "/cache/xen",
      buildId: ID,
      buildInfo: { xen_compiler: "gcc 12" },
      config: { kind: "packaging", digest: SHA, notes: ["CONFIG_LIVEPATCH=y turned on"] },
      cached: true,
      reference: {
        kind: "debian-package",
        description: "Debian's xen-hypervisor-4.17-amd64",
        buildId: ID,
        file: "/cache/xen.gz",
        identical: true,
      },
      bootImage: "/cache/xen.gz",
    },
    xenBuildId: ID,
    payloads: [
      {
        file,
        name: "fix",
        size: 4096,
        buildId: ID,
        depends: ID,
        xenDepends: ID,
        stack: [],
        findings: [
          {
            ruleId: "modinfo-entry",
            severity: "note",
            message: "not key=value",
            file,
            location: { section: ".modinfo", sectionIndex: 3, entry: 0, offset: 8, symbol: "x" },
            expected: true,
          },
        ],
        loader: { version: "4.17", verdict: "accepts" },
      },
    ],
    diagnostics: [{ file: "xen/common/x.c", line: 3, column: 1, severity: "error", message: "no" }],
    scenario: {
      scenario: "default",
      file: "(built in)",
      ok: false,
      counts: { passed: 0, failed: 1, notRun: 0 },
      steps: [
        {
          index: 0,
          name: "apply fix",
          line: 1,
          expect: "success",
          status: "failed",
          message: "expected 0",
          durationMs: 12,
          commands: [
            { role: "action", command: "xen-livepatch apply fix", output: "", durationMs: 1 },
          ],
          console: ["(XEN) livepatch: fix: applied"],
        },
      ],
      error: "dom0 did not power off",
      boot: {
        accel: "tcg",
        end: "poweroff",
        kvmFallback: { reason: "no /dev/kvm", durationMs: 5 },
        firstSignOfLifeMs: 100,
        dom0ReadyMs: 2000,
        totalMs: 3000,
        consoleLog: "/out/logs/console.log",
        command: ["qemu-system-x86_64"],
      },
      stepsMs: 900,
    },
    scenarioPayloads: { fix: file },
    origins: {
      [file]: {
        kind: "patch",
        patches: [{ path: "/w/fix.patch", sha256: SHA }],
        functions: [{ name: "xen_extra_version", why: "its code changed" }],
        added: ["helper"],
        ignored: [{ name: "init_x", object: "common/x.o", why: "init code" }],
      },
      "/w/src": { kind: "sources", path: "/w/src", sha256: SHA },
      "/out/payloads/self-test/t.livepatch": { kind: "xen-tests", path: "xen/test/livepatch/t" },
      "/w/given.livepatch": { kind: "prebuilt", path: "/w/given.livepatch" },
    },
    signing: { status: "unsigned", reason: "not signed: the run failed" },
    xenSignatures: [file],
    published: {
      artifact: {
        name: "xen-livepatch",
        id: 7,
        digest: SHA,
        size: 100,
        url: "https://x.invalid/a",
      },
      releaseSkipped: "no release: the run failed",
      attestations: [{ subject: "fix.livepatch", id: "1", tlogId: "2" }],
    },
    kvm: { used: false, reason: "kvm: false" },
    cache: [{ entry: "base", key: "xlci-base-1", restored: "xlci-base-1", saved: false }],
    files: {
      metadata: "/out/metadata.json",
      report: "/out/report.json",
      sarif: "/out/findings.sarif",
      findings: "/out/findings.txt",
      logs: "/out/logs",
      scenario: "/out/scenario.json",
      junit: "/out/junit.xml",
    },
  };
}

describe("report.json's schema", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "xlci-report-"));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("accepts the report of a run that failed before its first stage", async () => {
    const out = join(work, "out");
    const options = parseOptions(
      { "xen-source": "debian", patches: join(work, "typo.patch"), "output-dir": out },
      work,
      join(work, "cache"),
    );
    const error = await run(options, quiet).catch((e: unknown) => e);
    expect(partialResultOf(error)?.verdict).toBe("fail");
    const report = JSON.parse(await readFile(join(out, "report.json"), "utf8")) as unknown;
    expect(reportSchemaErrors(report)).toBe("");
  });

  it("accepts a result with every record filled in, as JSON writes it", () => {
    expect(reportSchemaErrors(JSON.parse(JSON.stringify(everyRecord())))).toBe("");
  });

  it("refuses a field it does not know, a missing one, and a wrong value", () => {
    const unknownField = { ...everyRecord(), extra: 1 };
    expect(reportSchemaErrors(unknownField)).toContain("additionalProperties");
    const missing: Record<string, unknown> = { ...everyRecord() };
    delete missing.stages;
    expect(reportSchemaErrors(missing)).toContain("stages");
    const badVerdict = { ...everyRecord(), verdict: "maybe" };
    expect(reportSchemaErrors(badVerdict)).toContain("verdict");
    const badStage = everyRecord();
    badStage.stages.push({ name: "source", status: "ok", seconds: -1 });
    expect(reportSchemaErrors(badStage)).toContain("seconds");
  });
});
