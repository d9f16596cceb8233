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

const NAMED: Record<string, string> = { "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
// C0 controls, DEL and C1 (0x9b is a one-byte CSI); U+2028/9 and the bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|::/g;

/** The most of one untrusted string that is shown: a 10 MB `.modinfo` string is not. */
export const UNTRUSTED_MAX_LENGTH = 1000;

function escapeOne(match: string): string {
  if (match === "::") return ":\\x3a";
  const named = NAMED[match];
  if (named) return named;
  const code = match.codePointAt(0)!;
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, "0")}`
    : `\\u{${code.toString(16).padStart(4, "0")}}`;
}

/**
 * One untrusted string as one safe line: every unsafe character escaped (newlines too),
 * and cut to `maxLength` characters of the original with a note of how much was left out.
 */
export function untrustedText(text: string, maxLength = UNTRUSTED_MAX_LENGTH): string {
  const shown = text.length > maxLength ? text.slice(0, maxLength) : text;
  const cut = text.length - shown.length;
  const escaped = shown.replace(UNSAFE, escapeOne);
  return cut > 0 ? `${escaped}...(${cut} more characters)` : escaped;
}

/**
 * Text of several lines that quotes untrusted strings (a report, an error with a
 * command's last lines of output): each line escaped as by `untrustedText`, the line
 * breaks between them kept (a CR before a newline is dropped, as a terminal shows it).
 */
export function untrustedLines(text: string, maxLineLength = UNTRUSTED_MAX_LENGTH): string {
  return text
    .split("\n")
    .map((line) => untrustedText(line.endsWith("\r") ? line.slice(0, -1) : line, maxLineLength))
    .join("\n");
}

// The unsafe characters but the backslash, which a message's own text (a pattern) keeps.
// eslint-disable-next-line no-control-regex
const BREAKING = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]|::/g;

/**
 * A message of this tool's that quotes untrusted strings (a scenario's payload names and
 * steps) as one line: the characters that break a line, start a workflow command or a
 * terminal escape are escaped as by `untrustedText`; backslashes stay as they are.
 */
export function oneLine(message: string): string {
  return message.replace(BREAKING, escapeOne);
}

/**
 * Text about to reach a terminal or the runner's log (the command line's progress and
 * errors), made safe line by line as by `oneLine`, each line cut to `maxLineLength`
 * characters. Backslashes stay, so text already escaped where it was written (a report's
 * lines, a scenario's messages) is not escaped twice.
 */
export function safeLines(text: string, maxLineLength = UNTRUSTED_MAX_LENGTH): string {
  return text
    .split("\n")
    .map((line) => {
      const shown = line.endsWith("\r") ? line.slice(0, -1) : line;
      const cut = shown.length - maxLineLength;
      return cut > 0
        ? `${oneLine(shown.slice(0, maxLineLength))}...(${cut} more characters)`
        : oneLine(shown);
    })
    .join("\n");
}
