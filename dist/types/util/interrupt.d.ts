/** The run was ended by a signal: what was running is not to blame. */
export declare class InterruptedError extends Error {
    readonly signal: NodeJS.Signals;
    name: string;
    constructor(signal: NodeJS.Signals);
}
/** The signals that end a run cleanly (Ctrl-C, `kill`, a runner's cancel). */
export declare const INTERRUPT_SIGNALS: readonly ["SIGINT", "SIGTERM"];
/** The shell's exit status for a run ended by `signal`: 128 + its number (130, 143). */
export declare function interruptedExitCode(signal: NodeJS.Signals): number;
/** The signal that interrupted this run, if one did. */
export declare function interruption(): NodeJS.Signals | undefined;
/** Aborts when the run is interrupted: given to every child (execa's `cancelSignal`). */
export declare function interruptSignal(): AbortSignal;
/** Throws an InterruptedError once the run has been interrupted. */
export declare function throwIfInterrupted(): void;
/** Notes `signal` and ends every child (their process groups get SIGTERM through execa). */
export declare function interrupt(signal: NodeJS.Signals): void;
/** Records a running child's process group, until `release` is called. */
export declare function trackChild(pid: number | undefined): () => void;
/** SIGKILL to every child's process group: for a second signal, when nothing may wait. */
export declare function killChildren(): void;
/**
 * Handles SIGINT and SIGTERM for one run of `fn` (the command line's and the action's
 * pipeline): the first signal interrupts the run (it ends on its own, with its report), a
 * second one or a run still going after a minute kills the children and exits at once.
 * The handlers are removed, and the state reset, when `fn` ends.
 */
export declare function withInterruptHandling<T>(fn: () => Promise<T>): Promise<T>;
/**
 * `cmd args` as this tool starts every child (spawned `detached`, so it leads its own
 * process group): through GROUP_WRAPPER, which ends the whole group on SIGTERM, and under
 * `setpriv --pdeathsig TERM` (Linux's PR_SET_PDEATHSIG), so that the wrapper gets that
 * SIGTERM when this process dies, even of SIGKILL. Without setpriv, only the first.
 */
export declare function guardedCommand(cmd: string, args: readonly string[]): {
    cmd: string;
    args: string[];
};
