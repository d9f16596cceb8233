/**
 * The expectations any step may carry, judged against what ran: `output` against a
 * command's output, `console` against Xen's lines, `list` against `xen-livepatch list`.
 * Each failing one is a sentence saying what was expected and what was there.
 */
import { RegexTimeout, firstMatch } from "./bounded-regex.js";
import { excerpt, what, xenExcerpt } from "./messages.js";
import type { ListExpectation, OutputCheck, ScenarioStep } from "./types.js";
import { formatErrno } from "./validator.js";

/** One payload as `xen-livepatch list` shows it. */
export interface ListedPayload {
  name: string;
  /** CHECKED, APPLIED (or what else the tool prints). */
  state: string;
  /** The error in the status column, `CHECKED (22, Invalid argument)`. */
  error?: { number: number; text: string };
  /** The metadata column split at `;`, empty entries dropped. */
  metadata: string[];
  /** The status column as printed. */
  status: string;
}

/** The table `xen-livepatch list` prints; empty for "Nothing to list". */
export function parseListOutput(output: string): ListedPayload[] {
  const lines = output.split("\n");
  const rule = lines.findIndex((l) => /^-+\+-+\+-*$/.test(l.trim()));
  if (rule < 0) return [];
  const out: ListedPayload[] = [];
  for (const line of lines.slice(rule + 1)) {
    const bar = line.indexOf("|");
    if (bar < 0) continue;
    const rest = line.slice(bar + 1);
    const bar2 = rest.indexOf("|");
    const status = (bar2 < 0 ? rest : rest.slice(0, bar2)).trim();
    const metadata = bar2 < 0 ? "" : rest.slice(bar2 + 1).trim();
    const m = /^(\S+)(?:\s+\((-?\d+),\s*([^)]*)\))?/.exec(status);
    out.push({
      name: line.slice(0, bar).trim(),
      state: m?.[1] ?? status,
      ...(m?.[2] !== undefined ? { error: { number: Number(m[2]), text: m[3]!.trim() } } : {}),
      metadata: metadata
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean),
      status,
    });
  }
  return out;
}

/**
 * dom0's kernel writes its log to the same console as the steps' commands, so a message it
 * prints meanwhile (`[    6.77] clocksource: ...`, a timestamped printk line) lands in a
 * step's output; the output checks judge what the command printed, without those lines.
 */
function withoutKernelLog(output: string): string {
  return output
    .split("\n")
    .filter((line) => !/^\[\s*\d+\.\d+\] /.test(line))
    .join("\n");
}

/** The output checks that fail, each as a sentence. */
export function checkOutput(check: OutputCheck, printed: string, command: string): string[] {
  const problems: string[] = [];
  const output = withoutKernelLog(printed);
  const got = `but it was${excerpt(printed)}`;
  const of = `the output of ${what(command)}`;
  if (check.equals !== undefined && output.trim() !== check.equals.trim()) {
    problems.push(`expected ${of} to be "${check.equals}", ${got}`);
  }
  for (const text of check.contains) {
    if (!output.includes(text)) problems.push(`expected ${of} to contain "${text}", ${got}`);
  }
  for (const re of check.matches) {
    try {
      if (firstMatch(re, "m", [output]) < 0)
        problems.push(`expected ${of} to match /${re}/, ${got}`);
    } catch (e) {
      if (!(e instanceof RegexTimeout)) throw e;
      problems.push(`${of}: ${e.message}`);
    }
  }
  for (const text of check.lacks) {
    if (output.includes(text)) problems.push(`expected ${of} not to contain "${text}", ${got}`);
  }
  return problems;
}

/** The first console expectation not found in order, as a sentence; undefined when all are. */
export function checkConsole(
  expected: ScenarioStep["console"],
  lines: readonly string[],
): string | undefined {
  let from = 0;
  for (const [i, e] of expected.entries()) {
    const find = (start: number) =>
      e.regex
        ? firstMatch(e.text, "", lines, start)
        : lines.findIndex((l, n) => n >= start && l.includes(e.text));
    let at: number;
    let anywhere: boolean;
    try {
      at = find(from);
      anywhere = at >= 0 || find(0) >= 0;
    } catch (err) {
      if (!(err instanceof RegexTimeout)) throw err;
      return `Xen's console: ${err.message}`;
    }
    if (at >= 0) {
      from = at + 1;
      continue;
    }
    const shown = (x: (typeof expected)[number]) => (x.regex ? `/${x.text}/` : `"${x.text}"`);
    const where =
      i === 0
        ? ""
        : anywhere
          ? ` after ${shown(expected[i - 1]!)} (it came earlier)`
          : ` after ${shown(expected[i - 1]!)}`;
    const order =
      expected.length > 1 ? ` (expected in order: ${expected.map(shown).join(", ")})` : "";
    return `expected Xen's console to show ${shown(e)}${where}${order}, but it did not; ${xenExcerpt(lines)}`;
  }
  return undefined;
}

/** The list expectations that fail, each as a sentence. */
export function checkList(expected: readonly ListExpectation[], output: string): string[] {
  const listed = parseListOutput(output);
  const problems: string[] = [];
  for (const e of expected) {
    const entry = listed.find((p) => p.name === e.payload);
    if (e.state === "absent") {
      if (entry) {
        problems.push(
          `expected ${e.payload} to be absent from xen-livepatch list, but it is listed as ${entry.status}`,
        );
      }
      continue;
    }
    if (!entry) {
      problems.push(
        `expected xen-livepatch list to show ${e.payload} ${e.state}, but ${e.payload} is not listed` +
          ` (the list:${excerpt(output)})`,
      );
      continue;
    }
    if (entry.state !== e.state) {
      problems.push(
        `expected xen-livepatch list to show ${e.payload} ${e.state}, but it shows ${e.payload} ${entry.status}`,
      );
    }
    if (e.errno && entry.error?.number !== e.errno.number) {
      problems.push(
        `expected ${e.payload}'s status to show error ${formatErrno(e.errno)}, but it shows ${entry.status}`,
      );
    }
    for (const m of e.metadata) {
      if (!entry.metadata.includes(m)) {
        const shown = entry.metadata.length ? `"${entry.metadata.join(";")}"` : "empty";
        problems.push(
          `expected ${e.payload}'s metadata in xen-livepatch list to include "${m}", but it is ${shown}`,
        );
      }
    }
  }
  return problems;
}
