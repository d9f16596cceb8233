/** A lock between processes sharing a cache directory (parallel test workers, two runs). */
import { readFileSync } from "node:fs";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** How long a run waits for another to finish with a lock before it gives up. */
export const LOCK_WAIT_MS = 3 * 60 * 60 * 1000;

export interface LockOptions {
  /** Give up after this long (LOCK_WAIT_MS by default), with an error naming the holder. */
  timeoutMs?: number;
  /** Told once, when the lock is found held, who holds it (to show while waiting). */
  onWait?: (holder: string) => void;
}

/** A lock's holder as the lock records it (`pid`, as older releases wrote it, and `start`). */
export interface Holder {
  pid: number;
  /** The holder's start time in clock ticks since boot (/proc/PID/stat), when recorded. */
  start?: string;
}

/**
 * Runs `fn` holding `lockDir` (mkdir is atomic). The lock records its holder's pid and
 * start time. A lock is taken over when it was left by a crash: its holder has exited, a
 * different process now has that pid (another start time, or, for a lock without one, a
 * process that is not Node), or it names no holder after a minute. Otherwise the wait is
 * bounded by `timeoutMs`.
 *
 * @throws Error naming the lock and its holder when the wait times out.
 */
export async function withLock<T>(
  lockDir: string,
  fn: () => Promise<T>,
  opts: LockOptions = {},
): Promise<T> {
  const timeoutMs = opts.timeoutMs ?? LOCK_WAIT_MS;
  const started = Date.now();
  let told = false;
  await mkdir(dirname(lockDir), { recursive: true });
  for (;;) {
    const made = await mkdir(lockDir).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === "EEXIST") return false;
        throw err;
      },
    );
    if (made) break;
    const holder = await readHolder(lockDir);
    const ageMs = await stat(lockDir).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (holder ? !holderAlive(holder) : ageMs > 60_000) {
      await rm(lockDir, { recursive: true, force: true });
      continue;
    }
    const who = holderText(lockDir, holder);
    if (!told) opts.onWait?.(who);
    told = true;
    if (Date.now() - started >= timeoutMs)
      throw new Error(
        `gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${who}; if that process is not another run, remove ${lockDir}`,
      );
    await sleep(Math.min(500, timeoutMs));
  }
  await writeFile(join(lockDir, "start"), startTime(process.pid) ?? "");
  await writeFile(join(lockDir, "pid"), String(process.pid));
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function readHolder(lockDir: string): Promise<Holder | undefined> {
  const pid = Number(await readFile(join(lockDir, "pid"), "utf8").catch(() => ""));
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const start = await readFile(join(lockDir, "start"), "utf8").catch(() => "");
  return start ? { pid, start } : { pid };
}

function holderText(lockDir: string, holder: Holder | undefined): string {
  if (!holder) return `the lock ${lockDir} (its holder not recorded yet)`;
  const cmd = commandLine(holder.pid);
  return `the lock ${lockDir}, held by process ${holder.pid}${cmd ? ` (${cmd})` : ""}`;
}

/**
 * Whether the process a lock or a run's temporary directory names (its pid, and its start
 * time from /proc/PID/stat when recorded) is still the one running.
 */
export function holderAlive(holder: Holder): boolean {
  if (!processExists(holder.pid)) return false;
  const start = startTime(holder.pid);
  // Without /proc (not Linux) a live pid is all there is to go by.
  if (start === undefined) return true;
  if (holder.start !== undefined) return holder.start === start;
  // Recorded by an older release: only a Node process can be one of ours.
  return /(^|\/)node(\s|$)/.test(commandLine(holder.pid) ?? "");
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** This process as a lock or a temporary directory records its holder. */
export function thisProcess(): Holder {
  const start = startTime(process.pid);
  return start ? { pid: process.pid, start } : { pid: process.pid };
}

/** Field 22 of /proc/PID/stat (after the command name, which may hold spaces and parens). */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function commandLine(pid: number): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return text.split("\0").filter(Boolean).join(" ").slice(0, 200) || undefined;
  } catch {
    return undefined;
  }
}
