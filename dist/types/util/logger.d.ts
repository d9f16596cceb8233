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
/** A logger for the terminal: groups become headed sections on stderr. */
export declare function terminalLogger(stream?: NodeJS.WritableStream, quiet?: boolean): Logger;
