// The run's report as the job summary and the terminal show it.
import { describe, expect, it } from "vitest";
import type { RunResult } from "../../src/pipeline.js";
import { reportHtml, reportText, runReport } from "../../src/report/summary.js";
import type { ScenarioResult } from "../../src/scenario/run.js";
import type { PayloadReport } from "../../src/verify/payload-set.js";

const payload = (name: string, over: Partial<PayloadReport> = {}): PayloadReport => ({
  file: `/out/payloads/${name}.livepatch`,
  name,
  size: 4096,
  buildId: "ab".repeat(20),
  depends: undefined,
  xenDepends: undefined,
  stack: [],
  findings: [],
  ...over,
});

const step = (name: string, status: "passed" | "failed" | "not-run", command: string) => ({
  index: 0,
  name,
  line: 1,
  expect: "success" as const,
  status,
  durationMs: 1,
  commands: [{ role: "action", command, output: "", durationMs: 1 }],
  console: [],
  ...(status === "failed" ? { message: 'expected <ok> but it was "bad"' } : {}),
});

function result(over: Partial<RunResult> = {}): RunResult {
  return {
    tool: { name: "xen-livepatch-ci", version: "0" },
    verdict: "pass",
    cache: [],
    stages: [
      { name: "verify", status: "ok", seconds: 0.25, detail: "2 payload(s) pass" },
      { name: "sign", status: "ok", seconds: 0.01 },
    ],
    payloads: [
      payload("fix_a"),
      payload("fix_<b>", {
        stack: ["/out/payloads/fix_a.livepatch"],
        findings: [
          { ruleId: "r", severity: "warning", message: "m", file: "f", location: undefined },
        ] as unknown as PayloadReport["findings"],
      }),
    ],
    origins: {},
    files: {} as RunResult["files"],
    signing: {
      status: "signed",
      minisign: { keyId: "0123456789ABCDEF", publicKey: "minisign.pub" },
      metadataSignature: "metadata.json.minisig",
    },
    ...over,
  };
}

describe("the run report", () => {
  const scenario = {
    scenario: "default",
    steps: [
      step("apply fix_a", "passed", "xen-livepatch apply fix_a"),
      step("apply fix_<b>", "failed", "xen-livepatch apply fix_<b>"),
      step("list", "passed", "xen-livepatch list"),
    ],
    counts: { passed: 2, failed: 1, notRun: 0 },
    boot: { accel: "tcg", end: "poweroff", totalMs: 9000, dom0ReadyMs: 8000, command: [] },
    stepsMs: 1000,
  } as unknown as ScenarioResult;

  it("finds a payload's boot steps by the ID the scenario gave its file, word by word", () => {
    const named = {
      ...scenario,
      steps: [
        step("upload hello", "passed", "xen-livepatch upload hello /payloads/hello.livepatch"),
        step("apply hello", "passed", "xen-livepatch apply hello"),
        step("apply hello_more", "failed", "xen-livepatch apply hello_more"),
      ],
    } as ScenarioResult;
    const report = runReport(
      result({ scenario: named, scenarioPayloads: { hello: "/out/payloads/fix_a.livepatch" } }),
    );
    const payloads = report.tables.find((t) => t.title === "Payloads")!;
    expect(payloads.rows[0]![4]).toBe("2 steps passed");
    expect(payloads.rows[1]![4]).toBe("not in the boot test");
  });

  it("has one row per payload with its build-id, size, verifier, boot test and signature", () => {
    const report = runReport(result({ scenario }));
    expect(report.notes).toContain("Boot test default: 2 passed, 1 failed, 0 not run");
    const payloads = report.tables.find((t) => t.title === "Payloads")!;
    expect(payloads.rows).toEqual([
      ["fix_a", "abababababab", "4096", "clean", "1 steps passed", "minisign 0123456789ABCDEF"],
      [
        "fix_<b>",
        "abababababab",
        "4096",
        "1 warning",
        "1 of 1 steps failed",
        "minisign 0123456789ABCDEF",
      ],
    ]);
    expect(report.tables.map((t) => t.title)).toEqual(["Payloads", "Boot test: default", "Stages"]);
  });

  it("lists the functions a patch payload changes and the init changes it left out", () => {
    const report = runReport(
      result({
        origins: {
          "/out/payloads/fix_a.livepatch": {
            kind: "patch",
            patches: [{ path: "/w/fix_a.patch", sha256: "0".repeat(64) }],
            functions: [{ name: "dump_timerq", why: "its code changed" }],
            added: [],
            ignored: [
              {
                name: "timer_init",
                object: "xen/common/timer.o",
                why: "init code (.init.text) whose code changed: it ran at boot and is gone",
              },
            ],
          },
        },
      }),
    );
    const functions = report.tables.find((t) => t.title === "Functions the patches change")!;
    expect(functions.rows).toEqual([["fix_a", "dump_timerq", "its code changed", "fix_a.patch"]]);
    const ignored = report.tables.find((t) => t.title.startsWith("Init changes left out"))!;
    expect(ignored.rows).toEqual([
      [
        "fix_a",
        "timer_init",
        "xen/common/timer.o",
        "init code (.init.text) whose code changed: it ran at boot and is gone",
      ],
    ]);
  });

  it("lists the files outside xen/ a patch payload left out, and no such table without them", () => {
    const origin = {
      kind: "patch" as const,
      patches: [{ path: "/w/xsa.patch", sha256: "0".repeat(64) }],
      functions: [{ name: "xen_changeset", why: "its code changed" }],
      added: [],
      ignored: [],
    };
    const title = "Files outside xen/ left out (a toolstack or docs part needs its own update)";
    const withFiles = runReport(
      result({
        origins: {
          "/out/payloads/fix_a.livepatch": {
            ...origin,
            leftOut: ["xsa.patch: SUPPORT.md", "xsa.patch: tools/flask/policy/modules/dom0.te"],
          },
        },
      }),
    );
    expect(withFiles.tables.find((t) => t.title === title)?.rows).toEqual([
      ["fix_a", "xsa.patch: SUPPORT.md"],
      ["fix_a", "xsa.patch: tools/flask/policy/modules/dom0.te"],
    ]);
    const without = runReport(result({ origins: { "/out/payloads/fix_a.livepatch": origin } }));
    expect(without.tables.map((t) => t.title)).not.toContain(title);
  });

  it("says when there was no boot test or no signature", () => {
    const report = runReport(
      result({ signing: { status: "unsigned", reason: "no signing key was given" } }),
    );
    expect(report.tables[0]!.rows[0]!.slice(4)).toEqual(["not booted", "unsigned"]);
    expect(report.notes).toContain("Unsigned: no signing key was given");
  });

  it("renders HTML with every cell escaped, and links", () => {
    const html = reportHtml(
      runReport(
        result({
          scenario,
          published: {
            artifact: { name: "a", id: 3, digest: "d", size: 1, url: "https://x.invalid/a?b&c" },
          },
        }),
      ),
    );
    expect(html).toContain("<td>fix_&#60;b&#62;</td>");
    expect(html).not.toContain("fix_<b>");
    expect(html).toContain('<a href="https://x.invalid/a?b&#38;c">Artifact a</a>');
  });

  it("shows control and bidirectional characters escaped, not rendered", () => {
    const report = runReport(result());
    const html = reportHtml({ ...report, notes: ["sym\u202eevil\x1b[31m"] });
    expect(html).toContain("<p>sym\\u{202e}evil\\x1b[31m</p>");
  });

  it("aligns the columns on the terminal", () => {
    const text = reportText(runReport(result()));
    const lines = text.split("\n");
    const header = lines.find((l) => l.includes("Build-id"))!;
    const row = lines.find((l) => l.trimStart().startsWith("fix_<b>"))!;
    expect(row.indexOf("abababababab")).toBe(header.indexOf("Build-id"));
    expect(text).toMatch(/Stages:\n\s+Stage\s+Result\s+Seconds\s+Detail\n/);
    expect(text).toMatch(/verify\s+ok\s+0\.25\s+2 payload\(s\) pass/);
  });
});
