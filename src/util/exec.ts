import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, type WriteStream } from "node:fs";
import { dirname } from "node:path";

export interface RunOptions {
  cwd?: string;
  /** Added to (and overriding) the inherited environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Output is appended here, after a `$ command line` header. */
  logFile?: string;
  /** Written to the command's stdin (otherwise stdin is closed). */
  input?: string | Buffer;
  /** Called with each complete output line, for progress display. */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const TAIL_LINES = 20;

/** A command that ran and failed. The message carries the tail of its output. */
export class CommandError extends Error {
  override name = "CommandError";
  constructor(
    readonly commandLine: string,
    /** null when the command was killed by a signal. */
    readonly exitCode: number | null,
    readonly signal: NodeJS.Signals | null,
    readonly stdout: string,
    readonly stderr: string,
    tail: string[],
    readonly logFile?: string,
  ) {
    const how =
      exitCode === null
        ? `was killed by ${signal ?? "a signal"}`
        : `failed with exit code ${exitCode}`;
    const lines = [`Command ${how}: ${commandLine}`];
    if (tail.length > 0) lines.push(`--- last ${tail.length} lines of output ---`, ...tail);
    if (logFile) lines.push(`(full log: ${logFile})`);
    super(lines.join("\n"));
  }
}

/** The program to run is not installed (or not on PATH). */
export class MissingProgramError extends Error {
  override name = "MissingProgramError";
  constructor(readonly program: string) {
    const pkg = DEBIAN_PACKAGE_OF[program];
    const hint = pkg ? `install the Debian package '${pkg}'` : "install it";
    super(
      `'${program}' was not found on PATH: ${hint} (scripts/provision.sh installs what the Xen build needs)`,
    );
  }
}

// Programs this project runs, and the Debian package that provides each.
const DEBIAN_PACKAGE_OF: Record<string, string> = {
  "apt-get": "apt",
  "dpkg-source": "dpkg-dev",
  make: "make",
  gcc: "gcc",
  cc: "gcc",
  ld: "binutils",
  objcopy: "binutils",
  nm: "binutils",
  pahole: "dwarves",
  readelf: "binutils",
  python3: "python3",
  flex: "flex",
  bison: "bison",
  ccache: "ccache",
  git: "git",
  autoreconf: "autoconf",
  cp: "coreutils",
  "qemu-system-x86_64": "qemu-system-x86",
};

/** Shell-like rendering of a command, for logs and error messages only (never executed). */
export function formatCommandLine(cmd: string, args: readonly string[]): string {
  return [cmd, ...args]
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`))
    .join(" ");
}

/**
 * Runs a program (never through a shell), collecting its output. Rejects with a
 * CommandError on a non-zero exit, or a MissingProgramError when it is not installed.
 */
export async function runCommand(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  const commandLine = formatCommandLine(cmd, args);
  let log: WriteStream | undefined;
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    log = createWriteStream(opts.logFile, { flags: "a" });
    log.write(`$ ${commandLine}${opts.cwd ? `    (in ${opts.cwd})` : ""}\n`);
  }

  const chunks = { stdout: [] as string[], stderr: [] as string[] };
  const partial = { stdout: "", stderr: "" };
  // The last lines of both streams interleaved as they arrived: what an error shows.
  const tail: string[] = [];
  const takeLine = (line: string, stream: "stdout" | "stderr") => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    opts.onLine?.(line, stream);
  };

  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | Error>(
    (resolve) => {
      const child = spawn(cmd, args, {
        cwd: opts.cwd,
        env: { ...process.env, ...opts.env },
        stdio: [opts.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      });
      for (const stream of ["stdout", "stderr"] as const) {
        // Decoding in the stream keeps a UTF-8 character split across chunks intact.
        child[stream]?.setEncoding("utf8");
        child[stream]?.on("data", (data: string) => {
          chunks[stream].push(data);
          log?.write(data);
          const lines = (partial[stream] + data).split("\n");
          partial[stream] = lines.pop() ?? "";
          for (const line of lines) takeLine(line, stream);
        });
      }
      if (opts.input !== undefined) child.stdin?.end(opts.input);
      child.on("error", resolve);
      child.on("close", (code, signal) => resolve({ code, signal }));
    },
  );

  for (const stream of ["stdout", "stderr"] as const)
    if (partial[stream]) takeLine(partial[stream], stream);
  if (log) {
    const status =
      outcome instanceof Error ? outcome.message : `exit ${outcome.code ?? outcome.signal}`;
    log.write(`[${status}]\n`);
    await new Promise((resolve) => log.end(resolve));
  }

  if (outcome instanceof Error) {
    if ((outcome as NodeJS.ErrnoException).code === "ENOENT") {
      // spawn reports a missing working directory with the same code as a missing program.
      if (opts.cwd && !existsSync(opts.cwd))
        throw new Error(`Cannot run ${commandLine}: directory ${opts.cwd} does not exist`);
      throw new MissingProgramError(cmd);
    }
    throw new Error(`Cannot run ${commandLine}: ${outcome.message}`, { cause: outcome });
  }
  const stdout = chunks.stdout.join("");
  const stderr = chunks.stderr.join("");
  if (outcome.code !== 0) {
    throw new CommandError(
      commandLine,
      outcome.code,
      outcome.signal,
      stdout,
      stderr,
      tail,
      opts.logFile,
    );
  }
  return { stdout, stderr, exitCode: 0 };
}
