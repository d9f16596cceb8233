// JUnit XML of a scenario run: one testcase per step, failures with their message, and
// whatever a console throws at it escaped into well-formed XML.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { escapeAttr, escapeText, junitXml } from "../../src/report/junit.js";
import type { ScenarioResult, StepOutcome } from "../../src/scenario/run.js";

const step = (over: Partial<StepOutcome> & Pick<StepOutcome, "index" | "name">): StepOutcome => ({
  line: over.index + 5,
  expect: "success",
  status: "passed",
  durationMs: 250,
  commands: [],
  console: [],
  ...over,
});

const NASTY = `<b>&"quotes"' \x1b[31m\x00\x07 \ud800 ]]> tab\there\nnext line`;

function result(over: Partial<ScenarioResult> = {}): ScenarioResult {
  return {
    scenario: "hello & bye",
    file: "scenarios/<hello>.yml",
    ok: false,
    counts: { passed: 1, failed: 1, notRun: 1 },
    steps: [
      step({
        index: 1,
        name: "upload hello",
        commands: [
          {
            role: "action",
            command: "xen-livepatch upload hello /payloads/hello.livepatch",
            rc: 0,
            output: "Uploading /payloads/hello.livepatch... completed\n",
            durationMs: 250,
          },
        ],
      }),
      step({
        index: 2,
        name: `apply "bye" <first>`,
        status: "failed",
        message: `expected success, but \`xen-livepatch apply bye\` exited with status 1\n${NASTY}`,
        commands: [
          {
            role: "action",
            command: "xen-livepatch apply bye",
            rc: 1,
            output: `Applying bye... failed\nError 22: Invalid argument\n${NASTY}`,
            durationMs: 250,
          },
        ],
        console: ["(XEN) livepatch: bye: check against hypervisor build-id failed"],
      }),
      step({ index: 3, name: "revert bye", status: "not-run", message: "not run: the boot ended" }),
    ],
    boot: { accel: "tcg", end: "poweroff", dom0ReadyMs: 8000, totalMs: 12345, command: [] },
    stepsMs: 750,
    ...over,
  };
}

/** Python's expat: the XML must be well-formed; returns what a reader sees. */
function parsed(xml: string): {
  cases: string[];
  failures: string[];
  suite: Record<string, string>;
} {
  const out = execFileSync(
    "python3",
    [
      "-c",
      `import sys, json, xml.dom.minidom as m
d = m.parseString(sys.stdin.buffer.read())
s = d.getElementsByTagName("testsuite")[0]
print(json.dumps({
  "cases": [c.getAttribute("name") for c in d.getElementsByTagName("testcase")],
  "failures": [f.getAttribute("message") + "|" + "".join(t.data for t in f.childNodes) for f in d.getElementsByTagName("failure")],
  "suite": {k: v for k, v in s.attributes.items()},
}))`,
    ],
    { input: xml, encoding: "utf8" },
  );
  return JSON.parse(out) as { cases: string[]; failures: string[]; suite: Record<string, string> };
}

describe("escaping", () => {
  it("escapes markup, quotes, and characters XML 1.0 cannot hold", () => {
    expect(escapeText(`a<b>&c`)).toBe("a&lt;b&gt;&amp;c");
    expect(escapeAttr(`"it's"\n\tx`)).toBe("&quot;it&apos;s&quot;&#10;&#9;x");
    expect(escapeText("\x00\x1b\x7f ok \ud83d\ude00 \udc00")).toBe(
      "\ufffd\ufffd\x7f ok \ud83d\ude00 \ufffd",
    );
  });
});

describe("junitXml", () => {
  it("writes one testcase per step, the failure's message, and skips what never ran", () => {
    const xml = junitXml(result(), { timestamp: new Date("2026-01-02T03:04:05.678Z") });
    const doc = parsed(xml);
    expect(doc.cases).toEqual(["01 upload hello", `02 apply "bye" <first>`, "03 revert bye"]);
    expect(doc.suite).toEqual({
      name: "hello & bye",
      tests: "3",
      failures: "1",
      errors: "0",
      skipped: "1",
      time: "12.345",
      timestamp: "2026-01-02T03:04:05",
      file: "scenarios/<hello>.yml",
    });
    // The attribute holds the first line; the element the whole message, escaped and back.
    const cleaned = [..."\x1b\x00\x07\ud800"].reduce((s, c) => s.replace(c, "\ufffd"), NASTY);
    expect(doc.failures).toEqual([
      "expected success, but `xen-livepatch apply bye` exited with status 1|" +
        `expected success, but \`xen-livepatch apply bye\` exited with status 1\n${cleaned}`,
    ]);
    expect(xml).toContain('<skipped message="not run: the boot ended"/>');
    expect(xml).toContain(
      '<testcase name="01 upload hello" classname="scenario.hello &amp; bye" file="scenarios/&lt;hello&gt;.yml" line="6" time="0.250">',
    );
    expect(xml).toContain("$ xen-livepatch apply bye   (exit 1)\nApplying bye... failed");
    expect(xml).toContain(
      "Xen console:\n(XEN) livepatch: bye: check against hypervisor build-id failed",
    );
    expect(xml).toContain('<property name="accel" value="tcg"/>');
  });

  it("adds a failing 'boot' testcase for a boot problem no step carries", () => {
    const xml = junitXml(
      result({
        steps: [],
        counts: { passed: 0, failed: 0, notRun: 0 },
        error: "dom0's setup (insmod, mount xenfs) failed with status 1:\ninsmod: can't insert",
      }),
    );
    const doc = parsed(xml);
    expect(doc.cases).toEqual(["boot"]);
    expect(doc.suite).toMatchObject({ tests: "1", failures: "1" });
    expect(doc.failures).toEqual([
      "dom0's setup (insmod, mount xenfs) failed with status 1:|dom0's setup (insmod, mount xenfs) failed with status 1:\ninsmod: can't insert",
    ]);
  });
});
