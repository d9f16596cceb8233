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
/**
 * The environment of a child process: the allow-listed variables of `parent` (see
 * INHERITED_VARIABLES), then `extra` on top (`undefined` removes a variable).
 */
export declare function childEnvironment(extra?: Record<string, string | undefined>, parent?: NodeJS.ProcessEnv): Record<string, string>;
/** A command that ran and failed. The message carries the tail of its output. */
export declare class CommandError extends Error {
    readonly commandLine: string;
    /** null when the command was killed by a signal. */
    readonly exitCode: number | null;
    readonly signal: NodeJS.Signals | null;
    readonly stdout: string;
    readonly stderr: string;
    readonly logFile?: string | undefined;
    name: string;
    constructor(commandLine: string, 
    /** null when the command was killed by a signal. */
    exitCode: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string, tail: string[], logFile?: string | undefined);
}
/** The program to run is not installed (or not on PATH). */
export declare class MissingProgramError extends Error {
    readonly program: string;
    name: string;
    constructor(program: string);
}
/** Shell-like rendering of a command, for logs and error messages only (never executed). */
export declare function formatCommandLine(cmd: string, args: readonly string[]): string;
/**
 * The error for a program that could not be started at all (`code` is the spawn error's,
 * e.g. ENOENT): a missing program names its Debian package, a missing working directory
 * says so (spawn reports both as ENOENT).
 */
export declare function startError(program: string, commandLine: string, code: string | undefined, message: string, cwd?: string, cause?: unknown): Error;
/**
 * Why `program` cannot be started in `cwd` with `env`'s PATH, before it is: the guard every
 * child runs under (guardedCommand) is a shell, which would report a missing program as
 * its own exit status 127.
 */
export declare function cannotStart(program: string, commandLine: string, env: Record<string, string>, cwd?: string): Error | undefined;
/**
 * Runs a program (never through a shell of its own: see guardedCommand for the guard it
 * runs under), collecting its output. Rejects with a CommandError on a non-zero exit, a
 * MissingProgramError when it is not installed, and an InterruptedError when the run was
 * interrupted (src/util/interrupt.ts) while it ran: then a killed make is not a failed build.
 */
export declare function runCommand(cmd: string, args: readonly string[], opts?: RunOptions): Promise<CommandResult>;
