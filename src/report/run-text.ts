/**
 * A run in plain text: the command line's closing report, and the notes about the boot
 * (its accelerator and timeline) and the cache that the job summary shows too.
 */
import { basename } from "node:path";
import { kvmUseText } from "../boot/kvm.js";
import { type RunResult, describeSource, stepLine } from "../pipeline.js";
import type { CacheUse } from "../util/cache.js";
import { displayPath, payloadVerdict } from "./text.js";

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

/** The closing report of `run` and `boot`: what ran, what came out, where the files are. */
export function runReportText(result: RunResult, workspace: string): string {
  const lines = [`verdict: ${result.verdict}${result.reason ? ` (${result.reason})` : ""}`];
  lines.push(
    `stages: ${result.stages.map((s) => `${s.name} ${s.status} ${s.seconds.toFixed(1)} s`).join(", ")}`,
  );
  if (result.base) {
    lines.push(
      `base: ${describeSource(result.base.source)}, build-id ${result.base.buildId ?? "(none)"}${result.base.cached ? " (reused)" : ""}`,
    );
  }
  if (result.payloads.length > 0) {
    lines.push(`payloads (${result.payloads.length}):`);
    const width = Math.max(...result.payloads.map((p) => basename(p.file).length)) + 2;
    for (const p of result.payloads) {
      const expected = p.findings.length > 0 && p.findings.every((f) => f.expected);
      lines.push(
        `  ${basename(p.file).padEnd(width)} ${payloadVerdict(p.findings)}${expected ? " (expected)" : ""}`,
      );
    }
  }
  const s = result.scenario;
  if (s) {
    lines.push(
      `boot test ${s.scenario}: ${s.counts.passed} passed, ${s.counts.failed} failed, ${s.counts.notRun} not run`,
    );
    for (const note of bootNotes(result)) lines.push(`  ${note}`);
    for (const step of s.steps.filter((st) => st.status !== "passed")) {
      lines.push(`  ${stepLine(step)}`);
    }
  }
  for (const use of result.cache) lines.push(`cache: ${cacheUseLine(use)}`);
  lines.push(`report: ${displayPath(result.files.report, workspace)}`);
  lines.push(`sarif: ${displayPath(result.files.sarif, workspace)}`);
  if (s) lines.push(`junit: ${displayPath(result.files.junit, workspace)}`);
  lines.push(`logs: ${displayPath(result.files.logs, workspace)}`);
  return `${lines.join("\n")}\n`;
}
