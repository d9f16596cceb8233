/** How many console lines a timeout's message shows. */
export declare const TAIL_LINES = 20;
export type CrashKind = "hypervisor-panic" | "dom0-crash";
/** Whether a console line announces a hypervisor panic or a dom0 crash, and which words said so. */
export declare function detectCrash(line: string): {
    kind: CrashKind;
    match: string;
} | undefined;
/** A serial line as text: no carriage returns, terminal escapes or other control bytes. */
export declare function cleanConsoleLine(raw: string): string;
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
{
    kind: "banner";
}
/** dom0's kernel has started. */
 | {
    kind: "dom0-kernel";
}
/** dom0's /init begins its setup (modules, xenfs). */
 | {
    kind: "setup-begin";
}
/** dom0's setup ended; dom0 is ready when rc is 0. */
 | {
    kind: "setup-end";
    rc: number;
} | {
    kind: "step-begin";
    step: number;
    command?: string;
} | {
    kind: "step-end";
    step: number;
    rc: number;
}
/** /init is done and powers the machine off. */
 | {
    kind: "poweroff";
}
/** dom0 asks for a Xen debug key to be sent on the serial line (a debug-key step). */
 | {
    kind: "debug-key";
    key: string;
}
/** A crash's first line; its report follows. */
 | {
    kind: "crash";
    crash: CrashKind;
    match: string;
}
/** The report of the crash is complete (its last line, or 120 lines after its start). */
 | {
    kind: "crash-report";
    report: CrashReport;
}
/** The boot now waits for something else. */
 | {
    kind: "phase";
    phase: Phase;
};
export declare const START_PHASE: Phase;
/**
 * Follows one boot's console. `push` takes each line as it arrives, with the time since
 * QEMU started (ms), and returns the events that line caused; the reader keeps the lines,
 * the setup and steps with their output and durations, and the phase the boot is in.
 * Once `stop()` is called (the boot has ended for some reason), lines are only recorded.
 */
export declare class ConsoleReader {
    private readonly stepCommands;
    private readonly markerKey?;
    /** Every console line, cleaned. */
    readonly lines: string[];
    /** dom0's setup (modules and xenfs); absent until /init begins it. */
    setup?: StepResult;
    readonly steps: StepResult[];
    /** When Xen's banner came (ms since start). */
    bannerMs?: number;
    /** When dom0's setup ended (ms since start). */
    dom0ReadyMs?: number;
    /** /init printed its last marker: the machine is powering off. */
    poweredOff: boolean;
    phase: Phase;
    /** The crash seen, once one is. */
    crash?: {
        kind: CrashKind;
        match: string;
        at: number;
    };
    private current?;
    private currentStarted;
    /** What the console carried of the current step's output: an upper bound of what it printed. */
    private carried;
    /** The ends seen (`setup`, `step N`), so that a repeated end marker is not a second end. */
    private readonly ended;
    private stopped;
    /**
     * @param stepCommands the steps /init runs (as given to initScript); names them.
     * @param markerKey the boot's marker key (guestInitramfs' `markerKey`): only lines with
     *   it are markers.
     */
    constructor(stepCommands?: readonly string[], markerKey?: string | undefined);
    /** `step N (command)`, or `step N` when the command is not known. */
    stepName(n: number): string;
    /** The step running now, if any (the setup is step 0). */
    get running(): StepResult | undefined;
    /** True between a crash's first line and the end of its report. */
    get inCrashReport(): boolean;
    /** The last `n` lines, with a line still being written (no newline yet) after them. */
    tail(partial?: string, n?: number): string[];
    /** Nothing more is interpreted: the boot has ended (later lines are still kept). */
    stop(): void;
    /**
     * The crash report as it stands (called when the report completes, or when the console
     * has gone quiet or the wait for the report ran out); stops the reader.
     */
    crashReport(): CrashReport | undefined;
    /** Sets the duration of a step that never ended (the boot ended first) at `atMs`. */
    finish(atMs: number): void;
    /** Takes one raw console line (without its newline) that arrived at `atMs`. */
    push(raw: string, atMs: number): ConsoleEvent[];
    /** Counts raw console text of the current step (`newline`: a whole line). */
    private carry;
    /**
     * Why the current step's output is not whole, if it is not: the console carried fewer
     * lines or bytes than the guest counted. What it carried also holds Xen's and the
     * kernel's lines and the terminal's CRs, so it can only be more than what was printed.
     */
    private cutOf;
}
