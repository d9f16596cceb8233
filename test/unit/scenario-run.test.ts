// A scenario's plan (the guest's command lines), reading a step's transcript back from the
// console, judging it, and the built-in scenarios; replayed on a console recorded from
// the real self-test boot (test/fixtures/scenario/self-test.console).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseMarker } from "../../src/boot/init-script.js";
import { cleanConsoleLine, type BootResult, type StepResult } from "../../src/boot/qemu.js";
import {
  defaultScenario,
  selfTestScenario,
  type StackPayload,
} from "../../src/scenario/builtin.js";
import { parseScenario, type Scenario } from "../../src/scenario/format.js";
import { planScenario } from "../../src/scenario/plan.js";
import {
  checkConsole,
  evaluateBoot,
  evaluateStep,
  parseListOutput,
  stepTranscripts,
  type CommandRun,
} from "../../src/scenario/run.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "scenario", "self-test.console");
const EXTRA = "cat /sys/hypervisor/version/extra";

const scenario = (steps: string) =>
  parseScenario(
    `name: t\npayloads:\n  hello: xen_hello_world.livepatch\n  bye: xen_bye_world.livepatch\nsteps:\n${steps}`,
    "t.yml",
  );

const LIST_HELLO_APPLIED = ` ID                                     | status     | metadata
----------------------------------------+------------+---------------
hello                                   | APPLIED    | LIVEPATCH_RULEZ
bye                                     | CHECKED (22, Invalid argument)    | 
`;

describe("planScenario", () => {
  it("runs each action, then its check, then xen-livepatch list", () => {
    const plan = planScenario(
      scenario(`  - upload: hello
  - apply: hello
    check: ${EXTRA}
    output: { equals: Hello World }
    list: { hello: APPLIED }
  - apply: bye
    nodeps: true
  - replace: bye
  - revert: bye
  - unload: bye
  - run: echo 'hi there' | tr a-z A-Z
  - list: { hello: APPLIED }
`),
    );
    expect(plan.guestSteps).toEqual([
      "xen-livepatch upload hello /payloads/hello.livepatch",
      "xen-livepatch apply hello",
      EXTRA,
      "xen-livepatch list",
      "xen-livepatch apply bye --nodeps",
      "xen-livepatch replace bye",
      "xen-livepatch revert bye",
      "xen-livepatch unload bye",
      "echo 'hi there' | tr a-z A-Z",
      "xen-livepatch list",
    ]);
    expect(plan.steps[1]!.commands).toEqual([
      { role: "action", command: "xen-livepatch apply hello", guestStep: 1 },
      { role: "check", command: EXTRA, guestStep: 2 },
      { role: "list", command: "xen-livepatch list", guestStep: 3 },
    ]);
    // A list step's own output is the list: no second listing.
    expect(plan.steps.at(-1)!.commands).toEqual([
      { role: "action", command: "xen-livepatch list", guestStep: 9 },
    ]);
    expect(plan.guestPayloads).toEqual({
      hello: "/payloads/hello.livepatch",
      bye: "/payloads/bye.livepatch",
    });
  });
});

describe("stepTranscripts", () => {
  it("separates Xen's lines from the guest's, even in the middle of a line", () => {
    const t = stepTranscripts([
      "(XEN) before any step",
      "@@XLCI step 1 begin",
      "Uploading /payloads/hello.livepatch... (XEN) alt table ffff82d0405d305a -> ffff82d0405d3084",
      "completed",
      "@@XLCI step 1 end rc=0",
      "@@XLCI step 2 begin",
      "Applying hello... (XEN) livepatch: hello: Applying 1 functions",
      "(XEN) hi_func: Hi! (called 1 times)",
      "(XEN) ",
      "completed",
      "no newline@@XLCI step 2 end rc=0",
      "@@XLCI done",
    ]);
    expect(t.get(1)).toEqual({
      guest: "Uploading /payloads/hello.livepatch... completed\n",
      xen: ["(XEN) alt table ffff82d0405d305a -> ffff82d0405d3084"],
    });
    expect(t.get(2)).toEqual({
      guest: "Applying hello... completed\nno newline",
      xen: [
        "(XEN) livepatch: hello: Applying 1 functions",
        "(XEN) hi_func: Hi! (called 1 times)",
        "(XEN) ",
      ],
    });
  });
});

describe("stepTranscripts with a debug key", () => {
  it("keeps what Xen prints after the key request in the step", () => {
    const t = stepTranscripts([
      "@@XLCI step 3 begin",
      "@@XLCI key 2b",
      "(XEN) *** Serial input to Xen (type 'CTRL-a' three times to switch input)",
      "(XEN) '+' pressed -> standard log level: All (rate limited All)",
      "(XEN) *** Serial input to DOM0 (type 'CTRL-a' three times to switch input)",
      "",
      "@@XLCI step 3 end rc=0",
    ]);
    expect(t.get(3)!.xen).toContain(
      "(XEN) '+' pressed -> standard log level: All (rate limited All)",
    );
  });
});

describe("parseListOutput", () => {
  it("reads the table xen-livepatch list prints", () => {
    expect(parseListOutput(LIST_HELLO_APPLIED)).toEqual([
      {
        name: "hello",
        state: "APPLIED",
        metadata: ["LIVEPATCH_RULEZ"],
        status: "APPLIED",
      },
      {
        name: "bye",
        state: "CHECKED",
        error: { number: 22, text: "Invalid argument" },
        metadata: [],
        status: "CHECKED (22, Invalid argument)",
      },
    ]);
    expect(parseListOutput("Nothing to list\n")).toEqual([]);
    expect(
      parseListOutput(
        " ID | status | metadata\n---+---+---\np | APPLIED    | version=1;LIVEPATCH_RULEZ;workflow=x|y\n",
      )[0]!.metadata,
    ).toEqual(["version=1", "LIVEPATCH_RULEZ", "workflow=x|y"]);
  });
});

/** Judges the first step of `steps` from the given runs (one per planned command). */
function judge(steps: string, runs: Array<Partial<CommandRun> | undefined>) {
  const plan = planScenario(scenario(steps));
  return evaluateStep(
    plan.steps[0]!,
    runs.map((r) => (r ? { rc: 0, output: "", xen: [], durationMs: 10, ...r } : undefined)),
  );
}

describe("evaluateStep", () => {
  it("passes a step that did what was expected", () => {
    const r = judge(
      `  - apply: hello
    console: ["Applying 1 functions", "hi_func: Hi!"]
    check: ${EXTRA}
    output: { equals: Hello World, contains: Hello, matches: "^Hello", lacks: Bye }
    list: { hello: { state: APPLIED, metadata: LIVEPATCH_RULEZ }, bye: { state: CHECKED, errno: EINVAL } }
`,
      [
        {
          output: "Applying hello... completed\n",
          xen: [
            "(XEN) livepatch: hello: Applying 1 functions",
            "(XEN) hi_func: Hi! (called 1 times)",
          ],
        },
        { output: "Hello World\n" },
        { output: LIST_HELLO_APPLIED },
      ],
    );
    expect(r).toMatchObject({ status: "passed", index: 1, name: "apply hello", durationMs: 30 });
    expect(r.message).toBeUndefined();
    expect(r.console).toHaveLength(2);
    expect(r.commands.map((c) => [c.role, c.rc])).toEqual([
      ["action", 0],
      ["check", 0],
      ["list", 0],
    ]);
  });

  it("says a refusal was unexpected, with the tool's output and Xen's lines", () => {
    const r = judge("  - apply: hello\n", [
      {
        rc: 1,
        output: "Applying hello... failed\nError 22: Invalid argument\n",
        xen: ["(XEN) livepatch: hello: can't revert as payload has .data. Please unload"],
      },
    ]);
    expect(r.status).toBe("failed");
    expect(r.message).toBe(
      "expected success, but `xen-livepatch apply hello` exited with status 1: `xen-livepatch apply hello` printed\n" +
        "    Applying hello... failed\n    Error 22: Invalid argument; Xen printed during this step:\n" +
        "    (XEN) livepatch: hello: can't revert as payload has .data. Please unload",
    );
  });

  it("says a success was unexpected", () => {
    const r = judge('  - revert: hello\n    expect: refused\n    refusal: "Top is bye"\n', [
      { output: "Reverting hello... completed\n" },
    ]);
    expect(r.message).toBe(
      'expected a refusal ("Top is bye"), but `xen-livepatch revert hello` succeeded: `xen-livepatch revert hello` printed "Reverting hello... completed"; Xen printed nothing during this step',
    );
  });

  it("checks the refusal's text and errno", () => {
    const refused = {
      rc: 2,
      output: "Reverting hello... failed\nError 16: Device or resource busy\n",
      xen: ["(XEN) livepatch: hello: can't unload. Top is bye"],
    };
    const ok = judge(
      '  - revert: hello\n    expect: refused\n    refusal: "can\'t unload. Top is bye"\n    errno: EBUSY\n',
      [refused],
    );
    expect(ok.status).toBe("passed");
    const wrong = judge(
      '  - revert: hello\n    expect: refused\n    refusal: "Top is hello"\n    errno: EINVAL\n',
      [refused],
    );
    expect(wrong.message!.split("\n")).toEqual([
      'refused as expected (exit status 2), but neither the tool nor Xen\'s console said "Top is hello": `xen-livepatch revert hello` printed',
      "    Reverting hello... failed",
      "    Error 16: Device or resource busy; Xen printed during this step:",
      "    (XEN) livepatch: hello: can't unload. Top is bye",
      "expected the refusal to report errno EINVAL (22), but the tool reported Error 16 (EBUSY, Device or resource busy)",
    ]);
  });

  it("says what the output should have been and what it was", () => {
    const r = judge(`  - apply: bye\n    check: ${EXTRA}\n    output: { equals: Bye World! }\n`, [
      { output: "Applying bye... completed\n" },
      { output: "Hello World\n" },
    ]);
    expect(r.message).toBe(
      'expected the output of `cat /sys/hypervisor/version/extra` to be "Bye World!", but it was "Hello World"',
    );
    const failedCheck = judge(`  - apply: bye\n    check: cat /nonexistent\n`, [
      {},
      { rc: 1, output: "cat: can't open '/nonexistent': No such file or directory\n" },
    ]);
    expect(failedCheck.message).toBe(
      "the check `cat /nonexistent` exited with status 1; it printed \"cat: can't open '/nonexistent': No such file or directory\"",
    );
  });

  it("says which console line is missing, and that order matters", () => {
    const lines = ["(XEN) b", "(XEN) a"];
    expect(checkConsole([{ text: "a", regex: false }], lines)).toBeUndefined();
    expect(
      checkConsole(
        [
          { text: "a", regex: false },
          { text: "b", regex: false },
        ],
        lines,
      ),
    ).toBe(
      'expected Xen\'s console to show "b" after "a" (it came earlier) (expected in order: "a", "b"), but it did not; Xen printed during this step:\n    (XEN) b\n    (XEN) a',
    );
    expect(checkConsole([{ text: "^\\(XEN\\) c$", regex: true }], [])).toBe(
      "expected Xen's console to show /^\\(XEN\\) c$/, but it did not; Xen printed nothing during this step",
    );
  });

  it("checks what xen-livepatch list shows", () => {
    const r = judge(
      "  - list: { hello: CHECKED, bye: { state: CHECKED, metadata: [version=1] } }\n",
      [{ output: LIST_HELLO_APPLIED }],
    );
    expect(r.message!.split("\n")).toEqual([
      "expected xen-livepatch list to show hello CHECKED, but it shows hello APPLIED",
      'expected bye\'s metadata in xen-livepatch list to include "version=1", but it is empty',
    ]);
    const gone = judge("  - unload: hello\n    list: { hello: absent, bye: APPLIED }\n", [
      { output: "Unloading hello... completed\n" },
      { output: LIST_HELLO_APPLIED },
    ]);
    expect(gone.message!.split("\n")).toEqual([
      "expected hello to be absent from xen-livepatch list, but it is listed as APPLIED",
      "expected xen-livepatch list to show bye APPLIED, but it shows bye CHECKED (22, Invalid argument)",
    ]);
  });

  it("tells a step the boot never reached from one it cut short", () => {
    const plan = planScenario(scenario(`  - apply: hello\n    check: ${EXTRA}\n`));
    const interruption = {
      message: 'The hypervisor panicked during step 1 ("Panic on CPU 0", tcg):\n...',
    };
    expect(evaluateStep(plan.steps[0]!, [undefined, undefined], interruption)).toMatchObject({
      status: "not-run",
      message:
        'not run: the boot ended before this step (The hypervisor panicked during step 1 ("Panic on CPU 0", tcg):)',
    });
    const cut = evaluateStep(
      plan.steps[0]!,
      [
        { rc: 0, output: "", xen: [], durationMs: 5 },
        { rc: null, output: "", xen: [], durationMs: 5 },
      ],
      interruption,
    );
    expect(cut.status).toBe("failed");
    expect(cut.message).toBe(
      `\`${EXTRA}\` did not finish: The hypervisor panicked during step 1 ("Panic on CPU 0", tcg):\n...`,
    );
  });
});

// --- the recorded self-test ------------------------------------------------------------

/** The BootResult bootXen would have made of a recorded console (markers only). */
function replay(lines: string[]): BootResult {
  const steps: StepResult[] = [];
  let setup: StepResult | undefined;
  for (const line of lines) {
    const m = parseMarker(line)?.marker;
    if (m?.kind === "setup-begin")
      setup = { step: 0, rc: null, output: "", xenOutput: "", durationMs: 0 };
    if (m?.kind === "setup-end") setup!.rc = m.rc;
    if (m?.kind === "step-begin") {
      steps.push({ step: m.step, rc: null, output: "", xenOutput: "", durationMs: 1 });
    }
    if (m?.kind === "step-end") steps.at(-1)!.rc = m.rc;
  }
  return {
    ok: true,
    end: { kind: "poweroff" },
    accel: "tcg",
    ...(setup ? { setup } : {}),
    steps,
    durations: { totalMs: 1 },
    console: lines,
    command: [],
  };
}

function recorded(): { guestSteps: string[]; console: string[] } {
  // As bootXen hands them over: cleaned of carriage returns and other control bytes.
  const lines = readFileSync(FIXTURE, "utf8").split("\n").map(cleanConsoleLine);
  const header = lines.filter((l) => l.startsWith("#step "));
  return {
    guestSteps: header.map((l) => l.replace(/^#step \d+: /, "")),
    console: lines.slice(header.length),
  };
}

describe("the self-test scenario on a recorded boot of Xen 4.17.5", () => {
  const s = selfTestScenario();
  const rec = recorded();

  it("is the scenario that was recorded (re-record: XLCI_RECORD_FIXTURES=1 with test/integration/scenario.test.ts)", () => {
    expect(planScenario(s).guestSteps).toEqual(rec.guestSteps);
  });

  it("passes every step", () => {
    const result = evaluateBoot(planScenario(s), s, replay(rec.console));
    const failed = result.steps.filter((x) => x.status !== "passed");
    expect(failed.map((x) => `${x.index} ${x.name}: ${x.message}`)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.counts).toEqual({ passed: s.steps.length, failed: 0, notRun: 0 });
  });

  it("turns exactly the step with a wrong expectation red, saying what Xen did", () => {
    const wrong: Scenario = parseScenario(
      s.source.replace(
        "    output: { equals: Bye World! }\n    list: { hello: APPLIED, bye: APPLIED }",
        "    output: { equals: Goodbye World }\n    list: { hello: APPLIED, bye: APPLIED }",
      ),
      "wrong.yml",
    );
    const result = evaluateBoot(planScenario(wrong), wrong, replay(rec.console));
    const failed = result.steps.filter((x) => x.status !== "passed");
    expect(failed.map((x) => [x.index, x.name, x.message])).toEqual([
      [
        7,
        "apply bye",
        'expected the output of `cat /sys/hypervisor/version/extra` to be "Goodbye World", but it was "Bye World!"',
      ],
    ]);
    expect(result.ok).toBe(false);
  });
});

describe("evaluateBoot on a boot that crashed", () => {
  it("fails the step that was running with the crash report and leaves the rest not run", () => {
    const s = selfTestScenario();
    const rec = recorded();
    // The recorded boot up to the apply of hello (guest step 7), then a panic inside it.
    const cut = rec.console.findIndex((l) => l === "@@XLCI step 7 begin");
    const lines = [
      ...rec.console.slice(0, cut + 1),
      "(XEN) livepatch: hello: Applying 1 functions",
      "(XEN) Panic on CPU 0:",
    ];
    const message =
      'The hypervisor panicked during step 7 ("Panic on CPU 0", tcg):\n(XEN) Panic on CPU 0:';
    const boot = {
      ...replay(lines),
      ok: false,
      end: { kind: "hypervisor-panic" as const, lines: [], message },
    };
    const result = evaluateBoot(planScenario(s), s, boot);
    expect(result.ok).toBe(false);
    expect(result.error).toBeUndefined();
    expect(result.steps.slice(0, 7).map((x) => x.status)).toEqual([
      "passed",
      "passed",
      "passed",
      "passed",
      "passed",
      "failed",
      "not-run",
    ]);
    expect(result.steps[5]!.message).toBe(
      `\`xen-livepatch apply hello\` did not finish: ${message}`,
    );
    expect(result.steps[5]!.console).toEqual([
      "(XEN) livepatch: hello: Applying 1 functions",
      "(XEN) Panic on CPU 0:",
    ]);
    expect(result.steps[6]!.message).toBe(
      'not run: the boot ended before this step (The hypervisor panicked during step 7 ("Panic on CPU 0", tcg):)',
    );
    expect(result.counts).toEqual({ passed: 5, failed: 1, notRun: s.steps.length - 6 });
  });

  it("reports a failed dom0 setup once, as the boot's error", () => {
    const s = selfTestScenario();
    const boot = replay([
      "@@XLCI setup begin",
      "insmod: can't insert 'xenfs.ko'",
      "@@XLCI setup end rc=1",
      "@@XLCI done",
    ]);
    boot.setup!.output = "insmod: can't insert 'xenfs.ko'\n";
    const result = evaluateBoot(planScenario(s), s, boot);
    expect(result.error).toBe(
      "dom0's setup (insmod, mount xenfs) failed with status 1:\ninsmod: can't insert 'xenfs.ko'\n",
    );
    expect(result.counts).toEqual({ passed: 0, failed: 0, notRun: s.steps.length });
    expect(result.ok).toBe(false);
  });
});

// --- the default scenario --------------------------------------------------------------

const stack = (...ps: Array<Partial<StackPayload> & { name: string }>): StackPayload[] =>
  ps.map((p) => ({
    file: `/out/${p.name}.livepatch`,
    reappliable: true,
    vetoingHooks: false,
    metadata: [],
    ...p,
  }));

/** The steps in a compact form: action, and the flags that matter. */
function outline(s: Scenario): string[] {
  return s.steps.map((x) => {
    const a = x.action;
    const head =
      a.kind === "run"
        ? `run ${a.command}`
        : a.kind === "list"
          ? "list"
          : a.kind === "key"
            ? `key ${a.key}`
            : `${a.kind} ${a.payload}`;
    const nodeps = a.kind === "apply" && a.nodeps ? " --nodeps" : "";
    const refused = x.expect === "refused" ? ` (refused: ${x.refusal})` : "";
    return `${head}${nodeps}${refused}`;
  });
}

describe("defaultScenario", () => {
  it("a stacked pair with .data at the bottom: no re-apply, replace refused (it depends on hello)", () => {
    const s = defaultScenario(
      stack(
        { name: "hello", reappliable: false, metadata: ["LIVEPATCH_RULEZ"] },
        { name: "bye", stackedOn: "hello" },
      ),
      { checks: [{ command: EXTRA, output: { equals: "Bye World!" } }] },
    );
    expect(outline(s)).toEqual([
      "upload hello",
      "upload bye",
      "apply hello",
      "apply bye",
      `run ${EXTRA}`,
      "revert bye",
      "revert hello",
      "replace bye (refused: bye: check against hypervisor build-id failed)",
      "unload hello",
      "unload bye",
    ]);
    expect(s.file).toBe("builtin:default");
    expect(s.payloads.hello!.file).toBe("/out/hello.livepatch");
    expect(s.steps[1]!.list).toEqual([
      { payload: "hello", state: "CHECKED", metadata: ["LIVEPATCH_RULEZ"] },
      { payload: "bye", state: "CHECKED", metadata: [] },
    ]);
    expect(s.steps[2]!.console).toEqual([{ text: "hello finished APPLY with rc=0", regex: false }]);
    expect(s.steps[4]!.output?.equals).toBe("Bye World!");
    expect(s.steps[7]!.errno).toEqual({ name: "EINVAL", number: 22 });
    expect(s.steps.at(-1)!.list!.map((l) => l.state)).toEqual(["absent", "absent"]);
    // The source is YAML a user can copy; the comments say why steps are there or not.
    expect(s.source).toContain("# Apply again where Xen allows it (not hello:");
    expect(s.steps[7]!.line).toBe(
      s.source.split("\n").findIndex((l) => l.includes("replace: bye")) + 1,
    );
  });

  it("independent payloads: --nodeps above the first, re-apply, then replace over the stack", () => {
    const s = defaultScenario(stack({ name: "a" }, { name: "b" }, { name: "c" }));
    expect(outline(s)).toEqual([
      "upload a",
      "upload b",
      "upload c",
      "apply a",
      "apply b --nodeps",
      "apply c --nodeps",
      "revert c",
      "revert b",
      "revert a",
      "apply a",
      "apply b --nodeps",
      "replace c",
      "revert c",
      "unload a",
      "unload b",
      "unload c",
    ]);
    expect(s.steps[11]!.list).toEqual([
      { payload: "a", state: "CHECKED", metadata: [] },
      { payload: "b", state: "CHECKED", metadata: [] },
      { payload: "c", state: "APPLIED", metadata: [] },
    ]);
  });

  it("one payload with .data: uploaded afresh before replace (Xen's replace does not check)", () => {
    expect(outline(defaultScenario(stack({ name: "p", reappliable: false })))).toEqual([
      "upload p",
      "apply p",
      "revert p",
      "unload p",
      "upload p",
      "replace p",
      "revert p",
      "unload p",
    ]);
  });

  it("vetoing hooks: replace refused", () => {
    expect(outline(defaultScenario(stack({ name: "p", vetoingHooks: true })))).toContain(
      "replace p (refused: REPLACE action is not supported on livepatches with vetoing hooks!)",
    );
  });
});
