// Reads a boot's serial console: Xen's banner, dom0's kernel, the markers of dom0's /init
// (init-script.ts), and crash reports of the hypervisor or of dom0. Pure: lines (with the
// time each arrived) go in, boot events come out, and the reader says what the boot waits
// for next. Running QEMU and its deadlines is qemu.ts's job.
import { parseMarker } from "./init-script.js";

/** Xen's first line on the serial console. */
const XEN_BANNER = /\(XEN\) Xen version /;
/** dom0's kernel's first line (Linux prints its version before anything else). */
const DOM0_KERNEL = /^(?:\[ *[\d.]+\] )?Linux version /;
const HYPERVISOR_PANIC =
  /\(XEN\) .*?(Panic on CPU \d+|FATAL TRAP|DOUBLE FAULT|Reboot in five seconds)/;
const DOM0_CRASH =
  /(Kernel panic - not syncing|Oops: [0-9a-f]{4} \[#\d+\]|\(XEN\) Hardware Dom0 crashed)/;
/** The last line of a crash report: Xen has stopped, or dom0's panic is complete. */
const CRASH_REPORT_END =
  /\(XEN\) (?:Manual reset required|Reboot in five seconds|Hardware Dom0 crashed)|---\[ end Kernel panic/;

/** Console lines kept before a crash's first line in its report. */
const CRASH_LINES_BEFORE = 30;
// A dom0 panic's call trace varies in length (stale "?" frames): 40 lines cut some short
// of Xen's closing notice.
/** Console lines after a crash's first line that complete its report at the latest. */
const CRASH_LINES_AFTER = 120;
/** How many console lines a timeout's message shows. */
export const TAIL_LINES = 20;

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
  /**
   * Set when the console carried less than the step printed (Xen drops what its serial
   * buffer cannot hold): what it printed and what arrived. Its output is then not whole.
   */
  cut?: string;
}

/**
 * Which of the boot's deadlines (BootTimeouts in qemu.ts) the current phase runs under;
 * `crashReport` is the wait for a crash report to complete.
 */
export type Deadline = "firstSignOfLife" | "dom0" | "step" | "shutdown" | "crashReport";

/** What the boot waits for now: its name in messages, and the deadline that applies. */
export interface Phase {
  name: string;
  deadline: Deadline;
}

/** A complete crash report: the console lines around the crash and where the boot was. */
export interface CrashReport {
  kind: CrashKind;
  /** The words that gave the crash away ("Panic on CPU 0", "Kernel panic - not syncing"). */
  match: string;
  /** Up to 30 lines before the crash's first line, it, and up to 120 after. */
  lines: string[];
  /** The step that was running (`step 2 (ls /proc/xen)`; the setup is `step 0`), if one was. */
  during?: string;
}

export type ConsoleEvent =
  /** Xen's banner: the hypervisor is alive. */
  | { kind: "banner" }
  /** dom0's kernel has started. */
  | { kind: "dom0-kernel" }
  /** dom0's /init begins its setup (modules, xenfs). */
  | { kind: "setup-begin" }
  /** dom0's setup ended; dom0 is ready when rc is 0. */
  | { kind: "setup-end"; rc: number }
  | { kind: "step-begin"; step: number; command?: string }
  | { kind: "step-end"; step: number; rc: number }
  /** /init is done and powers the machine off. */
  | { kind: "poweroff" }
  /** dom0 asks for a Xen debug key to be sent on the serial line (a debug-key step). */
  | { kind: "debug-key"; key: string }
  /** A crash's first line; its report follows. */
  | { kind: "crash"; crash: CrashKind; match: string }
  /** The report of the crash is complete (its last line, or 120 lines after its start). */
  | { kind: "crash-report"; report: CrashReport }
  /** The boot now waits for something else. */
  | { kind: "phase"; phase: Phase };

export const START_PHASE: Phase = {
  name: "start (waiting for Xen's banner)",
  deadline: "firstSignOfLife",
};

/**
 * Follows one boot's console. `push` takes each line as it arrives, with the time since
 * QEMU started (ms), and returns the events that line caused; the reader keeps the lines,
 * the setup and steps with their output and durations, and the phase the boot is in.
 * Once `stop()` is called (the boot has ended for some reason), lines are only recorded.
 */
export class ConsoleReader {
  /** Every console line, cleaned. */
  readonly lines: string[] = [];
  /** dom0's setup (modules and xenfs); absent until /init begins it. */
  setup?: StepResult;
  readonly steps: StepResult[] = [];
  /** When Xen's banner came (ms since start). */
  bannerMs?: number;
  /** When dom0's setup ended (ms since start). */
  dom0ReadyMs?: number;
  /** /init printed its last marker: the machine is powering off. */
  poweredOff = false;
  phase: Phase = START_PHASE;
  /** The crash seen, once one is. */
  crash?: { kind: CrashKind; match: string; at: number };
  private current?: StepResult;
  private currentStarted = 0;
  /** What the console carried of the current step's output: an upper bound of what it printed. */
  private carried = { lines: 0, bytes: 0 };
  /** The ends seen (`setup`, `step N`), so that a repeated end marker is not a second end. */
  private readonly ended = new Set<string>();
  private stopped = false;

  /**
   * @param stepCommands the steps /init runs (as given to initScript); names them.
   * @param markerKey the boot's marker key (guestInitramfs' `markerKey`): only lines with
   *   it are markers.
   */
  constructor(
    private readonly stepCommands: readonly string[] = [],
    private readonly markerKey?: string,
  ) {}

  /** `step N (command)`, or `step N` when the command is not known. */
  stepName(n: number): string {
    const cmd = this.stepCommands[n - 1];
    return cmd === undefined ? `step ${n}` : `step ${n} (${cmd})`;
  }

  /** The step running now, if any (the setup is step 0). */
  get running(): StepResult | undefined {
    return this.current;
  }

  /** True between a crash's first line and the end of its report. */
  get inCrashReport(): boolean {
    return this.crash !== undefined && !this.stopped;
  }

  /** The last `n` lines, with a line still being written (no newline yet) after them. */
  tail(partial = "", n = TAIL_LINES): string[] {
    const lines = this.lines.slice(-n);
    if (partial) lines.push(cleanConsoleLine(partial));
    return lines;
  }

  /** Nothing more is interpreted: the boot has ended (later lines are still kept). */
  stop(): void {
    this.stopped = true;
  }

  /**
   * The crash report as it stands (called when the report completes, or when the console
   * has gone quiet or the wait for the report ran out); stops the reader.
   */
  crashReport(): CrashReport | undefined {
    if (!this.crash) return undefined;
    const { kind, match, at } = this.crash;
    this.stop();
    return {
      kind,
      match,
      lines: this.lines.slice(Math.max(0, at - CRASH_LINES_BEFORE), at + 1 + CRASH_LINES_AFTER),
      during: this.current ? this.stepName(this.current.step) : undefined,
    };
  }

  /** Sets the duration of a step that never ended (the boot ended first) at `atMs`. */
  finish(atMs: number): void {
    for (const s of [this.setup, ...this.steps]) {
      if (s && s.rc === null) s.durationMs = atMs - this.currentStarted;
    }
  }

  /** Takes one raw console line (without its newline) that arrived at `atMs`. */
  push(raw: string, atMs: number): ConsoleEvent[] {
    const line = cleanConsoleLine(raw);
    this.lines.push(line);
    if (this.stopped) return [];
    const events: ConsoleEvent[] = [];
    const enter = (phase: Phase) => {
      this.phase = phase;
      events.push({ kind: "phase", phase });
    };

    if (this.crash) {
      if (this.current) appendTo(this.current, line);
      if (CRASH_REPORT_END.test(line) || this.lines.length - 1 - this.crash.at >= CRASH_LINES_AFTER)
        events.push({ kind: "crash-report", report: this.crashReport()! });
      return events;
    }
    const seen = detectCrash(line);
    if (seen) {
      this.crash = { ...seen, at: this.lines.length - 1 };
      if (this.current) appendTo(this.current, line);
      events.push({ kind: "crash", crash: seen.kind, match: seen.match });
      if (CRASH_REPORT_END.test(line))
        events.push({ kind: "crash-report", report: this.crashReport()! });
      else enter({ name: "crash report", deadline: "crashReport" });
      return events;
    }

    if (this.bannerMs === undefined && XEN_BANNER.test(line)) {
      this.bannerMs = atMs;
      events.push({ kind: "banner" });
      enter({ name: "dom0 boot (until /init's setup ends)", deadline: "dom0" });
    }
    if (DOM0_KERNEL.test(line)) events.push({ kind: "dom0-kernel" });

    const found = parseMarker(line, this.markerKey);
    if (!found) {
      if (this.current) appendTo(this.current, line);
      this.carry(raw, true);
      return events;
    }
    const { marker, before } = found;
    if (before && this.current) appendTo(this.current, before);
    // (A marker has no control characters: the raw text before it is the cleaned one's.)
    this.carry(raw.slice(0, raw.lastIndexOf("@@XLCI")), false);
    const begin = (step: number, command: string | undefined): StepResult => {
      this.current = { step, command, rc: null, output: "", xenOutput: "", durationMs: 0 };
      this.currentStarted = atMs;
      this.carried = { lines: 0, bytes: 0 };
      return this.current;
    };
    switch (marker.kind) {
      case "setup-begin":
        this.setup = begin(0, "setup");
        events.push({ kind: "setup-begin" });
        break;
      case "step-begin": {
        const command = this.stepCommands[marker.step - 1];
        this.steps.push(begin(marker.step, command));
        events.push({ kind: "step-begin", step: marker.step, command });
        break;
      }
      case "setup-end":
      case "step-end": {
        // /init repeats an end marker until it is answered: the first one counts.
        const end = marker.kind === "step-end" ? `step ${marker.step}` : "setup";
        if (this.ended.has(end)) break;
        this.ended.add(end);
        if (this.current) {
          this.current.rc = marker.rc;
          this.current.durationMs = atMs - this.currentStarted;
          const cut = marker.kind === "step-end" ? this.cutOf(marker.printed) : undefined;
          if (cut) this.current.cut = cut;
        }
        this.current = undefined;
        const steps = this.stepCommands.length;
        const next = marker.kind === "setup-end" ? 1 : marker.step + 1;
        if (marker.kind === "setup-end") {
          this.dom0ReadyMs = atMs;
          events.push({ kind: "setup-end", rc: marker.rc });
        } else events.push({ kind: "step-end", step: marker.step, rc: marker.rc });
        // A failed setup skips the steps; without a list of steps, another may follow.
        if (marker.kind === "setup-end" && marker.rc !== 0)
          enter({ name: "shutdown", deadline: "shutdown" });
        else if (next <= steps || steps === 0)
          enter({ name: this.stepName(next), deadline: "step" });
        else enter({ name: "shutdown", deadline: "shutdown" });
        break;
      }
      case "done":
        if (this.poweredOff) break;
        this.poweredOff = true;
        events.push({ kind: "poweroff" });
        enter({ name: "shutdown", deadline: "shutdown" });
        break;
      case "key":
        // A debug-key step asks the host to type a key to Xen (see debugKeyCommand).
        events.push({ kind: "debug-key", key: marker.key });
        break;
    }
    return events;
  }

  /** Counts raw console text of the current step (`newline`: a whole line). */
  private carry(raw: string, newline: boolean): void {
    if (!this.current) return;
    this.carried.lines += newline ? 1 : 0;
    this.carried.bytes += Buffer.byteLength(raw) + (newline ? 1 : 0);
  }

  /**
   * Why the current step's output is not whole, if it is not: the console carried fewer
   * lines or bytes than the guest counted. What it carried also holds Xen's and the
   * kernel's lines and the terminal's CRs, so it can only be more than what was printed.
   */
  private cutOf(printed: { lines: number; bytes: number } | undefined): string | undefined {
    if (!printed) return undefined;
    const { lines, bytes } = this.carried;
    if (lines >= printed.lines && bytes >= printed.bytes) return undefined;
    return `its output was cut on the way: it printed ${printed.bytes} bytes in ${printed.lines} lines, the console carried at most ${bytes} bytes in ${lines} lines`;
  }
}

function appendTo(step: StepResult, text: string): void {
  if (/^\(XEN\)/.test(text)) step.xenOutput += `${text}\n`;
  else step.output += `${text}\n`;
}
