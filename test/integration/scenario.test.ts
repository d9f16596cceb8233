// Scenarios on the real Xen 4.17.5 with a Debian dom0 in QEMU: the built-in self-test on
// Xen's in-tree payloads, the default scenario on a stacked pair, and a wrong expectation.
// One boot each. XLCI_RECORD_FIXTURES=1 re-records test/fixtures/scenario/self-test.console
// (the unit tests replay it) from the self-test's boot.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fetchGuestAssets, type GuestAssets } from "../../src/boot/guest-assets.js";
import { cleanConsoleLine } from "../../src/boot/qemu.js";
import { buildGuestTool } from "../../src/base/guest-tool.js";
import type { XenBaseWithTests as XenBase } from "./xen-base.js";
import { Payload } from "../../src/livepatch/payload.js";
import { junitXml } from "../../src/report/junit.js";
import { defaultScenario, describeStack, selfTestScenario } from "../../src/scenario/builtin.js";
import { parseScenario, type Scenario } from "../../src/scenario/format.js";
import { planScenario } from "../../src/scenario/plan.js";
import { resolvePayloadFiles, runScenario, type ScenarioResult } from "../../src/scenario/run.js";
import { getXenBase, integrationCacheDir } from "./xen-base.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "scenario", "self-test.console");
const EXTRA = "cat /sys/hypervisor/version/extra";
const work = mkdtempSync(join(tmpdir(), "xlci-scenario-"));
let base: XenBase;
let assets: GuestAssets;
let tool: string;

beforeAll(async () => {
  base = await getXenBase();
  assets = await fetchGuestAssets({ cacheDir: integrationCacheDir() });
  tool = (await buildGuestTool({ base, cacheDir: integrationCacheDir() })).path;
});

const inTree = (file: string) => join(base.testPayloadDir, file);

async function run(scenario: Scenario, name: string, payloadFiles?: Record<string, string>) {
  const result = await runScenario({
    base,
    scenario,
    payloadFiles: payloadFiles ?? (await resolvePayloadFiles(scenario, base.testPayloadDir)),
    cacheDir: integrationCacheDir(),
    logFile: join(work, `${name}.console`),
    assets,
    guestTool: tool,
    // KVM fails on this machine's CPU; the scenarios are the same either way.
    boot: { accel: "tcg" },
  });
  writeFileSync(join(work, `${name}.json`), JSON.stringify(result, null, 2));
  writeFileSync(join(work, `${name}.junit.xml`), junitXml(result));
  return result;
}

/** Every step that did not pass, with its message, for a readable assertion failure. */
const notPassed = (r: ScenarioResult) =>
  r.steps.filter((s) => s.status !== "passed").map((s) => `${s.index} ${s.name}: ${s.message}`);

describe("scenarios on the real hypervisor", () => {
  it("runs the self-test on Xen's in-tree payloads green, in one boot", async () => {
    const scenario = selfTestScenario();
    const r = await run(scenario, "self-test");
    expect(r.error).toBeUndefined();
    expect(notPassed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.boot.end).toBe("poweroff");
    expect(r.counts.passed).toBe(scenario.steps.length);
    console.log(
      `self-test: ${r.counts.passed} steps, boot to dom0 ready ${r.boot.dom0ReadyMs} ms, ` +
        `steps ${r.stepsMs} ms, QEMU start to exit ${r.boot.totalMs} ms (${r.boot.accel})`,
    );

    // What the hypervisor said is in the results, step by step.
    const applyHello = r.steps.find((s) => s.name === "apply hello")!;
    expect(applyHello.console).toContain("(XEN) livepatch: hello finished APPLY with rc=0");
    expect(applyHello.commands.map((c) => [c.command, c.rc])).toEqual([
      ["xen-livepatch apply hello", 0],
      [EXTRA, 0],
      ["xen-livepatch list", 0],
    ]);
    expect(applyHello.commands[1]!.output).toBe("Hello World\n");
    expect(junitXml(r)).toContain(`tests="${scenario.steps.length}" failures="0"`);

    if (process.env.XLCI_RECORD_FIXTURES === "1") {
      const lines = readFileSync(r.boot.consoleLog!, "utf8").split("\n").map(cleanConsoleLine);
      const from = lines.findIndex((l) => l.endsWith("@@XLCI setup begin"));
      const header = planScenario(scenario).guestSteps.map((c, i) => `#step ${i + 1}: ${c}`);
      writeFileSync(FIXTURE, [...header, ...lines.slice(from)].join("\n"));
    }
  }, 900_000);

  it("runs the default scenario on a stacked pair (bye_world on hello_world) green", async () => {
    const stack = describeStack(
      await Promise.all(
        ["xen_hello_world.livepatch", "xen_bye_world.livepatch"].map((f) =>
          Payload.load(inTree(f)),
        ),
      ),
    );
    // What the scenario is built from, read from the real payloads.
    expect(stack).toEqual([
      {
        name: "xen_hello_world",
        file: inTree("xen_hello_world.livepatch"),
        reappliable: false,
        vetoingHooks: false,
        metadata: ["LIVEPATCH_RULEZ"],
      },
      {
        name: "xen_bye_world",
        file: inTree("xen_bye_world.livepatch"),
        stackedOn: "xen_hello_world",
        reappliable: true,
        vetoingHooks: false,
        metadata: [],
      },
    ]);
    const scenario = defaultScenario(stack, {
      checks: [
        { command: EXTRA, name: "the stack is in effect", output: { equals: "Bye World!" } },
      ],
    });
    const r = await run(
      scenario,
      "default",
      Object.fromEntries(stack.map((p) => [p.name, p.file])),
    );
    expect(notPassed(r)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => s.name)).toEqual([
      "upload xen_hello_world",
      "upload xen_bye_world",
      "apply xen_hello_world",
      "apply xen_bye_world",
      "the stack is in effect",
      "revert xen_bye_world",
      "revert xen_hello_world",
      "replace xen_bye_world",
      "unload xen_hello_world",
      "unload xen_bye_world",
    ]);
    expect(r.steps[7]!.console).toContain(
      "(XEN) livepatch: xen_bye_world: check against hypervisor build-id failed",
    );
  }, 900_000);

  it("turns exactly the step with a wrong expectation red, saying what was expected and what happened", async () => {
    const scenario = parseScenario(
      `name: wrong expectation
payloads:
  hello: xen_hello_world.livepatch
steps:
  - upload: hello
  - apply: hello
    check: ${EXTRA}
    output: { equals: Goodbye World }
  - revert: hello
    console: ["hi_func: Hi! (called 2 times)", "check_fnc: Hi func called 1 times"]
  - unload: hello
    list: { hello: absent }
`,
      "wrong.yml",
    );
    const r = await run(scenario, "wrong");
    expect(r.ok).toBe(false);
    expect(r.counts).toEqual({ passed: 2, failed: 2, notRun: 0 });
    expect(r.steps.map((s) => [s.line, s.status])).toEqual([
      [5, "passed"],
      [6, "failed"],
      [9, "failed"],
      [11, "passed"],
    ]);
    expect(r.steps[1]!.message).toBe(
      'expected the output of `cat /sys/hypervisor/version/extra` to be "Goodbye World", but it was "Hello World"',
    );
    // The unload hooks run in the payload's order: check_fnc first.
    expect(r.steps[2]!.message).toBe(
      [
        `expected Xen's console to show "check_fnc: Hi func called 1 times" after "hi_func: Hi! (called 2 times)" (it came earlier) (expected in order: "hi_func: Hi! (called 2 times)", "check_fnc: Hi func called 1 times"), but it did not; Xen printed during this step:`,
        "    (XEN) livepatch: hello: Reverting",
        "    (XEN) check_fnc: Hi func called 1 times",
        "    (XEN) hi_func: Hi! (called 2 times)",
        "    (XEN) Hook unloaded.",
        "    (XEN) livepatch: hello finished REVERT with rc=0",
      ].join("\n"),
    );

    // The JUnit report a CI system reads: the two failures with their messages.
    const xml = readFileSync(join(work, "wrong.junit.xml"), "utf8");
    const failures = execFileSync(
      "python3",
      [
        "-c",
        "import sys, xml.dom.minidom as m; d = m.parseString(sys.stdin.buffer.read()); " +
          "print('\\n'.join(f.parentNode.getAttribute('name') + ' | ' + f.getAttribute('message') for f in d.getElementsByTagName('failure')))",
      ],
      { input: xml, encoding: "utf8" },
    );
    expect(failures.trim().split("\n")).toEqual([
      '02 apply hello | expected the output of `cat /sys/hypervisor/version/extra` to be "Goodbye World", but it was "Hello World"',
      `03 revert hello | expected Xen's console to show "check_fnc: Hi func called 1 times" after "hi_func: Hi! (called 2 times)" (it came earlier) (expected in order: "hi_func: Hi! (called 2 times)", "check_fnc: Hi func called 1 times"), but it did not; Xen printed during this step:`,
    ]);
  }, 900_000);
});
