/**
 * A run in plain text: the command line's closing report, and the notes about the boot
 * (its accelerator and timeline) and the cache that the job summary shows too.
 */
import { kvmUseText } from "../boot/kvm.js";
import type { RunResult } from "../pipeline.js";
import { reportText, runReport } from "./summary.js";
import type { CacheUse } from "../util/cache.js";
import { displayPath } from "./text.js";

/** "base: restored from KEY", "guest-tool: not in the cache; saved as KEY", ... */
export function cacheUseLine(use: CacheUse): string {
  if (use.restored === use.key) return `${use.entry}: restored (${use.key})`;
  if (use.restored) return `${use.entry}: restored ${use.restored}, a partial match for ${use.key}`;
  const after =
    use.saved === true
      ? "built and saved"
      : use.saved === false
        ? "built, not saved (see the log)"
        : "not saved";
  return `${use.entry}: not in the cache, ${after} (${use.key})`;
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`;

/** How the boot went, for people: which accelerator and why, and when dom0 came up. */
export function bootNotes(result: RunResult): string[] {
  const s = result.scenario;
  if (!s) return [];
  const notes = [
    `Boot timeline: Xen banner ${seconds(s.boot.firstSignOfLifeMs)}, dom0 ready ${seconds(s.boot.dom0ReadyMs)}, steps ${seconds(s.stepsMs)}, total ${seconds(s.boot.totalMs)}`,
  ];
  if (result.kvm) notes.unshift(`Boot test accelerator: ${kvmUseText(result.kvm)}`);
  return notes;
}

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
  return [
    `verdict: ${result.verdict}${result.reason ? ` (${result.reason})` : ""}`,
    reportText(runReport(result)).trimEnd(),
    "",
    ...files.map(([what, path]) => `${what}: ${displayPath(path, workspace)}`),
    "",
  ].join("\n");
}
