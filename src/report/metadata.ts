/**
 * metadata.json: the one record of a run a release manager reads. For each payload what it
 * is (name, file, size, sha256, build-id, depends), where it sits in the stack, what it was
 * made from, what the verifier and the boot test said and how it is signed; for the run the
 * base it targets, the tools, and the workflow run. docs/metadata.md documents each field
 * and docs/metadata.schema.json is its JSON Schema (a test validates what we write).
 *
 * Paths of files in the output directory are relative to it, `/`-separated, so the record
 * stays true wherever the directory is unpacked (an artifact, a release).
 */
import { basename, relative, sep } from "node:path";
import type { PayloadOrigin, RunResult, SignatureRecord, SigningRecord } from "./result.js";
import type { XenSourceIdentity } from "../source/types.js";
import type { Finding } from "../verify/rules.js";
import { sha256File } from "../util/fs.js";
import { countBySeverity } from "./text.js";

/** Bumped on any change a reader has to know about; documented in docs/metadata.md. */
export const METADATA_SCHEMA_VERSION = 1;
export const METADATA_SCHEMA_ID =
  "https://xen-livepatch-ci.invalid/schemas/metadata/v1.schema.json";

export type { PayloadOrigin, SignatureRecord, SigningRecord } from "./result.js";

export interface WorkflowRunRecord {
  url: string;
  repository: string;
  runId: string;
  runAttempt: string;
  workflow: string;
  event: string;
  ref: string;
  sha: string;
}

export interface PayloadMetadata {
  name: string;
  file: string;
  size: number;
  sha256: string;
  buildId: string | null;
  depends: string | null;
  xenDepends: string | null;
  /** 0 for a payload on the hypervisor itself, n for one on top of n others. */
  position: number;
  /** The payloads below this one, oldest first (names). */
  stack: string[];
  origin: PayloadOrigin | null;
  verifier: {
    verdict: "clean" | "notes" | "warnings" | "errors";
    counts: { error: number; warning: number; note: number };
    findings: Array<Pick<Finding, "ruleId" | "severity" | "message"> & { expected: boolean }>;
  };
  signature: SignatureRecord | null;
  /** EXPERIMENTAL: the signature note embedded in the payload (Xen's 2025 proposal). */
  xenSignature: { section: string; algorithm: "rsa-sha256"; experimental: true } | null;
}

export interface Metadata {
  $schema: string;
  schemaVersion: number;
  verdict: RunResult["verdict"];
  reason: string | null;
  tool: { name: string; version: string };
  tools: { node: string; compiler: string | null };
  base: {
    source: XenSourceIdentity;
    config: { kind: string; digest: string };
    /** xen_compiler() of the built hypervisor: the compiler it was built with. */
    compiler: string | null;
    /** The values Xen embeds (xen_compile_date(), ...), as read back from xen-syms. */
    buildValues: Record<string, string>;
    xenSymsBuildId: string | null;
    /**
     * How the base compares with the hypervisor users run: Debian's package for Debian's
     * source, or the expected-build-id given; null when there was nothing to compare with.
     */
    reference: {
      kind: "debian-package" | "expected-build-id";
      description: string;
      buildId: string;
      identical: boolean;
    } | null;
    /** The image the boot test booted: the distribution's own when identical to it. */
    bootImage: string;
  } | null;
  /** The build-id of the hypervisor the payloads were verified against. */
  xenBuildId: string | null;
  payloads: PayloadMetadata[];
  scenario: {
    name: string;
    ok: boolean;
    counts: { passed: number; failed: number; notRun: number };
    steps: Array<{ name: string; status: string; message: string | null }>;
  } | null;
  signing: SigningRecord;
  workflowRun: WorkflowRunRecord | null;
}

export interface MetadataInputs {
  readonly result: RunResult;
  readonly outputDir: string;
  /** Where a payload is in the output directory (a prebuilt one is copied there). */
  readonly publishedFile: (file: string) => string;
  /** Signatures by the absolute path of the file they sign. */
  readonly signatures: ReadonlyMap<string, SignatureRecord>;
  readonly signing: SigningRecord;
  readonly workflowRun: WorkflowRunRecord | undefined;
}

/** A path inside the output directory as metadata names it; other paths stay absolute. */
export function outputPath(file: string, outputDir: string): string {
  const rel = relative(outputDir, file);
  return rel.startsWith("..") || rel === "" ? file : rel.split(sep).join("/");
}

function verifierVerdict(c: {
  error: number;
  warning: number;
  note: number;
}): PayloadMetadata["verifier"]["verdict"] {
  if (c.error > 0) return "errors";
  if (c.warning > 0) return "warnings";
  return c.note > 0 ? "notes" : "clean";
}

export async function buildMetadata(inputs: MetadataInputs): Promise<Metadata> {
  const { result, outputDir } = inputs;
  const nameOf = new Map(result.payloads.map((p) => [p.file, p.name]));
  const payloads = await Promise.all(
    result.payloads.map(async (p): Promise<PayloadMetadata> => {
      const counted = p.findings.filter((f) => !f.expected);
      const counts = countBySeverity(counted);
      return {
        name: p.name,
        file: outputPath(inputs.publishedFile(p.file), outputDir),
        size: p.size,
        sha256: await sha256File(inputs.publishedFile(p.file)),
        buildId: p.buildId ?? null,
        depends: p.depends ?? null,
        xenDepends: p.xenDepends ?? null,
        position: p.stack.length,
        stack: p.stack.map((s) => nameOf.get(s) ?? basename(s)),
        origin: result.origins[p.file] ?? null,
        verifier: {
          verdict: verifierVerdict(counts),
          counts,
          findings: p.findings.map((f) => ({
            ruleId: f.ruleId,
            severity: f.severity,
            message: f.message,
            expected: f.expected === true,
          })),
        },
        signature: inputs.signatures.get(p.file) ?? null,
        xenSignature: result.xenSignatures?.includes(p.file)
          ? { section: ".note.Xen.signature", algorithm: "rsa-sha256", experimental: true }
          : null,
      };
    }),
  );
  const base = result.base;
  const compiler = base?.buildInfo.xen_compiler ?? null;
  return {
    $schema: METADATA_SCHEMA_ID,
    schemaVersion: METADATA_SCHEMA_VERSION,
    verdict: result.verdict,
    reason: result.reason ?? null,
    tool: { ...result.tool },
    tools: { node: process.version, compiler },
    base: base
      ? {
          source: base.source,
          config: { kind: base.config.kind, digest: base.config.digest },
          compiler,
          buildValues: base.buildInfo,
          xenSymsBuildId: base.buildId ?? null,
          reference: base.reference
            ? {
                kind: base.reference.kind,
                description: base.reference.description,
                buildId: base.reference.buildId,
                identical: base.reference.identical,
              }
            : null,
          bootImage: base.bootImage,
        }
      : null,
    xenBuildId: result.xenBuildId ?? base?.buildId ?? null,
    payloads,
    scenario: result.scenario
      ? {
          name: result.scenario.scenario,
          ok: result.scenario.ok,
          counts: { ...result.scenario.counts },
          steps: result.scenario.steps.map((s) => ({
            name: s.name,
            status: s.status,
            message: s.message ?? null,
          })),
        }
      : null,
    signing: inputs.signing,
    workflowRun: inputs.workflowRun ?? null,
  };
}

/** The file's text: stable key order and a final newline, so it signs and diffs well. */
export function metadataJson(metadata: Metadata): string {
  return JSON.stringify(metadata, null, 2) + "\n";
}
