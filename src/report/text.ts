/** The verifier's findings for a terminal: one line per payload, one per finding. */
import type { PayloadReport } from "../verify/payload-set.js";
import type { Finding } from "../verify/rules.js";
import { basename, isAbsolute, relative } from "node:path";
import { untrustedText } from "../util/untrusted.js";
import { locationText } from "./sarif.js";

const LOADER_SAYS = {
  "refuses-upload": "refuses the upload",
  "refuses-apply": "takes the upload, refuses the apply",
  crashes: "crashes",
  accepts: "accepts it",
} as const;

export function displayPath(file: string, root: string): string {
  const rel = relative(root, file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}

export function countBySeverity(findings: readonly Finding[]): {
  error: number;
  warning: number;
  note: number;
} {
  const counts = { error: 0, warning: 0, note: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function payloadVerdict(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  if (c.error + c.warning + c.note === 0) return "clean";
  const parts = [];
  if (c.error) parts.push(`${c.error} error${c.error > 1 ? "s" : ""}`);
  if (c.warning) parts.push(`${c.warning} warning${c.warning > 1 ? "s" : ""}`);
  if (c.note) parts.push(`${c.note} note${c.note > 1 ? "s" : ""}`);
  return parts.join(", ");
}

/**
 * The report as text; files under `root` are named relative to it. File names and
 * messages (which quote a payload's strings and symbol names) are escaped, one line each.
 */
export function findingsText(payloads: readonly PayloadReport[], root: string): string {
  const lines: string[] = [];
  for (const p of payloads) {
    const on =
      p.stack.length > 0
        ? ` on ${p.stack.map((s) => untrustedText(basename(s))).join(" <- ")}`
        : "";
    lines.push(`${untrustedText(displayPath(p.file, root))}: ${payloadVerdict(p.findings)}${on}`);
    // The defect the hypervisor meets first: the one its refusal (or crash) will be about.
    if (p.loader && p.loader.verdict !== "accepts")
      lines.push(
        `  ${p.loader.version}'s loader: ${LOADER_SAYS[p.loader.verdict]} first for ${p.loader.ruleId ?? "?"}`,
      );
    for (const f of p.findings) {
      const where = locationText(f.location);
      const expected = f.expected ? " (expected: a deliberately defective self-test payload)" : "";
      const at = where ? ` [${untrustedText(where)}]` : "";
      lines.push(`  ${f.severity} ${f.ruleId}: ${untrustedText(f.message)}${at}${expected}`);
    }
  }
  return lines.join("\n") + "\n";
}
