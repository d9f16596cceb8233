/**
 * The last two stages of the pipeline: sign (payloads, then metadata.json, which lists the
 * payload signatures) and publish (the workflow artifact, the tag's release, attestations).
 * Only a run that passed is signed or released; a failed one still leaves an unsigned
 * metadata.json and, when asked, an artifact to debug from.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { basename, join, relative } from "node:path";
import type { Options } from "../options.js";
import type { Published, RunResult, StageName, StageRecord } from "../report/result.js";
import {
  type SignatureRecord,
  buildMetadata,
  metadataJson,
  outputPath,
} from "../report/metadata.js";
import { keyIdHex } from "../sign/minisign.js";
import { signOne, writePublicKey } from "../sign/outputs.js";
import { XEN_SIGNATURE_SECTION, embedXenSignature } from "../sign/xen-note.js";
import type { Logger } from "../util/logger.js";
import { uploadArtifact } from "./artifact.js";
import { TAG_REF_PREFIX, publishRelease } from "./release.js";
import { attestPayloads } from "./attest.js";

export type { Published } from "../report/result.js";

export type RunStage = <T>(
  name: StageName,
  title: string,
  fn: (record: StageRecord) => Promise<T>,
) => Promise<T>;

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

export async function writeMetadata(
  result: RunResult,
  options: Options,
  signatures: ReadonlyMap<string, SignatureRecord>,
): Promise<void> {
  const placed = await payloadsInOutput(result, options.outputDir);
  const metadata = await buildMetadata({
    result,
    outputDir: options.outputDir,
    publishedFile: (file) => placed.get(file) ?? file,
    signatures,
    signing: result.signing ?? { status: "unsigned", reason: "not signed" },
    workflowRun: options.github?.run,
  });
  await writeFile(result.files.metadata, metadataJson(metadata));
}

/**
 * The sign stage: writes metadata.json (signed when a key is given and the run passed).
 * Returns the files a release publishes.
 */
export async function signOutputs(
  result: RunResult,
  options: Options,
  stage: RunStage,
  log: Logger,
): Promise<string[]> {
  const out = options.outputDir;
  const key = options.signingKey;
  const xenKey = options.xenSignatureKey;
  const unsigned = async (reason: string) => {
    result.signing = { status: "unsigned", reason };
    await writeMetadata(result, options, new Map());
    return [result.files.metadata, ...(await payloadsInOutput(result, out)).values()];
  };
  if (!key && !xenKey && !options.signingRefused) return unsigned("no signing key was given");
  return stage("sign", "Sign", async (record) => {
    const why = options.signingRefused
      ? options.signingRefused
      : result.verdict !== "pass"
        ? `not signed: the run failed (${result.reason ?? "see the report"})`
        : undefined;
    if (why) {
      record.status = "skipped";
      record.detail = why;
      log.warning(record.detail);
      return unsigned(record.detail);
    }
    const placed = await payloadsInOutput(result, out);
    if (xenKey) {
      // Into the payload itself, so before the detached signatures that cover its bytes.
      for (const file of placed.values()) await embedXenSignature(file, xenKey);
      result.xenSignatures = result.payloads.map((p) => p.file);
      log.warning(
        `EXPERIMENTAL: ${placed.size} payload(s) carry ${XEN_SIGNATURE_SECTION} (RSA/SHA-256), which no released Xen checks yet`,
      );
    }
    if (!key) {
      record.detail = `${placed.size} payload(s) with an embedded Xen signature note; no minisign key`;
      return unsigned("no signing key was given (only the experimental Xen signature note)");
    }
    const signatures = new Map<string, SignatureRecord>();
    for (const p of result.payloads) {
      signatures.set(p.file, await signOne(key, placed.get(p.file) ?? p.file, out));
    }
    const publicKey = await writePublicKey(key, out);
    const keyId = keyIdHex(key.keyId);
    result.signing = {
      status: "signed",
      minisign: { keyId, publicKey: outputPath(publicKey, out) },
      metadataSignature: outputPath(`${result.files.metadata}.minisig`, out),
    };
    await writeMetadata(result, options, signatures);
    await signOne(key, result.files.metadata, out);
    record.detail = `${signatures.size} payload(s) and metadata.json signed (minisign key ${keyId})`;
    log.info(record.detail);
    log.info(`check with: minisign -Vm FILE -p ${outputPath(publicKey, out)}`);
    const files = [...placed.values()];
    return [
      ...files.flatMap((f) => [f, `${f}.minisig`]),
      result.files.metadata,
      `${result.files.metadata}.minisig`,
      publicKey,
    ];
  });
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
