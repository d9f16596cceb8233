// Every untrusted string is escaped where text reaches a log or a terminal (issue 19):
// a payload's .modinfo strings and symbol names, dom0's output, file names.
import { describe, expect, it } from "vitest";
import { runReportText } from "../../src/report/run-text.js";
import { findingsText } from "../../src/report/text.js";
import type { PayloadReport } from "../../src/verify/payload-set.js";
import { type Logger, terminalLogger } from "../../src/util/logger.js";
import { progressLogger } from "../../src/cli-progress.js";
import { oneLine, safeLines, untrustedLines, untrustedText } from "../../src/util/untrusted.js";
import type { RunResult } from "../../src/report/result.js";

const HOSTILE = "name\n::error file=x.c,line=1::forged\r\x1b[31mred\x07\u202eevil\\";

/** No line of `text` is a workflow command, and no control character is left in it. */
function expectSafe(text: string) {
  for (const line of text.split("\n")) expect(line.trimStart().startsWith("::")).toBe(false);
  expect(text).not.toContain("::");
  // eslint-disable-next-line no-control-regex
  expect(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202e]/.test(text)).toBe(false);
}

describe("untrustedText", () => {
  it("escapes newlines, CR, ESC, BEL, bidi controls, backslashes and `::`, reversibly", () => {
    expect(untrustedText(HOSTILE)).toBe(
      "name\\n:\\x3aerror file=x.c,line=1:\\x3aforged\\r\\x1b[31mred\\x07\\u{202e}evil\\\\",
    );
    expect(untrustedText("do_domctl+0x10/0x2a0")).toBe("do_domctl+0x10/0x2a0");
    expectSafe(untrustedText(HOSTILE));
  });

  it("cuts a long string, saying how much it left out", () => {
    const text = untrustedText("A".repeat(10 * 1024 * 1024));
    expect(text).toBe(`${"A".repeat(1000)}...(${10 * 1024 * 1024 - 1000} more characters)`);
  });

  it("untrustedLines keeps the line breaks, escapes each line", () => {
    expect(untrustedLines("one\r\n::two\x1b")).toBe("one\n:\\x3atwo\\x1b");
  });

  it("oneLine and safeLines escape what breaks a line or forms a command, not backslashes", () => {
    // A scenario message quoting a payload name with a newline, and a pattern's backslash.
    expect(oneLine('payload "bad\n::error::x" /^\\(XEN\\)/\x1b\u202e')).toBe(
      'payload "bad\\n:\\x3aerror:\\x3ax" /^\\(XEN\\)/\\x1b\\u{202e}',
    );
    // Text escaped where it was written is shown as it is, once.
    const escaped = untrustedText("a\nb");
    expect(safeLines(`${escaped}\r\nnext ::x`)).toBe(`${escaped}\nnext :\\x3ax`);
    expect(safeLines("B".repeat(1005))).toBe(`${"B".repeat(1000)}...(5 more characters)`);
  });
});

describe("where untrusted text is shown", () => {
  const payload: PayloadReport = {
    file: `/w/${HOSTILE}.livepatch`,
    stack: [],
    findings: [
      {
        ruleId: "modinfo-string",
        severity: "error",
        message: `.modinfo holds ${HOSTILE}`,
        file: `/w/${HOSTILE}.livepatch`,
        location: { section: ".modinfo", symbol: HOSTILE },
      },
    ],
  } as unknown as PayloadReport;

  it("the verifier's text report", () => {
    const text = findingsText([payload], "/w");
    expectSafe(text);
    expect(text).toContain("name\\n:\\x3aerror");
  });

  it("the run's closing report", () => {
    const result = {
      tool: { name: "t", version: "0" },
      verdict: "fail",
      reason: `dom0 said ${HOSTILE}`,
      stages: [{ name: "verify", status: "failed", seconds: 1, detail: HOSTILE }],
      payloads: [],
      origins: {},
      cache: [],
      files: {
        metadata: "m",
        report: "r",
        sarif: "s",
        findings: "f",
        scenario: "c",
        junit: "j",
        logs: "l",
      },
    } as unknown as RunResult;
    expectSafe(runReportText(result, "/w"));
  });

  it("log lines: the terminal's and the progress logger", async () => {
    for (const make of [
      (s: NodeJS.WritableStream) => terminalLogger(s),
      (s: NodeJS.WritableStream) => progressLogger(s, { logsDir: "/nonexistent", intervalMs: 0 }),
    ]) {
      let out = "";
      const stream = {
        write: (s: string) => ((out += s), true),
      } as unknown as NodeJS.WritableStream;
      const log: Logger = make(stream);
      log.info(HOSTILE);
      log.warning(HOSTILE);
      await log.group(HOSTILE, () => Promise.resolve());
      expectSafe(out);
    }
  });
});
