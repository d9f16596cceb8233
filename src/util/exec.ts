// The one way this tool runs a program: through execa (never a shell), with the command
// line and its output in a log file, each output line handed to a progress callback, and
// errors that carry the exit status and the last lines of output.
import {
  constants,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  type WriteStream,
} from "node:fs";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import { execa } from "execa";
import {
  InterruptedError,
  guardedCommand,
  interruptSignal,
  interruption,
  trackChild,
} from "./interrupt.js";

export interface RunOptions {
  cwd?: string;
  /**
   * Added to (and overriding) the environment a child inherits, which is only the
   * variables `childEnvironment` lets through; `undefined` removes a variable.
   */
  env?: Record<string, string | undefined>;
  /** Output is appended here, after a `$ command line` header. */
  logFile?: string;
  /** Written to the command's stdin (otherwise stdin is closed). */
  input?: string | Buffer;
  /** Called with each complete output line, for progress display. */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
}

/** What a program that ran printed, and its exit status. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const TAIL_LINES = 20;

/**
 * The variables a child process inherits from this one: what a program needs to run (its
 * search path, home, locale, where temporary files go) and nothing else. Every child may
 * be running code under review (a patch's Makefile is run by make), so the action's
 * inputs (INPUT_*, the signing key among them), XLCI_* keys, GITHUB_TOKEN and the
 * runner's ACTIONS_* URLs and tokens must never reach one (docs/security.md). The
 * variables a build needs beyond these (compiler, ccache, build values) are set by the
 * caller in `RunOptions.env`.
 */
const INHERITED_VARIABLES = new Set([
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "LANG",
  "LANGUAGE",
  "TZ",
  "TMPDIR",
]);
/**
 * Locale categories, ccache's own settings (its directory is set by the base build) and
 * autoconf's cache variables, which preset the answers of the guest tool's configure.
 */
const INHERITED_PREFIXES = ["LC_", "CCACHE_", "ac_cv_"];

/**
 * The environment of a child process: the allow-listed variables of `parent` (see
 * INHERITED_VARIABLES), then `extra` on top (`undefined` removes a variable).
 */
export function childEnvironment(
  extra: Record<string, string | undefined> = {},
  parent: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined) continue;
    if (INHERITED_VARIABLES.has(name) || INHERITED_PREFIXES.some((p) => name.startsWith(p)))
      env[name] = value;
  }
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

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
 * The error for a program that could not be started at all (`code` is the spawn error's,
 * e.g. ENOENT): a missing program names its Debian package, a missing working directory
 * says so (spawn reports both as ENOENT).
 */
export function startError(
  program: string,
  commandLine: string,
  code: string | undefined,
  message: string,
  cwd?: string,
  cause?: unknown,
): Error {
  if (code === "ENOENT") {
    if (cwd && !existsSync(cwd))
      return new Error(`Cannot run ${commandLine}: directory ${cwd} does not exist`);
    return new MissingProgramError(program);
  }
  return new Error(`Cannot run ${commandLine}: ${message}`, { cause });
}

/**
 * Why `program` cannot be started in `cwd` with `env`'s PATH, before it is: the guard every
 * child runs under (guardedCommand) is a shell, which would report a missing program as
 * its own exit status 127.
 */
export function cannotStart(
  program: string,
  commandLine: string,
  env: Record<string, string>,
  cwd?: string,
): Error | undefined {
  if (cwd && !existsSync(cwd)) return startError(program, commandLine, "ENOENT", "", cwd);
  const found = program.includes("/")
    ? existsSync(isAbsolute(program) || !cwd ? program : join(cwd, program))
    : (env.PATH ?? "").split(delimiter).some((dir) => dir && existsSync(join(dir, program)));
  return found ? undefined : startError(program, commandLine, "ENOENT", "");
}

/**
 * Runs a program (never through a shell of its own: see guardedCommand for the guard it
 * runs under), collecting its output. Rejects with a CommandError on a non-zero exit, a
 * MissingProgramError when it is not installed, and an InterruptedError when the run was
 * interrupted (src/util/interrupt.ts) while it ran: then a killed make is not a failed build.
 */
export async function runCommand(
  cmd: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<CommandResult> {
  const commandLine = formatCommandLine(cmd, args);
  const env = childEnvironment(opts.env);
  const unstartable = cannotStart(cmd, commandLine, env, opts.cwd);
  if (unstartable) throw unstartable;
  let log: WriteStream | undefined;
  if (opts.logFile) {
    mkdirSync(dirname(opts.logFile), { recursive: true });
    // Never through a link: a log file's path is in the output directory (src/run-directories.ts).
    const { O_WRONLY, O_CREAT, O_APPEND, O_NOFOLLOW } = constants;
    const fd = openSync(opts.logFile, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW, 0o644);
    log = createWriteStream(opts.logFile, { fd });
    log.write(`$ ${commandLine}${opts.cwd ? `    (in ${opts.cwd})` : ""}\n`);
  }

  // The last lines of both streams interleaved as they arrived: what an error shows.
  const tail: string[] = [];
  // Sees each line (with its newline, so the output and the log stay byte for byte what
  // the program wrote) as it arrives, and passes it on unchanged.
  const follow = (stream: "stdout" | "stderr") => ({
    *transform(chunk: string) {
      log?.write(chunk);
      const line = chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk;
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      opts.onLine?.(line, stream);
      yield chunk;
    },
    preserveNewlines: true,
  });

  const guarded = guardedCommand(cmd, args);
  const child = execa(guarded.cmd, guarded.args, {
    cwd: opts.cwd,
    env,
    extendEnv: false,
    // Its own process group, ended whole when the run is interrupted.
    detached: true,
    cancelSignal: interruptSignal(),
    ...(opts.input === undefined ? { stdin: "ignore" as const } : { input: opts.input }),
    stdout: [follow("stdout")],
    stderr: [follow("stderr")],
    stripFinalNewline: false,
    maxBuffer: Infinity,
    reject: false,
  });
  const release = trackChild(child.pid);
  const result = await child.finally(release);

  const started = result.exitCode !== undefined || result.signal !== undefined;
  if (log) {
    const status = started
      ? `exit ${result.exitCode ?? result.signal}`
      : (result.originalMessage ?? result.shortMessage ?? "could not start");
    await new Promise<void>((resolve) => log.end(`[${status}]\n`, resolve));
  }

  if (!started) {
    throw startError(
      cmd,
      commandLine,
      result.code,
      result.originalMessage ?? result.shortMessage ?? "could not start",
      opts.cwd,
      result.cause,
    );
  }
  const interrupted = interruption();
  if (interrupted && (result.failed || result.isCanceled)) throw new InterruptedError(interrupted);
  if (result.failed) {
    throw new CommandError(
      commandLine,
      result.exitCode ?? null,
      result.signal ?? null,
      result.stdout,
      result.stderr,
      tail,
      opts.logFile,
    );
  }
  return { stdout: result.stdout, stderr: result.stderr, exitCode: 0 };
}
