// Interrupting a run (src/util/interrupt.ts): a signal ends every command with its whole
// process group and turns its failure into an InterruptedError; the exit statuses.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CommandError, runCommand } from "../../src/util/exec.js";
import {
  InterruptedError,
  interruptedExitCode,
  interruption,
  withInterruptHandling,
} from "../../src/util/interrupt.js";

/** Whether a process with `marker` in its command line is running. */
const running = (marker: string) => {
  try {
    return execFileSync("pgrep", ["-f", marker]).toString().trim().length > 0;
  } catch {
    return false;
  }
};

describe("an interrupted run", () => {
  it("ends a command and the processes it started, and says interrupted rather than failed", async () => {
    const marker = `xlci-unit-${process.pid}-sleep`;
    // A shell that starts a grandchild, as make starts compilers.
    const script = `exec -a ${marker} sleep 60 & sleep 0.2; echo started; wait`;
    const e = await withInterruptHandling(async () => {
      const command = runCommand("bash", ["-c", script], {
        onLine: () => setTimeout(() => process.kill(process.pid, "SIGTERM"), 100),
      });
      return command.then(
        () => undefined,
        (err: unknown) => err,
      );
    });
    expect(e).toBeInstanceOf(InterruptedError);
    expect(e).not.toBeInstanceOf(CommandError);
    expect((e as InterruptedError).signal).toBe("SIGTERM");
    // The grandchild went with its group.
    await new Promise((r) => setTimeout(r, 500));
    expect(running(marker)).toBe(false);
    // Once the run is over, the next command is not interrupted.
    expect(interruption()).toBeUndefined();
    await expect(runCommand("true", [])).resolves.toMatchObject({ exitCode: 0 });
  });

  it("still says which signal killed a command that no interruption ended", async () => {
    const e = await runCommand("sh", ["-c", "kill -SEGV $$"]).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CommandError);
    expect((e as CommandError).signal).toBe("SIGSEGV");
  });

  it("exits as a shell reports a signal: 130 for SIGINT, 143 for SIGTERM", () => {
    expect(interruptedExitCode("SIGINT")).toBe(130);
    expect(interruptedExitCode("SIGTERM")).toBe(143);
  });
});
