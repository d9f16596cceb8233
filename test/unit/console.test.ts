// The console reader on consoles recorded from real boots of Xen 4.17.5 with a Debian 6.1
// dom0 in QEMU (test/fixtures/boot/*.console): a clean boot, a hypervisor panic, a dom0
// kernel panic, a dom0 oops, and a boot that hangs in each phase (a recorded console cut
// where the hang happens: a hung boot's console is the good one up to that point).
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConsoleReader, type ConsoleEvent, type Phase } from "../../src/boot/console.js";

const fixtures = resolve(import.meta.dirname, "../fixtures/boot");
const HELLO_STEPS = [
  "cat /sys/hypervisor/version/extra",
  "ls /proc/xen",
  "cat /sys/hypervisor/properties/capabilities",
];

/** A recorded console's lines as QEMU's pipe delivers them (the last one may lack a newline). */
function recorded(name: string): string[] {
  const lines = readFileSync(join(fixtures, name), "latin1").split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** The lines up to and including the first one containing `text`: a boot that hung there. */
function upTo(lines: string[], text: string): string[] {
  const at = lines.findIndex((l) => l.includes(text));
  expect(at, `'${text}' is in the console`).toBeGreaterThanOrEqual(0);
  return lines.slice(0, at + 1);
}

/** Feeds lines 10 ms apart; returns the reader and every event, in order. */
function read(lines: string[], steps?: readonly string[]) {
  const reader = new ConsoleReader(steps);
  const events: ConsoleEvent[] = [];
  lines.forEach((line, i) => events.push(...reader.push(line, i * 10)));
  return { reader, events };
}

const phases = (events: ConsoleEvent[]): Phase[] =>
  events.flatMap((e) => (e.kind === "phase" ? [e.phase] : []));
const milestones = (events: ConsoleEvent[]) => events.filter((e) => e.kind !== "phase");

describe("a clean boot", () => {
  const lines = recorded("hello.console");
  const { reader, events } = read(lines, HELLO_STEPS);

  it("gives the banner, dom0's kernel, the setup, each step and the power-off, in order", () => {
    expect(milestones(events)).toEqual([
      { kind: "banner" },
      { kind: "dom0-kernel" },
      { kind: "setup-begin" },
      { kind: "setup-end", rc: 0 },
      { kind: "step-begin", step: 1, command: HELLO_STEPS[0] },
      { kind: "step-end", step: 1, rc: 0 },
      { kind: "step-begin", step: 2, command: HELLO_STEPS[1] },
      { kind: "step-end", step: 2, rc: 0 },
      { kind: "step-begin", step: 3, command: HELLO_STEPS[2] },
      { kind: "step-end", step: 3, rc: 0 },
      { kind: "poweroff" },
    ]);
    expect(phases(events)).toEqual([
      { name: "dom0 boot (until /init's setup ends)", deadline: "dom0" },
      { name: "step 1 (cat /sys/hypervisor/version/extra)", deadline: "step" },
      { name: "step 2 (ls /proc/xen)", deadline: "step" },
      { name: "step 3 (cat /sys/hypervisor/properties/capabilities)", deadline: "step" },
      { name: "shutdown", deadline: "shutdown" },
      { name: "shutdown", deadline: "shutdown" },
    ]);
    expect(reader.poweredOff).toBe(true);
    expect(reader.crash).toBeUndefined();
  });

  it("keeps every line cleaned, and each step's output apart from Xen's lines", () => {
    expect(reader.lines).toHaveLength(lines.length);
    expect(reader.lines.at(-1)).toBe("(XEN) Entering ACPI S5 state.");
    expect(reader.lines.some((l) => l.includes("\r") || l.includes("\x1b"))).toBe(false);
    expect(reader.setup).toMatchObject({ step: 0, command: "setup", rc: 0, output: "" });
    expect(reader.steps.map((s) => s.output)).toEqual([
      ".5\n",
      "capabilities\nprivcmd\nxenbus\nxensyms\nxsd_kva\nxsd_port\n",
      // No newline of its own: the output still ends where the end marker begins.
      "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 \n",
    ]);
    for (const s of reader.steps) expect(s.output).not.toMatch(/^\(XEN\)/m);
  });

  it("times the milestones by the lines' arrival", () => {
    const at = (text: string) => lines.findIndex((l) => l.includes(text)) * 10;
    expect(reader.bannerMs).toBe(at("(XEN) Xen version"));
    expect(reader.dom0ReadyMs).toBe(at("@@XLCI setup end"));
    expect(reader.steps[1]!.durationMs).toBe(at("@@XLCI step 2 end") - at("@@XLCI step 2 begin"));
  });

  it("numbers the steps from the markers when it is not given their commands", () => {
    const bare = read(lines);
    expect(bare.reader.steps.map((s) => [s.step, s.command, s.rc])).toEqual([
      [1, undefined, 0],
      [2, undefined, 0],
      [3, undefined, 0],
    ]);
    // Without the list, another step may always follow.
    expect(phases(bare.events).map((p) => p.name)).toContain("step 4");
  });
});

describe("a hypervisor panic", () => {
  const { reader, events } = read(recorded("hypervisor-panic.console"));

  it("is reported with the lines before it, up to Xen's last word", () => {
    const crash = events.filter((e) => e.kind === "crash" || e.kind === "crash-report");
    expect(crash[0]).toEqual({ kind: "crash", crash: "hypervisor-panic", match: "Panic on CPU 0" });
    expect(crash[1]?.kind).toBe("crash-report");
    if (crash[1]?.kind !== "crash-report") return;
    const { report } = crash[1];
    expect(report.kind).toBe("hypervisor-panic");
    expect(report.during).toBeUndefined();
    expect(report.lines).toHaveLength(30 + 5);
    expect(report.lines).toContain("(XEN) Could not construct domain 0");
    expect(report.lines).toContain("(XEN) ELF: not an ELF binary");
    expect(report.lines.at(-1)).toBe("(XEN) Manual reset required ('noreboot' specified)");
    expect(reader.setup).toBeUndefined();
    expect(phases(events).at(-1)).toEqual({ name: "crash report", deadline: "crashReport" });
    expect(reader.inCrashReport).toBe(false);
  });
});

describe("a dom0 kernel panic", () => {
  const steps = ["echo c > /proc/sysrq-trigger"];
  const lines = recorded("dom0-crash.console");

  it("is reported during the step that caused it, up to Xen's notice that dom0 crashed", () => {
    const { reader, events } = read(lines, steps);
    const report = events.flatMap((e) => (e.kind === "crash-report" ? [e.report] : []));
    expect(report).toHaveLength(1);
    expect(report[0]).toMatchObject({
      kind: "dom0-crash",
      match: "Kernel panic - not syncing",
      during: "step 1 (echo c > /proc/sysrq-trigger)",
    });
    expect(report[0]!.lines.some((l) => l.includes("sysrq: Trigger a crash"))).toBe(true);
    expect(report[0]!.lines.at(-1)).toBe(
      "(XEN) Hardware Dom0 crashed: 'noreboot' set - not rebooting.",
    );
    // Xen's notice is a crash line too, but the first one named the crash.
    expect(events.filter((e) => e.kind === "crash")).toHaveLength(1);
    expect(reader.steps[0]).toMatchObject({ rc: null });
    expect(reader.steps[0]!.output).toContain("Kernel panic - not syncing: sysrq triggered crash");
    expect(reader.steps[0]!.xenOutput).toBe(
      "(XEN) Hardware Dom0 crashed: 'noreboot' set - not rebooting.\n",
    );
  });

  it("is reported as far as it came when the console goes quiet mid-report", () => {
    const cut = upTo(lines, "write_sysrq_trigger");
    const { reader, events } = read(cut, steps);
    expect(events.some((e) => e.kind === "crash-report")).toBe(false);
    expect(reader.inCrashReport).toBe(true);
    expect(reader.phase).toEqual({ name: "crash report", deadline: "crashReport" });
    const report = reader.crashReport()!;
    expect(report.lines.at(-1)).toMatch(/write_sysrq_trigger/);
    expect(reader.inCrashReport).toBe(false);
    // The boot has ended: later lines are kept but mean nothing.
    expect(reader.push("@@XLCI step 1 end rc=0", 99_999)).toEqual([]);
    expect(reader.lines.at(-1)).toBe("@@XLCI step 1 end rc=0");
    expect(reader.steps[0]!.rc).toBeNull();
  });
});

describe("a dom0 oops", () => {
  it("is a dom0 crash, reported from the oops line", () => {
    const lines = recorded("dom0-oops.console");
    const { events } = read(lines, ["true"]);
    const crash = events.find((e) => e.kind === "crash");
    expect(crash).toMatchObject({ kind: "crash", crash: "dom0-crash" });
    expect(crash?.kind === "crash" && crash.match).toMatch(/^Oops: [0-9a-f]{4} \[#1\]$/);
    const report = events.flatMap((e) => (e.kind === "crash-report" ? [e.report] : []))[0];
    expect(report?.lines.some((l) => /Oops: [0-9a-f]{4} \[#1\]/.test(l))).toBe(true);
  });
});

describe("a dom0 that crashes before its kernel speaks", () => {
  it("is a dom0 crash at once, on Xen's notice (which is also the report's last line)", () => {
    const { reader, events } = read(recorded("dom0-early-crash.console"), ["true"]);
    expect(milestones(events).map((e) => e.kind)).toEqual(["banner", "crash", "crash-report"]);
    const report = events.flatMap((e) => (e.kind === "crash-report" ? [e.report] : []))[0]!;
    expect(report).toMatchObject({ kind: "dom0-crash", during: undefined });
    // The 30 lines before Xen's notice: its register and stack dump of dom0.
    expect(report.lines).toHaveLength(31);
    expect(report.lines).toContain("(XEN) Guest stack trace from rsp=ffffffff82a03e20:");
    expect(report.lines.at(-1)).toBe(
      "(XEN) Hardware Dom0 crashed: 'noreboot' set - not rebooting.",
    );
    expect(reader.setup).toBeUndefined();
  });
});

describe("a boot that hangs", () => {
  const lines = recorded("hello.console");

  it.each([
    [
      "before Xen's banner",
      "Press Ctrl-B to configure iPXE",
      "start (waiting for Xen's banner)",
      "firstSignOfLife",
    ],
    ["after Xen's banner", "(XEN) Xen version", "dom0 boot (until /init's setup ends)", "dom0"],
    [
      "while dom0's kernel boots",
      "Run /init as init process",
      "dom0 boot (until /init's setup ends)",
      "dom0",
    ],
    ["in dom0's setup", "@@XLCI setup begin", "dom0 boot (until /init's setup ends)", "dom0"],
    [
      "before the first step",
      "@@XLCI setup end rc=0",
      "step 1 (cat /sys/hypervisor/version/extra)",
      "step",
    ],
    ["in a step", "@@XLCI step 2 begin", "step 2 (ls /proc/xen)", "step"],
    ["after the last step", "@@XLCI step 3 end", "shutdown", "shutdown"],
    ["powering off", "@@XLCI done", "shutdown", "shutdown"],
  ])("%s waits for the right deadline", (_, hangAfter, name, deadline) => {
    const { reader } = read(upTo(lines, hangAfter), HELLO_STEPS);
    expect(reader.phase).toEqual({ name, deadline });
    expect(reader.crash).toBeUndefined();
    expect(reader.tail()).toHaveLength(Math.min(20, upTo(lines, hangAfter).length));
    expect(reader.tail().at(-1)).toContain(hangAfter.replace(/^.*\) /, ""));
  });

  it("sets a step that never ended to run until the boot ended", () => {
    const { reader } = read(upTo(lines, "@@XLCI step 2 begin"), HELLO_STEPS);
    expect(reader.running?.step).toBe(2);
    const began = lines.findIndex((l) => l.includes("@@XLCI step 2 begin")) * 10;
    reader.finish(began + 4_000);
    expect(reader.steps.map((s) => [s.rc, s.durationMs])).toEqual([
      [0, reader.steps[0]!.durationMs],
      [null, 4_000],
    ]);
  });

  it("shows the line still being written at the end of the tail", () => {
    const { reader } = read(upTo(lines, "@@XLCI step 1 begin"), HELLO_STEPS);
    expect(reader.tail("half a li\x1b[0mne\r").at(-1)).toBe("half a line");
  });
});

describe("a failed setup", () => {
  it("skips the steps: the boot waits for the shutdown", () => {
    const lines = recorded("hello.console");
    const failed = upTo(lines, "@@XLCI setup end rc=0").map((l) =>
      l.replace("setup end rc=0", "setup end rc=1"),
    );
    const { reader, events } = read(failed, HELLO_STEPS);
    expect(milestones(events).at(-1)).toEqual({ kind: "setup-end", rc: 1 });
    expect(reader.phase).toEqual({ name: "shutdown", deadline: "shutdown" });
  });
});

describe("a boot with a marker key", () => {
  const key = "00112233445566778899aabbccddeeff";
  const mark = (text: string) => `@@XLCI ${key} ${text}\r`;
  const boot = (stepLines: string[], printed: string) => {
    const reader = new ConsoleReader(["cmd"], key);
    [
      mark("setup begin"),
      mark("setup end rc=0"),
      mark("step 1 begin"),
      ...stepLines,
      mark(`step 1 end rc=7 ${printed}`),
      mark("done"),
    ].forEach((line, i) => reader.push(line, i));
    return reader;
  };

  it("takes a step's forged end marker (without the key) for its output", () => {
    const reader = boot(["@@XLCI step 1 end rc=0\r", "after\r"], "printed 2 30");
    expect(reader.steps).toHaveLength(1);
    expect(reader.steps[0]).toMatchObject({ rc: 7, output: "@@XLCI step 1 end rc=0\nafter\n" });
    expect(reader.steps[0]!.cut).toBeUndefined();
  });

  it("says a step's output was cut when the console carried less than it printed", () => {
    const reader = boot(["line one\r", "line two\r"], "printed 3 3000000");
    expect(reader.steps[0]!.cut).toBe(
      "its output was cut on the way: it printed 3000000 bytes in 3 lines, the console carried at most 20 bytes in 2 lines",
    );
    // Whole ("line one\n" is 9 bytes): the terminal's CRs only add to what the console carried.
    expect(boot(["line one\r"], "printed 1 9").steps[0]!.cut).toBeUndefined();
    expect(boot(["line one\r"], "printed 1 11").steps[0]!.cut).toBeDefined();
  });
});
