/**
 * The run's report for people: one table of payloads (build-id, size, verifier verdict,
 * boot test result, signature), one of boot-test steps, one of stage timings, and links to
 * what was published. Built once as plain data; the action renders it into the job
 * summary (HTML), the command line onto the terminal (aligned text).
 */
import { basename } from "node:path";
import { kvmUseText } from "../boot/kvm.js";
import type { CacheUse } from "../util/cache.js";
import type { PayloadReport } from "../verify/payload-set.js";
import type { RunResult } from "./result.js";
import { payloadVerdict } from "./text.js";
import { oneLine } from "../util/untrusted.js";

export interface ReportTable {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

export interface RunReport {
  readonly title: string;
  /** Sentences under the title: why it failed, the base, the signing. */
  readonly notes: readonly string[];
  readonly tables: readonly ReportTable[];
  readonly links: ReadonlyArray<{ readonly text: string; readonly url: string }>;
}

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

/** How the boot test went for one payload: the steps whose commands use it. */
export function payloadScenarioResult(result: RunResult, payload: PayloadReport): string {
  const scenario = result.scenario;
  if (!scenario) return "not booted";
  // The IDs the scenario uploaded this file under (a scenario names payloads its own way).
  const ids = Object.entries(result.scenarioPayloads ?? {})
    .filter(([, file]) => file === payload.file)
    .map(([id]) => id);
  const names = ids.length > 0 ? ids : [payload.name, basename(payload.file)];
  const steps = scenario.steps.filter((s) =>
    s.commands.some((c) => c.command.split(/\s+/).some((word) => names.includes(word))),
  );
  if (steps.length === 0) return "not in the boot test";
  const failed = steps.filter((s) => s.status === "failed").length;
  const notRun = steps.filter((s) => s.status === "not-run").length;
  if (failed > 0) return `${failed} of ${steps.length} steps failed`;
  if (notRun > 0) return `${notRun} of ${steps.length} steps not run`;
  return `${steps.length} steps passed`;
}

/** The verifier's verdict; findings a self-test expects are marked so. */
function verifierText(p: PayloadReport): string {
  const unexpected = p.findings.filter((f) => !f.expected);
  if (p.findings.length > 0 && unexpected.length === 0)
    return `${payloadVerdict(p.findings)} (expected)`;
  return payloadVerdict(unexpected);
}

function signatureText(result: RunResult): string {
  const s = result.signing;
  if (!s) return "unsigned";
  return s.status === "signed" ? `minisign ${s.minisign.keyId}` : "unsigned";
}

export function runReport(result: RunResult): RunReport {
  const notes: string[] = [];
  if (result.reason) notes.push(result.reason);
  if (result.base) {
    const ref = result.base.reference;
    notes.push(
      `Base: xen-syms build-id ${result.base.buildId ?? "none"}${result.base.cached ? " (cached build)" : ""}` +
        (ref?.identical ? `, identical to ${ref.description}` : ""),
    );
  }
  if (result.signing?.status === "signed") {
    notes.push(
      `Signed with minisign key ${result.signing.minisign.keyId}; check a file with \`minisign -Vm FILE -p ${result.signing.minisign.publicKey}\``,
    );
  } else if (result.signing) notes.push(`Unsigned: ${result.signing.reason}`);
  if (result.scenario) {
    const { passed, failed, notRun } = result.scenario.counts;
    notes.push(
      `Boot test ${result.scenario.scenario}: ${passed} passed, ${failed} failed, ${notRun} not run`,
    );
  }
  notes.push(...bootNotes(result));
  if (result.published?.releaseSkipped) notes.push(result.published.releaseSkipped);
  for (const a of result.published?.attestations ?? [])
    notes.push(`Sigstore provenance attestation ${a.id ?? "(not stored)"} of ${a.subject}`);

  const tables: ReportTable[] = [];
  if (result.payloads.length > 0) {
    const signature = signatureText(result);
    tables.push({
      title: "Payloads",
      header: ["Payload", "Build-id", "Size", "Verifier", "Boot test", "Signature"],
      rows: result.payloads.map((p) => [
        p.name,
        p.buildId ? p.buildId.slice(0, 12) : "none",
        `${p.size}`,
        verifierText(p),
        payloadScenarioResult(result, p),
        signature,
      ]),
    });
  }
  const patched = result.payloads.flatMap((p) => {
    const origin = result.origins[p.file];
    if (origin?.kind !== "patch") return [];
    const from = origin.patches.map((x) => basename(x.path)).join(", ");
    return [
      ...origin.functions.map((f) => [p.name, f.name, f.why, from]),
      ...origin.added.map((name) => [p.name, name, "new function", from]),
    ];
  });
  if (patched.length > 0) {
    tables.push({
      title: "Functions the patches change",
      header: ["Payload", "Function", "Why", "Patches"],
      rows: patched,
    });
  }
  const ignored = result.payloads.flatMap((p) => {
    const origin = result.origins[p.file];
    if (origin?.kind !== "patch") return [];
    return origin.ignored.map((c) => [p.name, c.name, c.object, c.why]);
  });
  if (ignored.length > 0) {
    tables.push({
      title: "Init changes left out (ignore-init-changes)",
      header: ["Payload", "Init code", "Object", "Why"],
      rows: ignored,
    });
  }
  const leftOut = result.payloads.flatMap((p) => {
    const origin = result.origins[p.file];
    if (origin?.kind !== "patch") return [];
    return (origin.leftOut ?? []).map((f) => [p.name, f]);
  });
  if (leftOut.length > 0) {
    tables.push({
      title: "Files outside xen/ left out (a toolstack or docs part needs its own update)",
      header: ["Payload", "Patch: file"],
      rows: leftOut,
    });
  }
  if (result.scenario) {
    tables.push({
      title: `Boot test: ${result.scenario.scenario}`,
      header: ["Step", "Result", "Detail"],
      rows: result.scenario.steps.map((s) => [s.name, s.status, s.message ?? ""]),
    });
  }
  if (result.cache.length > 0) {
    tables.push({
      title: "GitHub cache (keys in docs/caching.md)",
      header: ["Entry"],
      rows: result.cache.map((use) => [cacheUseLine(use)]),
    });
  }
  tables.push({
    title: "Stages",
    header: ["Stage", "Result", "Seconds", "Detail"],
    rows: result.stages.map((s) => [s.name, s.status, s.seconds.toFixed(2), s.detail ?? ""]),
  });

  const links: Array<{ text: string; url: string }> = [];
  const artifact = result.published?.artifact;
  if (artifact?.url) links.push({ text: `Artifact ${artifact.name}`, url: artifact.url });
  const release = result.published?.release;
  if (release) links.push({ text: `Release ${release.tag}`, url: release.url });
  return {
    title: `Xen livepatch: ${result.verdict === "pass" ? "pass" : "FAIL"}`,
    notes,
    tables,
    links,
  };
}

// Control and bidirectional characters from a payload's strings are shown escaped, not
// rendered (a right-to-left override would reorder what follows it).
// (Line breaks and tabs stay: HTML shows them as spaces.)
const escapeHtml = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g, oneLine)
    .replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The report as the HTML the job summary shows (GitHub renders it as Markdown's HTML). */
export function reportHtml(report: RunReport): string {
  const parts = [`<h2>${escapeHtml(report.title)}</h2>`];
  for (const note of report.notes) parts.push(`<p>${escapeHtml(note)}</p>`);
  for (const table of report.tables) {
    parts.push(`<h3>${escapeHtml(table.title)}</h3>`, "<table>");
    parts.push(`<tr>${table.header.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>`);
    for (const row of table.rows)
      parts.push(`<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`);
    parts.push("</table>");
  }
  if (report.links.length > 0) {
    parts.push(
      `<p>${report.links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a>`).join(" · ")}</p>`,
    );
  }
  return parts.join("\n") + "\n";
}

/** The report for a terminal: the same tables, columns aligned, long cells cut. */
export function reportText(report: RunReport, maxCell = 80): string {
  const lines = [report.title, ...report.notes.map((n) => `  ${n}`)];
  for (const table of report.tables) {
    const cut = (c: string) => {
      const one = c.replace(/\s*\n\s*/g, " ");
      return one.length > maxCell ? `${one.slice(0, maxCell - 3)}...` : one;
    };
    const rows = [table.header, ...table.rows].map((r) => r.map(cut));
    const widths = table.header.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
    lines.push("", `${table.title}:`);
    for (const [i, row] of rows.entries()) {
      lines.push(
        "  " +
          row
            .map((c, j) => (j === row.length - 1 ? c : c.padEnd(widths[j] ?? 0)))
            .join("  ")
            .trimEnd(),
      );
      if (i === 0) lines.push("  " + widths.map((w) => "-".repeat(w)).join("  "));
    }
  }
  for (const link of report.links) lines.push(`${link.text}: ${link.url}`);
  return lines.join("\n") + "\n";
}
