/**
 * An interrupted run (SIGINT, SIGTERM): the signal is noted, every child process is ended
 * with its whole process group, and the error that reaches the pipeline says "interrupted",
 * so that the run still writes its report, keeps its logs and removes its temporary trees
 * (the `finally` blocks run as the killed commands return). Children also die with this
 * process when it is killed outright (SIGKILL, the runner's cancel after its grace): see
 * `guardedCommand`. docs/security.md, "Interrupted runs end cleanly".
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The run was ended by a signal: what was running is not to blame. */
export class InterruptedError extends Error {
  override name = "InterruptedError";
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}

/** The signals that end a run cleanly (Ctrl-C, `kill`, a runner's cancel). */
export const INTERRUPT_SIGNALS = ["SIGINT", "SIGTERM"] as const;

/** The shell's exit status for a run ended by `signal`: 128 + its number (130, 143). */
export function interruptedExitCode(signal: NodeJS.Signals): number {
  return signal === "SIGINT" ? 130 : signal === "SIGTERM" ? 143 : 129;
}

let controller = new AbortController();
let received: NodeJS.Signals | undefined;
/** Process group ids of the children running now (each child leads its own group). */
const groups = new Set<number>();

/** The signal that interrupted this run, if one did. */
export function interruption(): NodeJS.Signals | undefined {
  return received;
}

/** Aborts when the run is interrupted: given to every child (execa's `cancelSignal`). */
export function interruptSignal(): AbortSignal {
  return controller.signal;
}

/** Throws an InterruptedError once the run has been interrupted. */
export function throwIfInterrupted(): void {
  if (received) throw new InterruptedError(received);
}

/** Notes `signal` and ends every child (their process groups get SIGTERM through execa). */
export function interrupt(signal: NodeJS.Signals): void {
  received ??= signal;
  controller.abort(new InterruptedError(received));
}

/** Records a running child's process group, until `release` is called. */
export function trackChild(pid: number | undefined): () => void {
  if (pid === undefined) return () => {};
  groups.add(pid);
  return () => groups.delete(pid);
}

/** SIGKILL to every child's process group: for a second signal, when nothing may wait. */
export function killChildren(): void {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // (already gone)
    }
  }
  groups.clear();
}

/** After the first signal, how long the run has to write its report before it is ended. */
const FORCE_EXIT_MS = 60_000;

/**
 * Handles SIGINT and SIGTERM for one run of `fn` (the command line's and the action's
 * pipeline): the first signal interrupts the run (it ends on its own, with its report), a
 * second one or a run still going after a minute kills the children and exits at once.
 * The handlers are removed, and the state reset, when `fn` ends.
 */
export async function withInterruptHandling<T>(fn: () => Promise<T>): Promise<T> {
  reset();
  let force: NodeJS.Timeout | undefined;
  const exitNow = (signal: NodeJS.Signals) => {
    killChildren();
    process.exit(interruptedExitCode(signal));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) return exitNow(received);
    interrupt(signal);
    force = setTimeout(() => exitNow(signal), FORCE_EXIT_MS).unref();
  };
  for (const s of INTERRUPT_SIGNALS) process.on(s, onSignal);
  try {
    return await fn();
  } finally {
    clearTimeout(force);
    for (const s of INTERRUPT_SIGNALS) process.off(s, onSignal);
    // Commands after the run (a library user's next run) are not interrupted by this one.
    reset();
  }
}

function reset(): void {
  controller = new AbortController();
  received = undefined;
}

/**
 * The wrapper every child runs in (as `sh -c WRAPPER xlci PROGRAM ARGS...`), the leader of
 * the child's own process group: it runs the program with this stdin, and on SIGTERM or
 * SIGINT ends the whole group (make's sub-makes and compilers, not only make), TERM first
 * and KILL once the program is gone. A program killed by a signal makes the wrapper die of
 * the same signal, so that callers still see "killed by SIGSEGV".
 */
const GROUP_WRAPPER = [
  "exec 3<&0",
  'trap "trap \\"\\" INT TERM; kill -TERM 0; wait \\$xlci_child 2>/dev/null; kill -KILL 0" INT TERM',
  '"$@" <&3 3<&- &',
  "xlci_child=$!",
  "exec 3<&-",
  // (dash reports a job killed by a signal, "Killed", on wait's stderr.)
  'wait "$xlci_child" 2>/dev/null',
  "xlci_rc=$?",
  'if [ "$xlci_rc" -gt 128 ]; then trap - INT TERM; kill -s "$(kill -l "$xlci_rc")" $$; fi',
  'exit "$xlci_rc"',
].join("\n");

let setprivPath: string | null | undefined;
/** util-linux's setpriv (on every Debian and Ubuntu), or null where there is none. */
function setpriv(): string | null {
  setprivPath ??=
    (process.env.PATH ?? "")
      .split(delimiter)
      .map((dir) => join(dir, "setpriv"))
      .find((p) => existsSync(p)) ?? null;
  return setprivPath;
}

/**
 * `cmd args` as this tool starts every child (spawned `detached`, so it leads its own
 * process group): through GROUP_WRAPPER, which ends the whole group on SIGTERM, and under
 * `setpriv --pdeathsig TERM` (Linux's PR_SET_PDEATHSIG), so that the wrapper gets that
 * SIGTERM when this process dies, even of SIGKILL. Without setpriv, only the first.
 */
export function guardedCommand(
  cmd: string,
  args: readonly string[],
): { cmd: string; args: string[] } {
  const wrapped = ["-c", GROUP_WRAPPER, "xlci", cmd, ...args];
  const guard = setpriv();
  return guard
    ? { cmd: guard, args: ["--pdeathsig", "TERM", "--", "sh", ...wrapped] }
    : { cmd: "sh", args: wrapped };
}
