/**
 * How a failed step's message quotes what happened: a command, an excerpt of its output,
 * the lines Xen printed meanwhile.
 */
/** ` "text"` for one line, an indented block for several, ` nothing` for no output. */
export declare function excerpt(text: string): string;
export declare function indent(text: string): string;
/** Xen's console lines during a step, the last 30 at most. */
export declare function xenExcerpt(lines: readonly string[]): string;
/** A command as a message names it. */
export declare function what(command: string): string;
