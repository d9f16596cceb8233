/**
 * What the command line shows while a run goes: each stage as a headed section with its
 * time, a progress line every so often while a long build writes its log (the build's own
 * output stays in the log file), and a timeline of the boot test read from the serial
 * console (Xen's banner, dom0's kernel, dom0 ready, each guest step, power-off).
 */
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { parseAnyMarker } from "./boot/init-script.js";
import { detectCrash } from "./boot/console.js";
import type { Logger } from "./util/logger.js";
import { safeLines } from "./util/untrusted.js";

export interface ProgressOptions {
  /** The run's log directory (`<output-dir>/logs`): the newest log there is the one growing. */
  logsDir: string;
  /** How often a progress line is printed while a stage runs; 0 turns them off. */
  intervalMs?: number;
  /** Milliseconds on a clock; tests pass their own. */
  now?: () => number;
}

/** A milestone of the boot, read from one console line; undefined for the other lines. */
export function bootMilestone(line: string): string | undefined {
  const xen = /\(XEN\) Xen version (\S+)/.exec(line);
  if (xen) return `Xen ${xen[1]} started`;
  if (/\(XEN\) \*\*\* Building a PV Dom0 \*\*\*|\(XEN\) Dom0 has maximum/.test(line))
    return "Xen is building dom0";
  const linux = /Linux version (\S+)/.exec(line);
  if (linux && !line.includes("(XEN)")) return `dom0 kernel ${linux[1]} started`;
  const crash = detectCrash(line);
  if (crash) return `${crash.kind}: ${crash.match}`;
  const found = parseAnyMarker(line);
  if (!found) return undefined;
  const m = found.marker;
  switch (m.kind) {
    case "setup-begin":
      return "dom0 /init: loading modules, mounting xenfs";
    case "setup-end":
      return m.rc === 0 ? "dom0 ready" : `dom0 setup failed (status ${m.rc})`;
    // Steps pass or fail by what the scenario expects, not by status: the report judges them.
    case "step-begin":
    case "step-end":
      return undefined;
    case "done":
      return "guest steps done, powering off";
  }
}

/** The last complete line of a file's tail, trimmed to fit a terminal line. */
export function lastLine(tail: string, width = 100): string | undefined {
  const lines = tail
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const line = lines.at(-1);
  if (line === undefined) return undefined;
  return line.length > width ? `${line.slice(0, width - 3)}...` : line;
}

const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

/** A terminal logger that shows progress on `stream` (stderr: stdout stays for the report). */
export function progressLogger(stream: NodeJS.WritableStream, opts: ProgressOptions): Logger {
  const now = opts.now ?? (() => performance.now());
  const interval = opts.intervalMs ?? 15_000;
  // Every line is made safe here: messages, milestones and log tails quote untrusted text.
  const write = (line: string) => void stream.write(`${safeLines(line)}\n`);
  let groupStart = now();
  let lastMilestone = "";

  /** Every interval: how long the stage has run and the newest line of the growing log. */
  async function tick(): Promise<void> {
    const log = await newestLog(opts.logsDir);
    // The serial console has its own timeline.
    const tail = log && !log.endsWith("console.log") ? await readTail(log) : undefined;
    const line = tail === undefined ? undefined : lastLine(tail);
    write(`    ... ${formatSeconds(now() - groupStart).trim()}${line ? `: ${line}` : ""}`);
  }

  return {
    info: write,
    warning: (m) => write(`warning: ${m}`),
    console(line) {
      const milestone = bootMilestone(line);
      // A crash report repeats its headline; say it once.
      if (!milestone || milestone === lastMilestone) return;
      lastMilestone = milestone;
      write(`    [boot ${formatSeconds(now() - groupStart)}] ${milestone}`);
    },
    async group(title, fn) {
      groupStart = now();
      lastMilestone = "";
      write(`==> ${title}`);
      const timer =
        interval > 0
          ? setInterval(() => {
              tick().catch(() => undefined);
            }, interval)
          : undefined;
      // Progress is a courtesy: the process does not stay up for it.
      timer?.unref();
      try {
        const value = await fn();
        write(`<== ${title}: done in ${formatSeconds(now() - groupStart).trim()}`);
        return value;
      } catch (e) {
        write(`<== ${title}: failed after ${formatSeconds(now() - groupStart).trim()}`);
        throw e;
      } finally {
        clearInterval(timer);
      }
    },
  };
}

async function newestLog(dir: string): Promise<string | undefined> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let newest: { path: string; mtime: number } | undefined;
  for (const name of names.filter((n) => n.endsWith(".log"))) {
    const path = join(dir, name);
    const mtime = (await stat(path)).mtimeMs;
    if (!newest || mtime > newest.mtime) newest = { path, mtime };
  }
  return newest?.path;
}

async function readTail(path: string, bytes = 4096): Promise<string> {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - bytes);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    return buffer.toString("utf8");
  } finally {
    await handle.close();
  }
}
