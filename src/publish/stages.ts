/**
 * The last two stages of the pipeline: sign (payloads, then metadata.json, which lists the
 * payload signatures) and publish (the workflow artifact, the tag's release, attestations).
 * Only a run that passed is signed or released; a failed one still leaves an unsigned
 * metadata.json and, when asked, an artifact to debug from.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { Options } from "../options.js";
import type { Published, RunResult, SigningRecord } from "../report/result.js";
import {
  type SignatureRecord,
  buildMetadata,
  metadataJson,
  outputPath,
} from "../report/metadata.js";
import { type SigningKey, keyIdHex } from "../sign/minisign.js";
import { type StageSummary, keepOnFailure } from "../stage-context.js";
import { signOne, writePublicKey } from "../sign/outputs.js";
import { XEN_SIGNATURE_SECTION, embedXenSignature } from "../sign/xen-note.js";
import type { Logger } from "../util/logger.js";
import { uploadArtifact } from "./artifact.js";
import { TAG_REF_PREFIX, publishRelease } from "./release.js";
import { attestPayloads } from "./attest.js";

export type { Published } from "../report/result.js";

const inside = (file: string, dir: string) => {
  const rel = relative(dir, file);
  return rel !== "" && !rel.startsWith("..");
};

/** Each run's payload copies, made once: signing changes them after they are made. */
const placements = new WeakMap<RunResult, Map<string, string>>();

/**
 * Payloads given from elsewhere (prebuilt ones) are copied into the output directory, so
 * it holds every file metadata.json names; the user's files are never changed. Returns
 * the published copy of each payload.
 */
async function payloadsInOutput(
  result: RunResult,
  outputDir: string,
): Promise<Map<string, string>> {
  const made = placements.get(result);
  if (made) return made;
  const placed = new Map<string, string>();
  placements.set(result, placed);
  for (const p of result.payloads) {
    if (inside(p.file, outputDir)) {
      placed.set(p.file, p.file);
      continue;
    }
    const copy = join(outputDir, "payloads", basename(p.file));
    await mkdir(join(outputDir, "payloads"), { recursive: true });
    await copyFile(p.file, copy);
    placed.set(p.file, copy);
  }
  return placed;
}

/** How the outputs were signed: the run's result gets it from the sign stage. */
export interface SigningOutcome {
  signing: SigningRecord;
  /** Payloads (by file) that carry the experimental embedded Xen signature note. */
  xenSignatures?: string[];
}

export async function writeMetadata(
  result: RunResult,
  options: Options,
  signed: SigningOutcome,
  signatures: ReadonlyMap<string, SignatureRecord>,
): Promise<void> {
  const placed = await payloadsInOutput(result, options.outputDir);
  const metadata = await buildMetadata({
    result: { ...result, ...signed },
    outputDir: options.outputDir,
    publishedFile: (file) => placed.get(file) ?? file,
    signatures,
    signing: signed.signing,
    workflowRun: options.github?.run,
  });
  await writeFile(result.files.metadata, metadataJson(metadata));
}

export interface SignStageResult extends SigningOutcome, StageSummary {
  /** The files a release publishes. */
  releaseFiles: string[];
}

/** Whether the sign stage runs: a key was given (or refused on an untrusted event). */
export function signingAsked(options: Options): boolean {
  return Boolean(options.signingKey || options.xenSignatureKey || options.signingRefused);
}

/**
 * Writes metadata.json unsigned, for `reason`. Returns the files a release publishes. Without
 * a key (signingAsked false) this is all the run does of signing, with no sign stage.
 */
export async function unsignedOutputs(
  result: RunResult,
  options: Options,
  reason: string,
  xenSignatures?: string[],
): Promise<SigningOutcome & { releaseFiles: string[] }> {
  const signed = {
    signing: { status: "unsigned", reason } as const,
    ...(xenSignatures ? { xenSignatures } : {}),
  };
  await writeMetadata(result, options, signed, new Map());
  const placed = await payloadsInOutput(result, options.outputDir);
  return { ...signed, releaseFiles: [result.files.metadata, ...placed.values()] };
}

/**
 * The sign stage: writes metadata.json, signed when a key is given and the run passed
 * (skipped, unsigned, when it failed or the event is not trusted).
 */
export async function signStage(
  result: RunResult,
  options: Options,
  log: Logger,
): Promise<SignStageResult> {
  const out = options.outputDir;
  const key = options.signingKey;
  const xenKey = options.xenSignatureKey;
  const why = options.signingRefused
    ? options.signingRefused
    : result.verdict !== "pass"
      ? `not signed: the run failed (${result.reason ?? "see the report"})`
      : undefined;
  if (why) {
    log.warning(why);
    return { ...(await unsignedOutputs(result, options, why)), detail: why, skipped: true };
  }
  const placed = await payloadsInOutput(result, out);
  let xenSignatures: string[] | undefined;
  if (xenKey) {
    // Into the payload itself, so before the detached signatures that cover its bytes.
    for (const file of placed.values()) await embedXenSignature(file, xenKey);
    xenSignatures = result.payloads.map((p) => p.file);
    log.warning(
      `EXPERIMENTAL: ${placed.size} payload(s) carry ${XEN_SIGNATURE_SECTION} (RSA/SHA-256), which no released Xen checks yet`,
    );
  }
  return keepOnFailure<SignStageResult, Partial<SignStageResult>>(
    () => (xenSignatures ? { xenSignatures } : {}),
    async () => {
      if (!key) {
        const unsigned = await unsignedOutputs(
          result,
          options,
          "no signing key was given (only the experimental Xen signature note)",
          xenSignatures,
        );
        const detail = `${placed.size} payload(s) with an embedded Xen signature note; no minisign key`;
        return { ...unsigned, detail };
      }
      return signWith(key, result, options, placed, xenSignatures, log);
    },
  );
}

/** The payloads and metadata.json signed with minisign `key`, the public key beside them. */
async function signWith(
  key: SigningKey,
  result: RunResult,
  options: Options,
  placed: ReadonlyMap<string, string>,
  xenSignatures: string[] | undefined,
  log: Logger,
): Promise<SignStageResult> {
  const out = options.outputDir;
  const signatures = new Map<string, SignatureRecord>();
  for (const p of result.payloads) {
    signatures.set(p.file, await signOne(key, placed.get(p.file) ?? p.file, out));
  }
  const publicKey = await writePublicKey(key, out);
  const keyId = keyIdHex(key.keyId);
  const signed: SigningOutcome = {
    signing: {
      status: "signed",
      minisign: { keyId, publicKey: outputPath(publicKey, out) },
      metadataSignature: outputPath(`${result.files.metadata}.minisig`, out),
    },
    ...(xenSignatures ? { xenSignatures } : {}),
  };
  await writeMetadata(result, options, signed, signatures);
  await signOne(key, result.files.metadata, out);
  const detail = `${signatures.size} payload(s) and metadata.json signed (minisign key ${keyId})`;
  log.info(detail);
  log.info(`check with: minisign -Vm FILE -p ${outputPath(publicKey, out)}`);
  const files = [...placed.values()];
  const releaseFiles = [
    ...files.flatMap((f) => [f, `${f}.minisig`]),
    result.files.metadata,
    `${result.files.metadata}.minisig`,
    publicKey,
  ];
  return { ...signed, releaseFiles, detail };
}

export async function publish(
  result: RunResult,
  options: Options,
  releaseFiles: readonly string[],
  log: Logger,
): Promise<Published> {
  const github = options.github;
  if (!github) throw new Error("publishing needs the GitHub job (the action's front door)");
  const published: Published = {};
  const passed = result.verdict === "pass";
  if (options.upload === "artifact" || options.upload === "both") {
    published.artifact = await uploadArtifact({
      name: options.artifactName,
      outputDir: options.outputDir,
      retentionDays: options.retentionDays,
      runUrl: github.run.url,
    });
    log.info(
      `artifact ${published.artifact.name}: id ${published.artifact.id}, sha256 ${published.artifact.digest}`,
    );
  }
  // After the artifact, so a failing attestation still leaves something to look at.
  if (options.attest) {
    if (passed) {
      // The published copies: what users download (with the Xen note, when embedded).
      const payloads = await payloadsInOutput(result, options.outputDir);
      published.attestations = await attestPayloads({
        files: [...payloads.values()],
        token: github.token,
      }).catch((e: unknown) => {
        throw new Error(
          `attesting the payloads failed (${e instanceof Error ? e.message : String(e)}); ` +
            "the job needs `permissions: id-token: write` and `attestations: write`",
          { cause: e },
        );
      });
      for (const a of published.attestations)
        log.info(`attestation ${a.id ?? "(not stored)"} for ${a.subject}`);
    } else log.warning("no attestations: the run failed");
  }
  if (options.upload === "release" || options.upload === "both") {
    if (!github.run.ref.startsWith(TAG_REF_PREFIX))
      published.releaseSkipped = `no release: ${github.run.ref || "this ref"} is not a tag`;
    else if (!passed) published.releaseSkipped = "no release: the run failed";
    else {
      published.release = await publishRelease({
        apiUrl: github.apiUrl,
        token: github.token,
        repository: github.run.repository,
        ref: github.run.ref,
        files: [...releaseFiles, result.files.sarif],
        body: releaseBody(result, options),
      });
      log.info(
        `release ${published.release.tag}: ${published.release.assets.length} asset(s) at ${published.release.url}`,
      );
    }
    if (published.releaseSkipped) log.warning(published.releaseSkipped);
  }
  return published;
}

function releaseBody(result: RunResult, options: Options): string {
  const lines = [
    `Xen livepatch payloads built and tested by ${result.tool.name} ${result.tool.version}.`,
    "",
    `Target hypervisor build-id: ${result.xenBuildId ?? result.base?.buildId ?? "unknown"}`,
  ];
  if (result.signing?.status === "signed") {
    lines.push(
      "",
      `Signed with minisign key ${result.signing.minisign.keyId}: ` +
        "`minisign -Vm FILE -p minisign.pub`; metadata.json describes every payload.",
    );
  }
  if (options.github) lines.push("", `Workflow run: ${options.github.run.url}`);
  return lines.join("\n");
}

export function publishedText(published: Published): string {
  const parts: string[] = [];
  if (published.artifact)
    parts.push(`artifact ${published.artifact.name} (id ${published.artifact.id})`);
  if (published.release)
    parts.push(`release ${published.release.tag} (${published.release.assets.length} assets)`);
  if (published.releaseSkipped) parts.push(published.releaseSkipped);
  if (published.attestations) parts.push(`${published.attestations.length} attestation(s)`);
  return parts.join(", ") || "nothing published";
}
