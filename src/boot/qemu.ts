// Boots the hypervisor with a dom0 in QEMU and follows the serial console: Xen's banner,
// dom0's setup, each step of the guest's /init (see init-script.ts), power-off. Every
// phase has a deadline, a hypervisor panic or dom0 crash ends the run at once, and QEMU
// never outlives the call.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { MissingProgramError } from "../util/exec.js";
import { debugKeyInput, parseMarker } from "./init-script.js";
import { kvmStatus } from "./kvm.js";

export type Accel = "tcg" | "kvm";

export interface QemuArgsOptions {
  /** The multiboot hypervisor image (`xen/xen`). */
  xenImage: string;
  /** dom0's kernel. */
  kernel: string;
  /** dom0's initramfs. */
  initrd: string;
  memoryMb: number;
  cpus: number;
  accel: Accel;
  /** Xen's command line; default defaultXenCmdline(memoryMb). */
  xenCmdline?: string;
  /** dom0's command line; default DEFAULT_DOM0_CMDLINE. */
  dom0Cmdline?: string;
}

/** Xen on com1, as chatty as it gets, and halted rather than rebooted after a panic. */
export function defaultXenCmdline(memoryMb: number): string {
  const dom0Mb = Math.floor(memoryMb / 2);
  return `console=com1 com1=115200,8n1 dom0_mem=${dom0Mb}M loglvl=all guest_loglvl=all noreboot`;
}

/** dom0's console is the Xen console (hvc0), which Xen copies to com1. */
export const DEFAULT_DOM0_CMDLINE = "console=hvc0 earlyprintk=xen";

// Under TCG, `-cpu max` crashes dom0 early; qemu64 with SVM is what Xen's own CI uses.
const TCG_CPU = "qemu64,+svm";
// Under KVM: the recipe known to work on GitHub's runners (no nested SVM, no
// ARCH_CAPABILITIES MSR, no 5-level paging; Xen told not to use CET).
const KVM_CPU = "host,-svm,-arch-capabilities,-la57";
const KVM_XEN_CMDLINE = "cet=no-shstk,no-ibt";

/** One `-initrd` multiboot module: `path[ cmdline]`, with commas doubled (QEMU's escape). */
function multibootModule(path: string, cmdline?: string): string {
  // QEMU takes the path up to the first space; there is no escape for a space.
  if (/\s/.test(path))
    throw new Error(`QEMU cannot load a multiboot module from '${path}' (space in path)`);
  return (cmdline ? `${path} ${cmdline}` : path).replaceAll(",", ",,");
}

/** The QEMU command line (without the program name) that boots Xen with dom0. */
export function qemuArgs(o: QemuArgsOptions): string[] {
  const kvm = o.accel === "kvm";
  const xenCmdline = o.xenCmdline ?? defaultXenCmdline(o.memoryMb);
  return [
    "-machine",
    `q35,accel=${o.accel}`,
    "-cpu",
    kvm ? KVM_CPU : TCG_CPU,
    "-m",
    String(o.memoryMb),
    "-smp",
    String(o.cpus),
    "-nographic",
    "-no-reboot",
    "-kernel",
    o.xenImage,
    "-append",
    kvm ? `${xenCmdline} ${KVM_XEN_CMDLINE}` : xenCmdline,
    "-initrd",
    [
      multibootModule(o.kernel, o.dom0Cmdline ?? DEFAULT_DOM0_CMDLINE),
      multibootModule(o.initrd),
    ].join(","),
  ];
}

/** True when this process may use KVM (/dev/kvm opens read-write); kvm.ts says why not. */
export async function kvmUsable(): Promise<boolean> {
  return (await kvmStatus()).usable;
}

// --- reading the console ---------------------------------------------------------------

/** Xen's first line on the serial console. */
const XEN_BANNER = /\(XEN\) Xen version /;
const HYPERVISOR_PANIC =
  /\(XEN\) .*?(Panic on CPU \d+|FATAL TRAP|DOUBLE FAULT|Reboot in five seconds)/;
const DOM0_CRASH =
  /(Kernel panic - not syncing|Oops: [0-9a-f]{4} \[#\d+\]|\(XEN\) Hardware Dom0 crashed)/;
/** The last line of a crash report: Xen has stopped, or dom0's panic is complete. */
const CRASH_REPORT_END =
  /\(XEN\) (?:Manual reset required|Reboot in five seconds|Hardware Dom0 crashed)|---\[ end Kernel panic/;
/** QEMU's own complaints that mean KVM cannot run this guest (on stderr). */
const KVM_ERROR =
  /KVM internal error|failed to set MSR|kvm_[a-z_]+: Assertion|Could not access KVM|KVM: entry failed/;

export type CrashKind = "hypervisor-panic" | "dom0-crash";

/** Whether a console line announces a hypervisor panic or a dom0 crash, and which words said so. */
export function detectCrash(line: string): { kind: CrashKind; match: string } | undefined {
  const xen = HYPERVISOR_PANIC.exec(line);
  if (xen) return { kind: "hypervisor-panic", match: xen[1]! };
  const dom0 = DOM0_CRASH.exec(line);
  if (dom0) return { kind: "dom0-crash", match: dom0[1]! };
  return undefined;
}

/** A serial line as text: no carriage returns, terminal escapes or other control bytes. */
export function cleanConsoleLine(raw: string): string {
  return (
    raw
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b(?:\[[0-9;?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[0-~])/g, "")
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, "")
  );
}

// --- the boot --------------------------------------------------------------------------

export interface BootTimeouts {
  /** QEMU start until Xen's banner. */
  firstSignOfLife: number;
  /** Xen's banner until dom0's /init has finished its setup (modules, /proc/xen). */
  dom0: number;
  /** Each step: from the end of the one before until its end marker. */
  step: number;
  /** The last step's end until QEMU exits. */
  shutdown: number;
  /** QEMU start until exit. */
  total: number;
}

export const DEFAULT_BOOT_TIMEOUTS: BootTimeouts = {
  firstSignOfLife: 60_000,
  dom0: 300_000,
  step: 120_000,
  shutdown: 30_000,
  total: 900_000,
};

/** Under auto, a KVM boot that shows no banner this soon is given up for TCG. */
const KVM_FIRST_SIGN_OF_LIFE_MS = 20_000;
/**
 * After a crash is seen, the report is taken to be complete once the console is this quiet
 * (unless its last line came first). Under TCG on a busy host a report can pause for
 * seconds, so the wait is generous: it only delays the end of a boot that already failed.
 */
const CRASH_QUIET_MS = 4_000;
/** ... but no longer than this in all (a hypervisor in a fault loop never goes quiet). */
const CRASH_SETTLE_MAX_MS = 20_000;
const CRASH_LINES_BEFORE = 30;
// A dom0 panic's call trace varies in length (stale "?" frames): 40 lines cut some short
// of Xen's closing notice.
const CRASH_LINES_AFTER = 120;
const TAIL_LINES = 20;
/** After SIGTERM, how long QEMU gets before SIGKILL. */
const KILL_GRACE_MS = 3_000;

export interface BootOptions {
  xenImage: string;
  kernel: string;
  initrd: string;
  /** "auto" (the default): KVM when usable, TCG when KVM is not or fails early. */
  accel?: Accel | "auto";
  memoryMb?: number;
  cpus?: number;
  xenCmdline?: string;
  dom0Cmdline?: string;
  /** The steps the initramfs' /init runs (as given to initScript): names them in the result. */
  steps?: readonly string[];
  timeouts?: Partial<BootTimeouts>;
  /** The serial console (and QEMU's stderr, prefixed) is written here as it arrives. */
  consoleLog?: string;
  /** Called with each console line (cleaned), for progress display. */
  onLine?: (line: string) => void;
  /** The QEMU program; default `qemu-system-x86_64` from PATH. */
  qemu?: string;
  /** How accel auto tells whether KVM is usable; default kvmUsable. */
  detectKvm?: () => Promise<boolean>;
}

export interface StepResult {
  /** 1-based, as in the markers. */
  step: number;
  command?: string;
  /** null when the step never ended (the boot ended first). */
  rc: number | null;
  /** The guest's output (console lines between the markers, without Xen's own lines). */
  output: string;
  /** Xen's lines (`(XEN) ...`) printed while the step ran. */
  xenOutput: string;
  durationMs: number;
}

export type BootEnd =
  | { kind: "poweroff" }
  | { kind: "timeout"; phase: string; limitMs: number; message: string }
  | { kind: CrashKind; lines: string[]; message: string }
  | { kind: "qemu-exit"; code: number | null; signal: NodeJS.Signals | null; message: string }
  | { kind: "kvm-error"; message: string };

export interface BootResult {
  /** Powered off after a good setup and every step ending with status 0. */
  ok: boolean;
  /** Why the boot ended. */
  end: BootEnd;
  /** The accelerator of the run these results come from. */
  accel: Accel;
  /** Set when accel auto tried KVM first and it failed early. */
  kvmFallback?: { reason: string; durationMs: number };
  /** dom0's setup (modules and xenfs); absent when dom0 never got that far. */
  setup?: StepResult;
  steps: StepResult[];
  durations: {
    /** QEMU start to Xen's banner. */
    firstSignOfLifeMs?: number;
    /** QEMU start to the end of dom0's setup. */
    dom0ReadyMs?: number;
    /** QEMU start to exit. */
    totalMs: number;
  };
  /** Every console line, cleaned. */
  console: string[];
  consoleLog?: string;
  /** QEMU's process id (gone by the time the result exists). */
  pid?: number;
  /** The full QEMU command line, program first. */
  command: string[];
}

/** A boot that did not end with a clean power-off; the message says why. */
export class BootError extends Error {
  override name = "BootError";
  constructor(readonly result: BootResult) {
    super(describeFailure(result));
  }
}

/** Throws a BootError unless the boot powered off after a good setup and passing steps. */
export function assertBootOk(result: BootResult): void {
  if (!result.ok) throw new BootError(result);
}

function describeFailure(r: BootResult): string {
  if (r.end.kind !== "poweroff") return r.end.message;
  if (r.setup && r.setup.rc !== 0) {
    return `dom0 setup (insmod, mount xenfs) failed with status ${r.setup.rc}:\n${r.setup.output}`;
  }
  const failed = r.steps.filter((s) => s.rc !== 0);
  return failed
    .map(
      (s) =>
        `step ${s.step}${s.command ? ` (${s.command})` : ""} exited with ${s.rc}:\n${s.output}`,
    )
    .join("\n");
}

/**
 * Boots Xen and dom0 in QEMU and follows the console until dom0 powers off, a deadline
 * passes, or something crashes. Resolves only once QEMU has exited.
 */
export async function bootXen(opts: BootOptions): Promise<BootResult> {
  const accel = opts.accel ?? "auto";
  if (accel !== "auto") return bootOnce(opts, accel);
  if (!(await (opts.detectKvm ?? kvmUsable)())) return bootOnce(opts, "tcg");

  const kvm = await bootOnce(opts, "kvm", true);
  const early =
    kvm.end.kind === "kvm-error" ||
    (kvm.end.kind !== "poweroff" && kvm.durations.firstSignOfLifeMs === undefined);
  if (!early || kvm.end.kind === "poweroff") return kvm;
  const reason = kvm.end.message.split("\n")[0]!;
  const tcg = await bootOnce(
    opts,
    "tcg",
    false,
    `KVM failed early (${reason}); booting again with TCG`,
  );
  return { ...tcg, kvmFallback: { reason, durationMs: kvm.durations.totalMs } };
}

interface Phase {
  name: string;
  limitMs: number;
}

async function bootOnce(
  opts: BootOptions,
  accel: Accel,
  kvmTrial = false,
  logHeader?: string,
): Promise<BootResult> {
  const timeouts = { ...DEFAULT_BOOT_TIMEOUTS, ...opts.timeouts };
  const memoryMb = opts.memoryMb ?? 2048;
  const args = qemuArgs({
    xenImage: opts.xenImage,
    kernel: opts.kernel,
    initrd: opts.initrd,
    memoryMb,
    cpus: opts.cpus ?? 2,
    accel,
    xenCmdline: opts.xenCmdline,
    dom0Cmdline: opts.dom0Cmdline,
  });
  const program = opts.qemu ?? "qemu-system-x86_64";
  const command = [program, ...args];
  const steps = opts.steps ?? [];

  let log: WriteStream | undefined;
  if (opts.consoleLog) {
    await mkdir(dirname(opts.consoleLog), { recursive: true });
    // The KVM trial starts the file; a TCG retry after it appends.
    log = createWriteStream(opts.consoleLog, { flags: kvmTrial || !logHeader ? "w" : "a" });
    if (logHeader) log.write(`\n=== xen-livepatch-ci: ${logHeader} ===\n`);
    log.write(`=== xen-livepatch-ci: ${command.join(" ")} ===\n`);
  }

  const start = performance.now();
  const now = () => Math.round(performance.now() - start);
  const consoleLines: string[] = [];
  const result: BootResult = {
    ok: false,
    end: { kind: "poweroff" },
    accel,
    steps: [],
    durations: { totalMs: 0 },
    console: consoleLines,
    consoleLog: opts.consoleLog,
    command,
  };

  // What the console has shown so far, and what it means.
  let current: StepResult | undefined;
  let currentStarted = 0;
  let phase: Phase = {
    name: "start (waiting for Xen's banner)",
    limitMs: kvmTrial
      ? Math.min(KVM_FIRST_SIGN_OF_LIFE_MS, timeouts.firstSignOfLife)
      : timeouts.firstSignOfLife,
  };
  let ended: BootEnd | undefined;
  let crash: { kind: CrashKind; match: string; at: number } | undefined;
  let poweredOff = false;
  let partial = "";

  const tail = () => {
    const lines = consoleLines.slice(-TAIL_LINES);
    if (partial) lines.push(cleanConsoleLine(partial));
    return lines;
  };
  const stepName = (n: number) => {
    const cmd = steps[n - 1];
    return cmd === undefined ? `step ${n}` : `step ${n} (${cmd})`;
  };

  return new Promise<BootResult>((resolve, reject) => {
    // (A synchronous throw here, e.g. bad arguments, rejects the promise.)
    // stdin is the serial line's input: debug-key steps type on it.
    const child = spawn(program, args, { stdio: ["pipe", "pipe", "pipe"] });
    child.stdin?.on("error", () => {}); // QEMU gone: its exit is reported on its own
    result.pid = child.pid;
    track(child);

    let phaseTimer: NodeJS.Timeout | undefined;
    // Re-armed by every line of a crash report until the console goes quiet.
    let crashTimer: NodeJS.Timeout | undefined;
    const timeoutMessage = (headline: string) =>
      [
        headline,
        `--- last ${TAIL_LINES} console lines ---`,
        ...tail(),
        ...(opts.consoleLog ? [`(full console log: ${opts.consoleLog})`] : []),
      ].join("\n");
    const totalTimer = setTimeout(
      () =>
        finish({
          kind: "timeout",
          phase: phase.name,
          limitMs: timeouts.total,
          message: timeoutMessage(
            `Boot timed out: the whole run took longer than ${formatMs(timeouts.total)}, now in ${phase.name} (${accel}).`,
          ),
        }),
      timeouts.total,
    );
    /** Starts a phase with its own deadline; by default, passing it is a timeout. */
    const enter = (next: Phase, onExpire?: () => void) => {
      phase = next;
      clearTimeout(phaseTimer);
      const timedOut = () =>
        finish({
          kind: "timeout",
          phase: next.name,
          limitMs: next.limitMs,
          message: timeoutMessage(
            `Boot timed out in ${next.name}: no progress within ${formatMs(next.limitMs)} (${accel}).`,
          ),
        });
      phaseTimer = setTimeout(onExpire ?? timedOut, next.limitMs);
    };
    enter(phase);

    /** Ends the run for `why` (the first reason wins) and stops QEMU. */
    function finish(why: BootEnd) {
      ended ??= why;
      clearTimeout(phaseTimer);
      clearTimeout(crashTimer);
      clearTimeout(totalTimer);
      stop(child);
    }

    const crashReport = () => {
      if (!crash) return;
      const at = crash.at;
      const lines = consoleLines.slice(
        Math.max(0, at - CRASH_LINES_BEFORE),
        at + 1 + CRASH_LINES_AFTER,
      );
      const what = crash.kind === "hypervisor-panic" ? "The hypervisor panicked" : "dom0 crashed";
      const during = current ? ` during ${stepName(current.step)}` : "";
      finish({
        kind: crash.kind,
        lines,
        message: [
          `${what}${during} ("${crash.match}", ${accel}):`,
          ...lines,
          ...(opts.consoleLog ? [`(full console log: ${opts.consoleLog})`] : []),
        ].join("\n"),
      });
    };

    const appendTo = (step: StepResult, text: string) => {
      if (/^\(XEN\)/.test(text)) step.xenOutput += `${text}\n`;
      else step.output += `${text}\n`;
    };

    const onConsoleLine = (raw: string) => {
      const line = cleanConsoleLine(raw);
      consoleLines.push(line);
      opts.onLine?.(line);
      if (ended) return;

      if (crash) {
        if (current) appendTo(current, line);
        if (
          CRASH_REPORT_END.test(line) ||
          consoleLines.length - 1 - crash.at >= CRASH_LINES_AFTER
        ) {
          crashReport();
        } else {
          crashTimer?.refresh();
        }
        return;
      }
      const seen = detectCrash(line);
      if (seen) {
        crash = { ...seen, at: consoleLines.length - 1 };
        if (current) appendTo(current, line);
        if (CRASH_REPORT_END.test(line)) {
          crashReport();
          return;
        }
        enter({ name: "crash report", limitMs: CRASH_SETTLE_MAX_MS }, crashReport);
        crashTimer = setTimeout(crashReport, CRASH_QUIET_MS);
        return;
      }

      if (result.durations.firstSignOfLifeMs === undefined && XEN_BANNER.test(line)) {
        result.durations.firstSignOfLifeMs = now();
        enter({ name: "dom0 boot (until /init's setup ends)", limitMs: timeouts.dom0 });
      }

      const found = parseMarker(line);
      if (!found) {
        if (current) appendTo(current, line);
        return;
      }
      const { marker, before } = found;
      if (before && current) appendTo(current, before);
      switch (marker.kind) {
        case "setup-begin":
          current = {
            step: 0,
            command: "setup",
            rc: null,
            output: "",
            xenOutput: "",
            durationMs: 0,
          };
          currentStarted = now();
          result.setup = current;
          break;
        case "step-begin":
          current = {
            step: marker.step,
            command: steps[marker.step - 1],
            rc: null,
            output: "",
            xenOutput: "",
            durationMs: 0,
          };
          currentStarted = now();
          result.steps.push(current);
          break;
        case "setup-end":
        case "step-end": {
          if (current) {
            current.rc = marker.rc;
            current.durationMs = now() - currentStarted;
          }
          current = undefined;
          const next = marker.kind === "setup-end" ? 1 : marker.step + 1;
          if (marker.kind === "setup-end") result.durations.dom0ReadyMs = now();
          if (marker.kind === "setup-end" && marker.rc !== 0)
            enter({ name: "shutdown", limitMs: timeouts.shutdown });
          else if (next <= steps.length || steps.length === 0)
            enter({ name: stepName(next), limitMs: timeouts.step });
          else enter({ name: "shutdown", limitMs: timeouts.shutdown });
          break;
        }
        case "done":
          poweredOff = true;
          enter({ name: "shutdown", limitMs: timeouts.shutdown });
          break;
        case "key":
          // A debug-key step: the key goes to Xen through its serial input switch.
          child.stdin?.write(debugKeyInput(marker.key));
          break;
      }
    };

    const decoder = new TextDecoder();
    child.stdout?.on("data", (data: Buffer) => {
      log?.write(data);
      const lines = (partial + decoder.decode(data, { stream: true })).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onConsoleLine(line);
    });
    let stderrPartial = "";
    const stderrLines: string[] = [];
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (data: string) => {
      const lines = (stderrPartial + data).split("\n");
      stderrPartial = lines.pop() ?? "";
      for (const line of lines) {
        stderrLines.push(line);
        // On a line of its own, even when the console is in the middle of one.
        log?.write(`${partial ? "\n" : ""}[qemu] ${line}\n`);
        if (accel === "kvm" && KVM_ERROR.test(line) && !ended) {
          finish({ kind: "kvm-error", message: `QEMU reported a KVM error: ${line}` });
        }
      }
    });

    // A program that cannot start reports 'error' (and may still report 'close').
    let failedToStart = false;
    child.on("error", (err) => {
      failedToStart = true;
      clearTimeout(phaseTimer);
      clearTimeout(crashTimer);
      clearTimeout(totalTimer);
      untrack(child);
      log?.end();
      if ((err as NodeJS.ErrnoException).code === "ENOENT")
        reject(new MissingProgramError(program));
      else reject(new Error(`Cannot run ${program}: ${err.message}`, { cause: err }));
    });

    child.on("close", (code, signal) => {
      untrack(child);
      if (failedToStart) return;
      if (stderrPartial) stderrLines.push(stderrPartial);
      clearTimeout(phaseTimer);
      clearTimeout(crashTimer);
      clearTimeout(totalTimer);
      if (partial) onConsoleLine(partial);
      partial = "";
      if (crash && !ended) crashReport();
      if (!ended) {
        if (poweredOff && code === 0) ended = { kind: "poweroff" };
        else {
          const stderrTail = stderrLines.filter(Boolean).slice(-TAIL_LINES);
          ended = {
            kind: "qemu-exit",
            code,
            signal,
            message: [
              `QEMU exited (${code === null ? `signal ${signal}` : `code ${code}`}) during ${phase.name}, before dom0 powered off (${accel}).`,
              ...(stderrTail.length ? ["--- QEMU's stderr ---", ...stderrTail] : []),
              `--- last ${TAIL_LINES} console lines ---`,
              ...tail(),
            ].join("\n"),
          };
        }
      }
      result.end = ended;
      result.durations.totalMs = now();
      for (const s of [result.setup, ...result.steps]) {
        if (s && s.rc === null) s.durationMs = now() - currentStarted;
      }
      result.ok =
        result.end.kind === "poweroff" &&
        result.setup?.rc === 0 &&
        // Without the list of steps, every step that began must have ended well.
        (opts.steps === undefined || result.steps.length === steps.length) &&
        result.steps.every((s) => s.rc === 0);
      const done = () => resolve(result);
      if (log) log.end(done);
      else done();
    });
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

// --- keeping QEMU from outliving us ----------------------------------------------------

const running = new Set<ChildProcess>();
const FORWARDED_SIGNALS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/** SIGTERM now, SIGKILL if QEMU is still there after a grace period. */
function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }, KILL_GRACE_MS);
  child.once("exit", () => clearTimeout(timer));
}

function killAll(): void {
  for (const child of running) child.kill("SIGKILL");
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  removeHandlers();
  // Without our handler, and nobody else listening, the signal does its default: exit.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function removeHandlers(): void {
  process.off("exit", killAll);
  for (const s of FORWARDED_SIGNALS) process.off(s, onSignal);
}

function track(child: ChildProcess): void {
  if (running.size === 0) {
    process.on("exit", killAll);
    for (const s of FORWARDED_SIGNALS) process.on(s, onSignal);
  }
  running.add(child);
}

function untrack(child: ChildProcess): void {
  if (!running.delete(child)) return;
  if (running.size === 0) removeHandlers();
}
