// Boots the hypervisor with a dom0 in QEMU: the command line, the process and the
// deadlines. What the serial console says (Xen's banner, dom0's setup, each step of the
// guest's /init, a crash) is console.ts's to read; this file arms a deadline for each
// phase the reader reports, ends the run at once on a hypervisor panic or dom0 crash, and
// makes sure QEMU never outlives the call.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { execa } from "execa";
import { childEnvironment, startError } from "../util/exec.js";
import { debugKeyInput } from "./init-script.js";
import {
  ConsoleReader,
  START_PHASE,
  TAIL_LINES,
  type CrashKind,
  type Deadline,
  type Phase,
  type StepResult,
} from "./console.js";
import { type Accel, kvmStatus } from "./kvm.js";

// The console reader's names, where callers have always found them.
export { cleanConsoleLine, detectCrash, type CrashKind, type StepResult } from "./console.js";

export type { Accel } from "./kvm.js";

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

/**
 * Xen on com1, as chatty as it gets, and halted rather than rebooted after a panic. The
 * serial transmit buffer is 1 MiB instead of 16 KiB: a debug build (master's defconfig)
 * prints every section and symbol of an upload, which outruns the emulated UART, and once
 * the buffer is full Xen drops characters (tx_quench, drivers/char/serial.c), dom0's step
 * markers and the loader's verdict among them.
 */
export function defaultXenCmdline(memoryMb: number): string {
  const dom0Mb = Math.floor(memoryMb / 2);
  return `console=com1 com1=115200,8n1 serial_tx_buffer=1M dom0_mem=${dom0Mb}M loglvl=all guest_loglvl=all noreboot`;
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

/** QEMU's own complaints that mean KVM cannot run this guest (on stderr). */
const KVM_ERROR =
  /KVM internal error|failed to set MSR|kvm_[a-z_]+: Assertion|Could not access KVM|KVM: entry failed/;

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
  const limitOf: Record<Deadline, number> = {
    firstSignOfLife: kvmTrial
      ? Math.min(KVM_FIRST_SIGN_OF_LIFE_MS, timeouts.firstSignOfLife)
      : timeouts.firstSignOfLife,
    dom0: timeouts.dom0,
    step: timeouts.step,
    shutdown: timeouts.shutdown,
    crashReport: CRASH_SETTLE_MAX_MS,
  };

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
  const reader = new ConsoleReader(steps);
  let ended: BootEnd | undefined;
  // A console line still being written (no newline yet).
  let partial = "";

  return new Promise<BootResult>((resolve, reject) => {
    // execa kills QEMU when this process exits or is ended by a signal (its `cleanup`), and
    // follows a SIGTERM that QEMU ignores with SIGKILL after a grace period. The console is
    // read here as it arrives, so execa keeps no copy of it.
    const child = execa(program, args, {
      // The serial line's input: debug-key steps type on it.
      stdin: "pipe",
      buffer: false,
      reject: false,
      forceKillAfterDelay: KILL_GRACE_MS,
      // Only the allow-listed variables: no secret reaches a child (src/util/exec.ts).
      env: childEnvironment(),
      extendEnv: false,
    });
    child.stdin?.on("error", () => {}); // QEMU gone: its exit is reported on its own

    let phase: Phase = START_PHASE;
    let phaseTimer: NodeJS.Timeout | undefined;
    // Re-armed by every line of a crash report until the console goes quiet.
    let crashTimer: NodeJS.Timeout | undefined;
    const clearTimers = () => {
      clearTimeout(phaseTimer);
      clearTimeout(crashTimer);
      clearTimeout(totalTimer);
    };
    const timeoutMessage = (headline: string) =>
      [
        headline,
        `--- last ${TAIL_LINES} console lines ---`,
        ...reader.tail(partial),
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

    /** Ends the run for `why` (the first reason wins) and stops QEMU. */
    function finish(why: BootEnd) {
      ended ??= why;
      reader.stop();
      clearTimers();
      child.kill();
    }

    /** Ends the run with the crash report (complete, or as far as it came). */
    const endWithCrash = (report = reader.crashReport()) => {
      if (!report) return;
      const what = report.kind === "hypervisor-panic" ? "The hypervisor panicked" : "dom0 crashed";
      const during = report.during ? ` during ${report.during}` : "";
      finish({
        kind: report.kind,
        lines: report.lines,
        message: [
          `${what}${during} ("${report.match}", ${accel}):`,
          ...report.lines,
          ...(opts.consoleLog ? [`(full console log: ${opts.consoleLog})`] : []),
        ].join("\n"),
      });
    };

    /** Starts a phase with its own deadline: passing it is a timeout (or ends a crash report). */
    const enter = (next: Phase) => {
      phase = next;
      clearTimeout(phaseTimer);
      const limitMs = limitOf[next.deadline];
      const expired =
        next.deadline === "crashReport"
          ? () => endWithCrash()
          : () =>
              finish({
                kind: "timeout",
                phase: next.name,
                limitMs,
                message: timeoutMessage(
                  `Boot timed out in ${next.name}: no progress within ${formatMs(limitMs)} (${accel}).`,
                ),
              });
      phaseTimer = setTimeout(expired, limitMs);
    };
    enter(phase);

    const onConsoleLine = (raw: string) => {
      const events = reader.push(raw, now());
      opts.onLine?.(reader.lines.at(-1)!);
      for (const event of events) {
        if (event.kind === "phase") enter(event.phase);
        else if (event.kind === "crash") crashTimer = setTimeout(endWithCrash, CRASH_QUIET_MS);
        else if (event.kind === "crash-report") endWithCrash(event.report);
        else if (event.kind === "debug-key") child.stdin?.write(debugKeyInput(event.key));
      }
      if (reader.inCrashReport) crashTimer?.refresh();
    };

    const decoder = new TextDecoder();
    child.stdout.on("data", (data: Buffer) => {
      log?.write(data);
      const lines = (partial + decoder.decode(data, { stream: true })).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) onConsoleLine(line);
    });
    let stderrPartial = "";
    const stderrLines: string[] = [];
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (data: string) => {
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

    void child.then(({ exitCode, signal: killedBy, code: errorCode, originalMessage, cause }) => {
      clearTimers();
      const code = exitCode ?? null;
      const signal = killedBy ?? null;
      // Neither an exit status nor a signal: QEMU never started.
      if (exitCode === undefined && signal === null) {
        log?.end();
        reject(
          startError(
            program,
            program,
            errorCode,
            originalMessage ?? "could not start",
            undefined,
            cause,
          ),
        );
        return;
      }
      if (stderrPartial) stderrLines.push(stderrPartial);
      if (partial) onConsoleLine(partial);
      partial = "";
      if (reader.inCrashReport) endWithCrash();
      clearTimers();
      if (!ended) {
        if (reader.poweredOff && code === 0) ended = { kind: "poweroff" };
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
              ...reader.tail(),
            ].join("\n"),
          };
        }
      }
      const totalMs = now();
      reader.finish(totalMs);
      // (Fields in the order, and present or absent, as results have always had them.)
      const durations: BootResult["durations"] = { totalMs };
      if (reader.bannerMs !== undefined) durations.firstSignOfLifeMs = reader.bannerMs;
      if (reader.dom0ReadyMs !== undefined) durations.dom0ReadyMs = reader.dom0ReadyMs;
      const result: BootResult = {
        ok:
          ended.kind === "poweroff" &&
          reader.setup?.rc === 0 &&
          // Without the list of steps, every step that began must have ended well.
          (opts.steps === undefined || reader.steps.length === steps.length) &&
          reader.steps.every((s) => s.rc === 0),
        end: ended,
        accel,
        steps: reader.steps,
        durations,
        console: reader.lines,
        consoleLog: opts.consoleLog,
        command,
        pid: child.pid,
      };
      if (reader.setup) result.setup = reader.setup;
      const done = () => resolve(result);
      if (log) log.end(done);
      else done();
    });
  });
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
