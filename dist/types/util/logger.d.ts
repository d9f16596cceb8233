/**
 * How stages talk to the person running them. The action maps this onto the runner's log
 * groups; the command line prints to stderr. Stages never print directly.
 */
export interface Logger {
    info(message: string): void;
    warning(message: string): void;
    /** A line of the guest's serial console: the action shows it in the stage's group; the terminal keeps it to the log file. */
    console(line: string): void;
    /** Runs `fn` inside a collapsible group; the group is closed even when `fn` throws. */
    group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}
/**
 * `logger` with every message, console line and group title made safe for a log or a
 * terminal (src/util/untrusted.ts): the place where untrusted text (names from payloads
 * and patches, dom0's output, a build's output in an error) reaches one. Line breaks stay.
 */
export declare function safeLogger(logger: Logger): Logger;
/** A logger for the terminal: groups become headed sections on stderr. */
export declare function terminalLogger(stream?: NodeJS.WritableStream, quiet?: boolean): Logger;
