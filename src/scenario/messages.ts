/**
 * How a failed step's message quotes what happened: a command, an excerpt of its output,
 * the lines Xen printed meanwhile.
 */

/** Longest excerpt of a command's output a message quotes. */
const EXCERPT_CHARS = 600;

/** ` "text"` for one line, an indented block for several, ` nothing` for no output. */
export function excerpt(text: string): string {
  const t = text.trim();
  if (t === "") return " nothing";
  const short = t.length > EXCERPT_CHARS ? `...${t.slice(-EXCERPT_CHARS)}` : t;
  return short.includes("\n") ? `\n${indent(short)}` : ` "${short}"`;
}

export function indent(text: string): string {
  return text
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
}

/** Xen's console lines during a step, the last 30 at most. */
export function xenExcerpt(lines: readonly string[]): string {
  if (lines.length === 0) return "Xen printed nothing during this step";
  const shown = lines.length > 30 ? ["...", ...lines.slice(-30)] : lines;
  return `Xen printed during this step:\n${indent(shown.join("\n"))}`;
}

/** A command as a message names it. */
export function what(command: string): string {
  return `\`${command}\``;
}
