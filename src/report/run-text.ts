/** A run in plain text: the command line's closing report. */
import type { RunResult } from "./result.js";
import { reportText, runReport } from "./summary.js";
import { untrustedLines } from "../util/untrusted.js";
import { displayPath } from "./text.js";

// The boot and cache notes are the summary's; the command line's closing report shows them too.
export { bootNotes, cacheUseLine } from "./summary.js";

/**
 * The closing report of `run` and `boot`: the verdict, the same report as the job summary
 * (tables aligned for a terminal), and where the files are.
 */
export function runReportText(result: RunResult, workspace: string): string {
  const files: Array<[string, string]> = [
    ["report", result.files.report],
    ["metadata", result.files.metadata],
    ["sarif", result.files.sarif],
    ...(result.scenario ? [["junit", result.files.junit] as [string, string]] : []),
    ["logs", result.files.logs],
  ];
  // The reason and the report quote payload names, dom0's output and build output.
  return untrustedLines(
    [
      `verdict: ${result.verdict}${result.reason ? ` (${result.reason})` : ""}`,
      reportText(runReport(result)).trimEnd(),
      "",
      ...files.map(([what, path]) => `${what}: ${displayPath(path, workspace)}`),
      "",
    ].join("\n"),
  );
}
