/**
 * Keyless Sigstore build-provenance attestations of the payloads, through GitHub's own
 * client: it takes the job's OIDC token (which needs `permissions: id-token: write`), gets
 * a short-lived certificate, signs an SLSA provenance statement naming each payload's
 * sha256, and stores it with the repository (`gh attestation verify FILE` checks it).
 * One attestation covers every payload.
 */
import { basename } from "node:path";
import { attestProvenance } from "@actions/attest";
import { sha256File } from "../util/fs.js";

export interface Attestation {
  /** What was attested: the payload file names. */
  readonly subject: string;
  /** The repository's attestation id, when it was stored. */
  readonly id: string | undefined;
  /** The transparency log entry. */
  readonly tlogId: string | undefined;
}

export async function attestPayloads(options: {
  readonly files: readonly string[];
  readonly token: string;
}): Promise<Attestation[]> {
  if (options.files.length === 0) return [];
  const subjects = await Promise.all(
    options.files.map(async (f) => ({
      name: basename(f),
      digest: { sha256: await sha256File(f) },
    })),
  );
  const made = await attestProvenance({ subjects, token: options.token });
  return [
    {
      subject: subjects.map((s) => s.name).join(", "),
      id: made.attestationID,
      tlogId: made.tlogID,
    },
  ];
}
