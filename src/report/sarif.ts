/**
 * Verifier findings as SARIF 2.1.0, the format GitHub code scanning ingests.
 * Payloads are binary files: a finding's place inside one (section, entry, offset) goes in
 * the message and a logical location, and the physical location names the file.
 */
import { createHash } from "node:crypto";
import { isAbsolute, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import type { Log } from "sarif";
import { type Finding, type FindingLocation, RULES, ruleVersions } from "../verify/rules.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";

export function locationText(l: FindingLocation): string {
  const parts: string[] = [];
  if (l.section !== undefined)
    parts.push(l.sectionIndex !== undefined ? `${l.section} [${l.sectionIndex}]` : l.section);
  if (l.entry !== undefined) parts.push(`entry ${l.entry}`);
  if (l.offset !== undefined)
    parts.push(`offset ${typeof l.offset === "string" ? l.offset : `0x${l.offset.toString(16)}`}`);
  if (l.symbol !== undefined) parts.push(`symbol ${l.symbol}`);
  return parts.join(", ");
}

/**
 * A file URI relative to `root` when inside it (what code scanning links), else absolute;
 * either percent-encoded as RFC 3986 wants (a space, `#`, `%` or `?` in a name would
 * otherwise end or change the URI). pathToFileURL encodes the absolute form itself.
 */
export function artifactUri(file: string, root: string): string {
  const rel = relative(root, file);
  if (rel && !rel.startsWith("..") && !isAbsolute(rel))
    return rel.split(sep).map(encodeURIComponent).join("/");
  return pathToFileURL(file).href;
}

/** SARIF wants `name` readable and distinct from the opaque `id`: rela-symbol-zero -> RelaSymbolZero. */
const friendlyName = (id: string) =>
  id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

export function toSarif(findings: readonly Finding[], root: string): Log {
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            rules: RULES.map((r) => ({
              id: r.id,
              name: friendlyName(r.id),
              shortDescription: { text: r.title },
              defaultConfiguration: { level: r.severity },
              // loader: Xen 4.17's verdict; versions: where later releases differ.
              properties: {
                loader: r.loader,
                basis: r.basis,
                ...(ruleVersions(r).length > 0 ? { versions: ruleVersions(r) } : {}),
              },
            })),
          },
        },
        results: findings.map((f) => {
          const where = locationText(f.location);
          const uri = artifactUri(f.file, root);
          return {
            ruleId: f.ruleId,
            ruleIndex: ruleIndex.get(f.ruleId),
            level: f.severity,
            message: { text: where ? `${f.message} (${where})` : f.message },
            locations: [
              {
                physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } },
                ...(where ? { logicalLocations: [{ name: where, kind: "member" }] } : {}),
              },
            ],
            partialFingerprints: {
              "xenLivepatchFinding/v1": createHash("sha256")
                .update(`${f.ruleId}\0${uri}\0${where}`)
                .digest("hex"),
            },
          };
        }),
      },
    ],
  };
}
