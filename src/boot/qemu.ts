// Boots the hypervisor with a dom0 in QEMU: the process and the deadlines (the command
// line is qemu-args.ts's). What the serial console says (Xen's banner, dom0's setup, each
// step of the guest's /init, a crash) is console.ts's to read; this file arms a deadline
// for each phase the reader reports, ends the run at once on a hypervisor panic or dom0
// crash, and makes sure QEMU never outlives the call.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { execa } from "execa";
import { cannotStart, childEnvironment, startError } from "../util/exec.js";
import {
  guardedCommand,
  interruptSignal,
  throwIfInterrupted,
  trackChild,
} from "../util/interrupt.js";
import { END_MARKER_ANSWER, debugKeyInput } from "./init-script.js";
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
import { qemuArgs } from "./qemu-args.js";

// The console reader's names, where callers have always found them.
export { cleanConsoleLine, detectCrash, type CrashKind, type StepResult } from "./console.js";

export type { Accel } from "./kvm.js";
export {
  DEFAULT_DOM0_CMDLINE,
  defaultXenCmdline,
  qemuArgs,
  type QemuArgsOptions,
} from "./qemu-args.js";

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
  /** The marker key the initramfs was given (guestInitramfs' `markerKey`). */
  markerKey?: string;
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
  /** The boot's marker key, which the console's markers carry (BootOptions' `markerKey`). */
  markerKey?: string;
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
  const failed = r.steps.filter((s) => s.rc !== 0 || s.cut);
  return failed
    .map(
      (s) =>
        `step ${s.step}${s.command ? ` (${s.command})` : ""} ${s.rc !== 0 ? `exited with ${s.rc}` : s.cut}:\n${s.output}`,
    )
    .join("\n");
}

/**
 * Boots Xen and dom0 in QEMU and follows the console until dom0 powers off, a deadline
 * passes, or something crashes. Resolves only once QEMU has exited.
 */
export async function bootXen(opts: BootOptions): Promise<BootResult> {
  const accel = opts.accel ?? "auto";
  if (accel !== "auto") return interruptible(bootOnce(opts, accel));
  if (!(await (opts.detectKvm ?? kvmUsable)())) return interruptible(bootOnce(opts, "tcg"));

  // (An interrupted KVM trial is not a KVM failure to retry with TCG.)
  const kvm = await interruptible(bootOnce(opts, "kvm", true));
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
  throwIfInterrupted();
  return { ...tcg, kvmFallback: { reason, durationMs: kvm.durations.totalMs } };
}

/**
 * A boot's result, or the InterruptedError when the run was interrupted while it ran: QEMU
 * was killed for the signal, and the boot's end says nothing of Xen, dom0 or the payloads.
 */
async function interruptible(boot: Promise<BootResult>): Promise<BootResult> {
  const result = await boot;
  throwIfInterrupted();
  return result;
}

/** One boot with one accelerator: its command line, its console log, then the run itself. */
async function bootOnce(
  opts: BootOptions,
  accel: Accel,
  kvmTrial = false,
  logHeader?: string,
): Promise<BootResult> {
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
  const log = await openConsoleLog(opts.consoleLog, command, kvmTrial, logHeader);
  return new QemuRun(opts, accel, kvmTrial, command, log).run();
}

/** The console log file, started by the KVM trial (or a lone boot) and appended to by a TCG retry. */
async function openConsoleLog(
  path: string | undefined,
  command: readonly string[],
  kvmTrial: boolean,
  logHeader: string | undefined,
): Promise<WriteStream | undefined> {
  if (!path) return undefined;
  await mkdir(dirname(path), { recursive: true });
  const log = createWriteStream(path, { flags: kvmTrial || !logHeader ? "w" : "a" });
  if (logHeader) log.write(`\n=== xen-livepatch-ci: ${logHeader} ===\n`);
  log.write(`=== xen-livepatch-ci: ${command.join(" ")} ===\n`);
  return log;
}

/**
 * QEMU started with its serial console on stdout, under the guard every child runs in
 * (src/util/interrupt.ts): killed when the run is interrupted, and when this process dies,
 * even of SIGKILL. execa follows a SIGTERM that is ignored with SIGKILL after a grace
 * period. The console is read as it arrives, so execa keeps no copy.
 */
function startQemu(program: string, args: readonly string[]) {
  const guarded = guardedCommand(program, args);
  const child = execa(guarded.cmd, guarded.args, {
    detached: true,
    cancelSignal: interruptSignal(),
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
  void child.finally(trackChild(child.pid));
  return child;
}

/**
 * One QEMU process from start to exit: the console read line by line (console.ts says what
 * each line means), a deadline armed for each phase the reader reports, the step protocol's
 * requests answered on the serial input, and the result once QEMU is gone.
 */
class QemuRun {
  private readonly timeouts: BootTimeouts;
  private readonly limitOf: Record<Deadline, number>;
  private readonly steps: readonly string[];
  private readonly reader: ConsoleReader;
  private readonly start = performance.now();
  private child!: ReturnType<typeof startQemu>;
  private ended: BootEnd | undefined;
  /** A console line still being written (no newline yet). */
  private partial = "";
  private phase: Phase = START_PHASE;
  private phaseTimer: NodeJS.Timeout | undefined;
  /** Re-armed by every line of a crash report until the console goes quiet. */
  private crashTimer: NodeJS.Timeout | undefined;
  private totalTimer: NodeJS.Timeout | undefined;
  private stderrPartial = "";
  private readonly stderrLines: string[] = [];

  constructor(
    private readonly opts: BootOptions,
    private readonly accel: Accel,
    kvmTrial: boolean,
    private readonly command: string[],
    private readonly log: WriteStream | undefined,
  ) {
    this.timeouts = { ...DEFAULT_BOOT_TIMEOUTS, ...opts.timeouts };
    this.limitOf = {
      firstSignOfLife: kvmTrial
        ? Math.min(KVM_FIRST_SIGN_OF_LIFE_MS, this.timeouts.firstSignOfLife)
        : this.timeouts.firstSignOfLife,
      dom0: this.timeouts.dom0,
      step: this.timeouts.step,
      shutdown: this.timeouts.shutdown,
      crashReport: CRASH_SETTLE_MAX_MS,
    };
    this.steps = opts.steps ?? [];
    this.reader = new ConsoleReader(this.steps, opts.markerKey);
  }

  private now(): number {
    return Math.round(performance.now() - this.start);
  }

  /** Starts QEMU and resolves once it has exited (rejects when it could not start). */
  run(): Promise<BootResult> {
    return new Promise<BootResult>((resolve, reject) => {
      const [program, ...args] = this.command as [string, ...string[]];
      const unstartable = cannotStart(program, program, childEnvironment());
      if (unstartable) {
        this.log?.end();
        return reject(unstartable);
      }
      this.child = startQemu(program, args);
      const total = this.timeouts.total;
      this.totalTimer = setTimeout(
        () =>
          this.finish({
            kind: "timeout",
            phase: this.phase.name,
            limitMs: total,
            message: this.timeoutMessage(
              `Boot timed out: the whole run took longer than ${formatMs(total)}, now in ${this.phase.name} (${this.accel}).`,
            ),
          }),
        total,
      );
      this.enter(this.phase);
      const decoder = new TextDecoder();
      this.child.stdout.on("data", (data: Buffer) =>
        this.onConsole(decoder.decode(data, { stream: true }), data),
      );
      this.child.stderr.setEncoding("utf8");
      this.child.stderr.on("data", (data: string) => this.onStderr(data));
      void this.child.then((exit) => this.onExit(exit, resolve, reject));
    });
  }

  // --- deadlines and ends ---

  private clearTimers(): void {
    clearTimeout(this.phaseTimer);
    clearTimeout(this.crashTimer);
    clearTimeout(this.totalTimer);
  }

  private timeoutMessage(headline: string): string {
    return [
      headline,
      `--- last ${TAIL_LINES} console lines ---`,
      ...this.reader.tail(this.partial),
      ...(this.opts.consoleLog ? [`(full console log: ${this.opts.consoleLog})`] : []),
    ].join("\n");
  }

  /** Ends the run for `why` (the first reason wins) and stops QEMU. */
  private finish(why: BootEnd): void {
    this.ended ??= why;
    this.reader.stop();
    this.clearTimers();
    this.child.kill();
  }

  /** Ends the run with the crash report (complete, or as far as it came). */
  private endWithCrash(report = this.reader.crashReport()): void {
    if (!report) return;
    const what = report.kind === "hypervisor-panic" ? "The hypervisor panicked" : "dom0 crashed";
    const during = report.during ? ` during ${report.during}` : "";
    this.finish({
      kind: report.kind,
      lines: report.lines,
      message: [
        `${what}${during} ("${report.match}", ${this.accel}):`,
        ...report.lines,
        ...(this.opts.consoleLog ? [`(full console log: ${this.opts.consoleLog})`] : []),
      ].join("\n"),
    });
  }

  /** Starts a phase with its own deadline: passing it is a timeout (or ends a crash report). */
  private enter(next: Phase): void {
    this.phase = next;
    clearTimeout(this.phaseTimer);
    const limitMs = this.limitOf[next.deadline];
    const expired =
      next.deadline === "crashReport"
        ? () => this.endWithCrash()
        : () =>
            this.finish({
              kind: "timeout",
              phase: next.name,
              limitMs,
              message: this.timeoutMessage(
                `Boot timed out in ${next.name}: no progress within ${formatMs(limitMs)} (${this.accel}).`,
              ),
            });
    this.phaseTimer = setTimeout(expired, limitMs);
  }

  // --- the console and the step protocol ---

  /** Console output as it arrives (`text` decoded from `data`): whole lines go to the reader. */
  private onConsole(text: string, data: Buffer): void {
    this.log?.write(data);
    const lines = (this.partial + text).split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.onConsoleLine(line);
  }

  /** One console line: the reader's events move the phase, flag a crash, or ask for a debug key. */
  private onConsoleLine(raw: string): void {
    const events = this.reader.push(raw, this.now());
    this.opts.onLine?.(this.reader.lines.at(-1)!);
    for (const event of events) {
      if (event.kind === "phase") this.enter(event.phase);
      else if (event.kind === "crash") {
        this.crashTimer = setTimeout(() => this.endWithCrash(), CRASH_QUIET_MS);
      } else if (event.kind === "crash-report") this.endWithCrash(event.report);
      else if (event.kind === "debug-key") this.child.stdin?.write(debugKeyInput(event.key));
      else if (event.kind === "setup-end" || event.kind === "step-end" || event.kind === "poweroff")
        this.child.stdin?.write(END_MARKER_ANSWER);
    }
    if (this.reader.inCrashReport) this.crashTimer?.refresh();
  }

  /** QEMU's stderr: logged on lines of its own, kept for the exit message, watched for KVM errors. */
  private onStderr(data: string): void {
    const lines = (this.stderrPartial + data).split("\n");
    this.stderrPartial = lines.pop() ?? "";
    for (const line of lines) {
      this.stderrLines.push(line);
      // On a line of its own, even when the console is in the middle of one.
      this.log?.write(`${this.partial ? "\n" : ""}[qemu] ${line}\n`);
      if (this.accel === "kvm" && KVM_ERROR.test(line) && !this.ended) {
        this.finish({ kind: "kvm-error", message: `QEMU reported a KVM error: ${line}` });
      }
    }
  }

  // --- shutdown ---

  /** QEMU has exited: the last console line is read, the end decided, the result given. */
  private onExit(
    exit: Awaited<ReturnType<typeof startQemu>>,
    resolve: (result: BootResult) => void,
    reject: (error: Error) => void,
  ): void {
    const { exitCode, signal: killedBy, code: errorCode, originalMessage, cause } = exit;
    this.clearTimers();
    const code = exitCode ?? null;
    const signal = killedBy ?? null;
    // Neither an exit status nor a signal: QEMU never started.
    if (exitCode === undefined && signal === null) {
      this.log?.end();
      const program = this.command[0]!;
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
    if (this.stderrPartial) this.stderrLines.push(this.stderrPartial);
    if (this.partial) this.onConsoleLine(this.partial);
    this.partial = "";
    if (this.reader.inCrashReport) this.endWithCrash();
    this.clearTimers();
    const end = (this.ended ??= this.exitEnd(code, signal));
    const result = this.result(end);
    const done = () => resolve(result);
    if (this.log) this.log.end(done);
    else done();
  }

  /** How a boot ended that nothing ended before QEMU exited: a power-off, or QEMU's own exit. */
  private exitEnd(code: number | null, signal: NodeJS.Signals | null): BootEnd {
    if (this.reader.poweredOff && code === 0) return { kind: "poweroff" };
    const stderrTail = this.stderrLines.filter(Boolean).slice(-TAIL_LINES);
    return {
      kind: "qemu-exit",
      code,
      signal,
      message: [
        `QEMU exited (${code === null ? `signal ${signal}` : `code ${code}`}) during ${this.phase.name}, before dom0 powered off (${this.accel}).`,
        ...(stderrTail.length ? ["--- QEMU's stderr ---", ...stderrTail] : []),
        `--- last ${TAIL_LINES} console lines ---`,
        ...this.reader.tail(),
      ].join("\n"),
    };
  }

  private result(end: BootEnd): BootResult {
    const { reader } = this;
    const totalMs = this.now();
    reader.finish(totalMs);
    // (Fields in the order, and present or absent, as results have always had them.)
    const durations: BootResult["durations"] = { totalMs };
    if (reader.bannerMs !== undefined) durations.firstSignOfLifeMs = reader.bannerMs;
    if (reader.dom0ReadyMs !== undefined) durations.dom0ReadyMs = reader.dom0ReadyMs;
    const result: BootResult = {
      ok:
        end.kind === "poweroff" &&
        reader.setup?.rc === 0 &&
        // Without the list of steps, every step that began must have ended well.
        (this.opts.steps === undefined || reader.steps.length === this.steps.length) &&
        reader.steps.every((s) => s.rc === 0 && !s.cut),
      end,
      accel: this.accel,
      steps: reader.steps,
      durations,
      console: reader.lines,
      consoleLog: this.opts.consoleLog,
      command: this.command,
      pid: this.child.pid,
    };
    if (reader.setup) result.setup = reader.setup;
    if (this.opts.markerKey) result.markerKey = this.opts.markerKey;
    return result;
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
