// The QEMU command line, console reading and the boot's phases, deadlines and crash
// detection. The boots here run a stand-in for QEMU that replays console output recorded
// from real boots of Xen 4.17.5 with a Debian 6.1 dom0 (test/fixtures/boot/*.console).
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import {
  assertBootOk,
  BootError,
  bootXen,
  cleanConsoleLine,
  defaultXenCmdline,
  detectCrash,
  qemuArgs,
  type BootOptions,
} from "../../src/boot/qemu.js";
import { MissingProgramError } from "../../src/util/exec.js";

const fixtures = resolve(import.meta.dirname, "../fixtures/boot");
const work = mkdtempSync(join(tmpdir(), "xlci-qemu-"));
const HELLO_STEPS = [
  "cat /sys/hypervisor/version/extra",
  "ls /proc/xen",
  "cat /sys/hypervisor/properties/capabilities",
];
const paths = { xenImage: "/b/xen/xen", kernel: "/g/vmlinuz", initrd: "/t/initrd.gz" };

describe("qemuArgs", () => {
  it("is the known-good TCG command line", () => {
    expect(qemuArgs({ ...paths, memoryMb: 2048, cpus: 2, accel: "tcg" })).toEqual([
      "-machine",
      "q35,accel=tcg",
      "-cpu",
      "qemu64,+svm",
      "-m",
      "2048",
      "-smp",
      "2",
      "-nographic",
      "-no-reboot",
      "-kernel",
      "/b/xen/xen",
      "-append",
      "console=com1 com1=115200,8n1 serial_tx_buffer=1M dom0_mem=1024M loglvl=all guest_loglvl=all noreboot",
      "-initrd",
      "/g/vmlinuz console=hvc0 earlyprintk=xen,/t/initrd.gz",
    ]);
  });

  it("adds the KVM recipe: host CPU without SVM, ARCH_CAPABILITIES and LA57; no CET in Xen", () => {
    const args = qemuArgs({ ...paths, memoryMb: 4096, cpus: 4, accel: "kvm" });
    expect(args.slice(0, 4)).toEqual([
      "-machine",
      "q35,accel=kvm",
      "-cpu",
      "host,-svm,-arch-capabilities,-la57",
    ]);
    expect(args[args.indexOf("-append") + 1]).toBe(
      "console=com1 com1=115200,8n1 serial_tx_buffer=1M dom0_mem=2048M loglvl=all guest_loglvl=all noreboot cet=no-shstk,no-ibt",
    );
  });

  it("doubles commas inside multiboot modules (QEMU's escape) and takes given command lines", () => {
    const args = qemuArgs({
      xenImage: "/x",
      kernel: "/a,b/vmlinuz",
      initrd: "/c,d.gz",
      memoryMb: 1024,
      cpus: 1,
      accel: "tcg",
      xenCmdline: "console=com1 com1=115200,8n1",
      dom0Cmdline: "console=hvc0 xen_blkfront.sda_is_xvda=1,2",
    });
    expect(args[args.indexOf("-initrd") + 1]).toBe(
      "/a,,b/vmlinuz console=hvc0 xen_blkfront.sda_is_xvda=1,,2,/c,,d.gz",
    );
    // -append is not split on commas.
    expect(args[args.indexOf("-append") + 1]).toBe("console=com1 com1=115200,8n1");
  });

  it("refuses a module path with a space (QEMU has no escape for it)", () => {
    expect(() =>
      qemuArgs({ ...paths, initrd: "/my dir/i.gz", memoryMb: 2048, cpus: 2, accel: "tcg" }),
    ).toThrow(/space in path/);
  });

  it("gives dom0 half the memory by default", () => {
    expect(defaultXenCmdline(3000)).toContain("dom0_mem=1500M");
  });
});

describe("reading the console", () => {
  const lines = (name: string) =>
    readFileSync(join(fixtures, name), "latin1").split("\n").map(cleanConsoleLine);

  it("cleans terminal escapes and carriage returns off serial lines", () => {
    expect(cleanConsoleLine("\x1bc\x1b[?7l\x1b[2J(XEN) Xen version 4.17.5 (Debian)\r\r")).toBe(
      "(XEN) Xen version 4.17.5 (Debian)",
    );
    expect(cleanConsoleLine("\x1b[0mSeaBIOS (version 1.16.2)\r")).toBe("SeaBIOS (version 1.16.2)");
    expect(cleanConsoleLine("\x1b(Bplain")).toBe("plain");
  });

  it("finds nothing alarming in a whole good boot", () => {
    const good = lines("hello.console");
    expect(good.length).toBeGreaterThan(400);
    expect(good.filter((l) => detectCrash(l))).toEqual([]);
  });

  it("recognises Xen's panic", () => {
    const found = lines("hypervisor-panic.console").filter((l) => detectCrash(l));
    expect(found[0]).toBe("(XEN) Panic on CPU 0:");
    expect(detectCrash(found[0]!)).toEqual({ kind: "hypervisor-panic", match: "Panic on CPU 0" });
  });

  it("recognises a dom0 kernel panic, and Xen's word that dom0 crashed", () => {
    const found = lines("dom0-crash.console").filter((l) => detectCrash(l));
    expect(found).toEqual([
      expect.stringMatching(/^\[ *[\d.]+\] Kernel panic - not syncing: sysrq triggered crash$/),
      "(XEN) Hardware Dom0 crashed: 'noreboot' set - not rebooting.",
    ]);
    expect(detectCrash(found[0]!)?.kind).toBe("dom0-crash");
  });

  it.each([
    ["(XEN) FATAL TRAP: vector = 8 (double fault)", "hypervisor-panic"],
    ["(XEN) *** DOUBLE FAULT ***", "hypervisor-panic"],
    ["(XEN) Reboot in five seconds...", "hypervisor-panic"],
    ["[   12.345678] Oops: 0002 [#1] PREEMPT SMP NOPTI", "dom0-crash"],
  ])("recognises %j", (line, kind) => {
    expect(detectCrash(line)?.kind).toBe(kind);
  });

  it.each([
    "Oops, nothing to see",
    "Kernel panic is a phrase a step may print",
    "a step that prints FATAL TRAP without Xen's prefix",
  ])("does not take %j for a crash", (line) => {
    expect(detectCrash(line)).toBeUndefined();
  });
});

// --- boots with a stand-in QEMU --------------------------------------------------------

interface FakeQemu {
  /** A fixture (or any file) replayed on stdout, in small chunks. */
  console?: string;
  /** Stop replaying after the first line containing this, and hang. */
  hangAfter?: string;
  /** After replaying: exit with this code, or hang (like a halted machine) when absent. */
  exitCode?: number;
  /** Under accel=kvm: fail like this machine's KVM does, or show nothing at all. */
  kvm?: "internal-error" | "silent";
  stderr?: string;
}

let fakeCount = 0;
/** Writes a stand-in for qemu-system-x86_64; it records its arguments and pid next to itself. */
function fakeQemu(spec: FakeQemu): { program: string; argsFile: string; pidFile: string } {
  const n = ++fakeCount;
  const program = join(work, `fake-qemu-${n}.cjs`);
  const argsFile = join(work, `fake-qemu-${n}.args`);
  const pidFile = join(work, `fake-qemu-${n}.pid`);
  let text = spec.console ? readFileSync(resolve(fixtures, spec.console), "latin1") : "";
  if (spec.hangAfter) {
    const at = text.indexOf(spec.hangAfter);
    text = text.slice(0, text.indexOf("\n", at) + 1);
  }
  const config = JSON.stringify({ ...spec, text, argsFile, pidFile });
  writeFileSync(
    program,
    `#!${process.execPath}
const fs = require("node:fs");
const c = ${config};
const args = process.argv.slice(2);
fs.writeFileSync(c.argsFile, JSON.stringify(args));
fs.writeFileSync(c.pidFile, String(process.pid));
const hang = () => setInterval(() => {}, 1 << 30);
if (c.stderr) process.stderr.write(c.stderr);
if (args.includes("q35,accel=kvm") && c.kvm) {
  process.stdout.write("SeaBIOS (version 1.16.2-debian-1.16.2-1)\\r\\nBooting from ROM..");
  if (c.kvm === "internal-error") process.stderr.write("KVM internal error. Suberror: 1\\nextra data[0]: 0x0000000000000001\\n");
  hang();
} else {
  const data = Buffer.from(c.text, "latin1");
  let at = 0;
  const next = () => {
    if (at >= data.length) {
      if (c.exitCode === undefined) hang();
      else process.exit(c.exitCode);
      return;
    }
    // Odd chunk sizes split lines (and the \\r\\n pairs) the way a pipe does.
    process.stdout.write(data.subarray(at, at + 1531), () => setImmediate(next));
    at += 1531;
  };
  next();
}
`,
  );
  chmodSync(program, 0o755);
  return { program, argsFile, pidFile };
}

/** The process has exited (a zombie its new parent has not reaped yet counts as exited). */
function gone(pidFile: string): boolean {
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return true;
  }
}

const noKvm = () => Promise.resolve(false);
const withKvm = () => Promise.resolve(true);

function boot(fake: FakeQemu, opts: Partial<BootOptions> = {}) {
  const f = fakeQemu(fake);
  const result = bootXen({
    ...paths,
    qemu: f.program,
    steps: HELLO_STEPS,
    detectKvm: noKvm,
    consoleLog: join(work, `console-${fakeCount}.log`),
    ...opts,
  });
  return { f, result };
}

describe("bootXen", () => {
  it("splits a recorded good boot into setup and steps, and ends at power-off", async () => {
    const { f, result } = boot({ console: "hello.console", exitCode: 0 });
    const r = await result;
    expect(r.end).toEqual({ kind: "poweroff" });
    expect(r.ok).toBe(true);
    expect(r.accel).toBe("tcg");
    expect(r.kvmFallback).toBeUndefined();
    expect(r.setup).toMatchObject({ step: 0, rc: 0, output: "" });
    expect(r.steps.map(({ step, command, rc }) => ({ step, command, rc }))).toEqual(
      HELLO_STEPS.map((command, i) => ({ step: i + 1, command, rc: 0 })),
    );
    expect(r.steps[0]!.output).toBe(".5\n");
    expect(r.steps[1]!.output).toBe("capabilities\nprivcmd\nxenbus\nxensyms\nxsd_kva\nxsd_port\n");
    // The last step printed no newline of its own: its output still ends at the marker.
    expect(r.steps[2]!.output).toBe(
      "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64 \n",
    );
    expect(r.durations.firstSignOfLifeMs).toBeTypeOf("number");
    expect(r.durations.dom0ReadyMs).toBeGreaterThanOrEqual(r.durations.firstSignOfLifeMs!);
    expect(r.console.at(-1)).toBe("(XEN) Entering ACPI S5 state.");
    expect(r.command[0]).toBe(f.program);
    expect(JSON.parse(readFileSync(f.argsFile, "utf8"))).toEqual(r.command.slice(1));
    // The log holds the console exactly as it came, after a header with the command.
    const log = readFileSync(r.consoleLog!, "latin1");
    expect(log.endsWith(readFileSync(join(fixtures, "hello.console"), "latin1"))).toBe(true);
    expect(() => assertBootOk(r)).not.toThrow();
  });

  it("needs no list of steps: the markers number them", async () => {
    const r = await boot({ console: "hello.console", exitCode: 0 }, { steps: undefined }).result;
    expect(r.ok).toBe(true);
    expect(r.steps.map((s) => [s.step, s.command, s.rc])).toEqual([
      [1, undefined, 0],
      [2, undefined, 0],
      [3, undefined, 0],
    ]);
  });

  it("is not ok when a step fails, and says which", async () => {
    const failing = readFileSync(join(fixtures, "hello.console"), "latin1").replace(
      "@@XLCI step 2 end rc=0",
      "@@XLCI step 2 end rc=2",
    );
    const file = join(work, "failing-step.console");
    writeFileSync(file, failing, "latin1");
    const r = await boot({ console: file, exitCode: 0 }).result;
    expect(r.end).toEqual({ kind: "poweroff" });
    expect(r.ok).toBe(false);
    expect(() => assertBootOk(r)).toThrow(
      /^step 2 \(ls \/proc\/xen\) exited with 2:\ncapabilities\n/,
    );
  });

  it("reports a hypervisor panic with the lines around it and stops QEMU", async () => {
    const { f, result } = boot({ console: "hypervisor-panic.console" });
    const r = await result;
    expect(r.end.kind).toBe("hypervisor-panic");
    if (r.end.kind !== "hypervisor-panic") return;
    expect(r.end.lines).toContain("(XEN) Could not construct domain 0");
    expect(r.end.lines).toContain("(XEN) ELF: not an ELF binary");
    expect(r.end.lines.at(-1)).toBe("(XEN) Manual reset required ('noreboot' specified)");
    expect(r.end.message.split("\n")[0]).toBe('The hypervisor panicked ("Panic on CPU 0", tcg):');
    expect(r.setup).toBeUndefined();
    expect(r.ok).toBe(false);
    expect(() => assertBootOk(r)).toThrow(BootError);
    expect(gone(f.pidFile)).toBe(true);
  });

  it("reports a dom0 crash during a step, up to Xen's notice of it", async () => {
    const { f, result } = boot(
      { console: "dom0-crash.console" },
      { steps: ["echo c > /proc/sysrq-trigger"] },
    );
    const started = performance.now();
    const r = await result;
    expect(r.end.kind).toBe("dom0-crash");
    if (r.end.kind !== "dom0-crash") return;
    expect(r.end.message.split("\n")[0]).toBe(
      'dom0 crashed during step 1 (echo c > /proc/sysrq-trigger) ("Kernel panic - not syncing", tcg):',
    );
    expect(r.end.lines.at(-1)).toBe("(XEN) Hardware Dom0 crashed: 'noreboot' set - not rebooting.");
    expect(r.end.lines.some((l) => l.includes("sysrq: Trigger a crash"))).toBe(true);
    expect(r.steps[0]).toMatchObject({ rc: null });
    expect(r.steps[0]!.output).toContain("Kernel panic - not syncing: sysrq triggered crash");
    // Xen's last word ends the report: no waiting for the console to go quiet.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(gone(f.pidFile)).toBe(true);
  });

  it("times a step out with the last 20 console lines, and QEMU is gone", async () => {
    const { f, result } = boot(
      { console: "hello.console", hangAfter: "@@XLCI step 2 begin" },
      { timeouts: { step: 300 } },
    );
    const r = await result;
    expect(r.end.kind).toBe("timeout");
    if (r.end.kind !== "timeout") return;
    expect(r.end.phase).toBe("step 2 (ls /proc/xen)");
    const message = r.end.message.split("\n");
    expect(message[0]).toBe(
      "Boot timed out in step 2 (ls /proc/xen): no progress within 300 ms (tcg).",
    );
    expect(message[1]).toBe("--- last 20 console lines ---");
    expect(message.slice(2, 22)).toEqual(r.console.slice(-20));
    expect(message[21]).toBe("@@XLCI step 2 begin");
    expect(message[22]).toBe(`(full console log: ${r.consoleLog})`);
    expect(r.steps.map((s) => s.rc)).toEqual([0, null]);
    expect(gone(f.pidFile)).toBe(true);
  });

  it("times out waiting for the first sign of life", async () => {
    const { f, result } = boot({}, { timeouts: { firstSignOfLife: 300 } });
    const r = await result;
    expect(r.end).toMatchObject({ kind: "timeout", phase: "start (waiting for Xen's banner)" });
    expect(r.durations.firstSignOfLifeMs).toBeUndefined();
    expect(gone(f.pidFile)).toBe(true);
  });

  it("enforces the whole-run limit", async () => {
    const { result } = boot(
      { console: "hello.console", hangAfter: "@@XLCI step 1 begin" },
      { timeouts: { total: 500 } },
    );
    const r = await result;
    expect(r.end.kind).toBe("timeout");
    expect(r.end.kind === "timeout" && r.end.message.split("\n")[0]).toBe(
      "Boot timed out: the whole run took longer than 500 ms, now in step 1 (cat /sys/hypervisor/version/extra) (tcg).",
    );
  });

  it("says when QEMU exits on its own before dom0 powered off, with its stderr", async () => {
    const { result } = boot({
      console: "hello.console",
      hangAfter: "Run /init as init process",
      exitCode: 1,
      stderr: "qemu-system-x86_64: something went wrong\n",
    });
    const r = await result;
    expect(r.end.kind).toBe("qemu-exit");
    expect(r.end.kind === "qemu-exit" && r.end.message).toMatch(
      /^QEMU exited \(code 1\) during dom0 boot \(until \/init's setup ends\), before dom0 powered off \(tcg\)\.\n--- QEMU's stderr ---\nqemu-system-x86_64: something went wrong\n/,
    );
  });

  it("falls back to TCG when KVM reports an error, and says so", async () => {
    const { result } = boot(
      { console: "hello.console", exitCode: 0, kvm: "internal-error" },
      { accel: "auto", detectKvm: withKvm },
    );
    const r = await result;
    expect(r.ok).toBe(true);
    expect(r.accel).toBe("tcg");
    expect(r.kvmFallback?.reason).toBe(
      "QEMU reported a KVM error: KVM internal error. Suberror: 1",
    );
    const log = readFileSync(r.consoleLog!, "latin1");
    expect(log).toContain("\n[qemu] KVM internal error. Suberror: 1\n");
    expect(log).toContain(
      "=== xen-livepatch-ci: KVM failed early (QEMU reported a KVM error: KVM internal error. Suberror: 1); booting again with TCG ===",
    );
    expect(log).toContain("q35,accel=tcg");
  });

  it("falls back to TCG when a KVM boot shows no sign of life", async () => {
    const { result } = boot(
      { console: "hello.console", exitCode: 0, kvm: "silent" },
      { accel: "auto", detectKvm: withKvm, timeouts: { firstSignOfLife: 400 } },
    );
    const r = await result;
    expect(r.ok).toBe(true);
    expect(r.accel).toBe("tcg");
    expect(r.kvmFallback?.reason).toMatch(/^Boot timed out in start \(waiting for Xen's banner\)/);
  });

  it("keeps a KVM boot that works", async () => {
    const { f, result } = boot(
      { console: "hello.console", exitCode: 0 },
      { accel: "auto", detectKvm: withKvm },
    );
    const r = await result;
    expect(r.ok).toBe(true);
    expect(r.accel).toBe("kvm");
    expect(r.kvmFallback).toBeUndefined();
    expect(JSON.parse(readFileSync(f.argsFile, "utf8"))).toContain("q35,accel=kvm");
  });

  it("does not fall back when KVM is not usable, or when KVM is asked for", async () => {
    const auto = await boot(
      { console: "hello.console", exitCode: 0, kvm: "internal-error" },
      { accel: "auto", detectKvm: noKvm },
    ).result;
    expect([auto.accel, auto.kvmFallback]).toEqual(["tcg", undefined]);
    const kvm = await boot({ kvm: "internal-error" }, { accel: "kvm", detectKvm: withKvm }).result;
    expect(kvm.end.kind).toBe("kvm-error");
    expect(kvm.accel).toBe("kvm");
  });

  it("names the package when QEMU is not installed", async () => {
    await expect(
      bootXen({ ...paths, qemu: "qemu-system-x86_64-not-here", accel: "tcg" }),
    ).rejects.toThrow(MissingProgramError);
  });
});

describe("QEMU never outlives the process that started it", () => {
  // A separate Node process boots a QEMU that never finishes, and is then ended.
  async function orphanCheck(end: "SIGTERM" | "SIGINT" | "exit"): Promise<boolean> {
    const f = fakeQemu({ console: "hello.console", hangAfter: "Run /init as init process" });
    const script = join(work, `orphan-${end}.mjs`);
    await build({
      stdin: {
        contents: `
          import { bootXen } from "./src/boot/qemu.ts";
          let lines = 0;
          void bootXen({
            xenImage: "/x", kernel: "/k", initrd: "/i", accel: "tcg", qemu: ${JSON.stringify(f.program)},
            onLine: () => { if (++lines === 50) console.log("running"); },
          });
          ${end === "exit" ? `setInterval(() => { if (lines >= 50) process.exit(3); }, 50);` : ""}
        `,
        resolveDir: resolve(import.meta.dirname, "../.."),
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: script,
      logLevel: "warning",
    });
    const child = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((ok) => child.stdout.on("data", () => ok()));
    if (end !== "exit") child.kill(end);
    await new Promise((ok) => child.on("close", ok));
    // SIGKILL is delivered asynchronously: on a loaded machine the process may take a moment to die.
    for (let waited = 0; waited < 5000 && !gone(f.pidFile); waited += 50) {
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return gone(f.pidFile);
  }

  it.each(["SIGTERM", "SIGINT", "exit"] as const)("when it ends by %s", async (end) => {
    expect(await orphanCheck(end)).toBe(true);
  });
});
