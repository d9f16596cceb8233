/**
 * Text this tool did not write (a payload's `.modinfo` strings and symbol names, file
 * names from a patch repository, dom0's and Xen's console output, a build's output), made
 * safe for the one place it reaches a log or a terminal. Raw, a newline in it starts a
 * line of its own, and a line starting `::` is a workflow command to the Actions runner
 * (`::error file=...::`, `::add-mask::`, `::stop-commands::`); an ESC starts a terminal
 * escape sequence, a CR or a bidirectional override hides what precedes it, a BEL rings.
 * JSON, SARIF, JUnit and the job summary escape by their own formats.
 *
 * The escapes are C's and reversible: `\\` for a backslash, `\n` `\r` `\t`, `\xNN` for the
 * other control characters (C0, DEL, C1), `\u{NNNN}` for line separators and bidirectional
 * controls, and `:\x3a` for the second colon of `::`, so no workflow command can form.
 */
/** The most of one untrusted string that is shown: a 10 MB `.modinfo` string is not. */
export declare const UNTRUSTED_MAX_LENGTH = 1000;
/**
 * One untrusted string as one safe line: every unsafe character escaped (newlines too),
 * and cut to `maxLength` characters of the original with a note of how much was left out.
 */
export declare function untrustedText(text: string, maxLength?: number): string;
/**
 * Text of several lines that quotes untrusted strings (a report, an error with a
 * command's last lines of output): each line escaped as by `untrustedText`, the line
 * breaks between them kept (a CR before a newline is dropped, as a terminal shows it).
 */
export declare function untrustedLines(text: string, maxLineLength?: number): string;
/**
 * A message of this tool's that quotes untrusted strings (a scenario's payload names and
 * steps) as one line: the characters that break a line, start a workflow command or a
 * terminal escape are escaped as by `untrustedText`; backslashes stay as they are.
 */
export declare function oneLine(message: string): string;
/**
 * Text about to reach a terminal or the runner's log (the command line's progress and
 * errors), made safe line by line as by `oneLine`, each line cut to `maxLineLength`
 * characters. Backslashes stay, so text already escaped where it was written (a report's
 * lines, a scenario's messages) is not escaped twice.
 */
export declare function safeLines(text: string, maxLineLength?: number): string;
