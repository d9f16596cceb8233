/**
 * `check-signature`: checks payloads (or any file) against the signatures this tool makes:
 * the detached `<file>.minisig` with a minisign public key, and (experimental) the
 * `.note.Xen.signature` embedded in a payload with an RSA public key.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { InputFileError } from "../util/errors.js";
import { untrustedText } from "../util/untrusted.js";
import {
  type MinisignPublicKey,
  parseMinisignPublicKey,
  verifiedTrustedComment,
} from "./minisign.js";
import { checkXenSignature, parseXenPublicKey } from "./xen-note.js";

export interface SignatureCheckOptions {
  readonly files: readonly string[];
  /** Text of a minisign public key file: checks `<file>.minisig`. */
  readonly minisignKey?: string;
  /** PEM of the RSA public key: checks the embedded Xen signature note. */
  readonly xenKey?: string;
}

export interface SignatureCheckLine {
  readonly file: string;
  readonly kind: "minisign" | "xen-note";
  readonly ok: boolean;
  readonly reason?: string;
  /** The minisign signature's trusted comment, when the signature verified. */
  readonly trustedComment?: string;
}

async function read(file: string): Promise<Buffer> {
  return readFile(file).catch((e: Error) => {
    throw new InputFileError(file, `cannot be read: ${e.message}`);
  });
}

/**
 * Checks each file's signatures. The keys are parsed first: a key that is not of the kind
 * asked for is a ConfigurationError naming its flag (exit 2), never a failed check.
 * A minisign signature is good when it verifies and its trusted comment (which this tool
 * writes as `file:NAME sha256:HEX signer:...`) names this file and its sha256: a signature
 * of another file renamed onto this one is refused. The comment is shown.
 */
export async function checkSignatures(
  options: SignatureCheckOptions,
): Promise<SignatureCheckLine[]> {
  const minisignKey =
    options.minisignKey === undefined ? undefined : parseMinisignPublicKey(options.minisignKey);
  const xenKey = options.xenKey === undefined ? undefined : parseXenPublicKey(options.xenKey);
  const lines: SignatureCheckLine[] = [];
  for (const file of options.files) {
    const bytes = await read(file);
    if (minisignKey) {
      const sig = await readFile(`${file}.minisig`, "utf8").catch(() => undefined);
      lines.push({
        file,
        kind: "minisign",
        ...(sig === undefined
          ? { ok: false, reason: `no ${file}.minisig` }
          : minisignCheck(minisignKey, file, bytes, sig)),
      });
    }
    if (xenKey) {
      const checked = checkXenSignature(bytes, file, xenKey);
      lines.push({ file, kind: "xen-note", ...checked });
    }
  }
  return lines;
}

function minisignCheck(
  key: MinisignPublicKey,
  file: string,
  bytes: Buffer,
  sig: string,
): Pick<SignatureCheckLine, "ok" | "reason" | "trustedComment"> {
  const comment = verifiedTrustedComment(key, bytes, sig);
  if (comment === undefined)
    return { ok: false, reason: "the signature does not match this key and file" };
  // The fields this tool writes; a comment without them (minisign's own) binds nothing.
  const named = /(?:^|\s)file:(\S+)/.exec(comment)?.[1];
  const sha = /(?:^|\s)sha256:([0-9a-f]{64})(?:\s|$)/.exec(comment)?.[1];
  const actual = createHash("sha256").update(bytes).digest("hex");
  const mismatch =
    named !== undefined && named !== basename(file)
      ? `the trusted comment names ${named}, not ${basename(file)}`
      : sha !== undefined && sha !== actual
        ? `the trusted comment's sha256 ${sha} is not this file's (${actual})`
        : undefined;
  return mismatch
    ? { ok: false, reason: mismatch, trustedComment: comment }
    : { ok: true, trustedComment: comment };
}

export function signatureCheckText(lines: readonly SignatureCheckLine[]): string {
  return lines
    .map((l) => {
      const verdict = l.ok ? "ok" : `BAD: ${untrustedText(l.reason ?? "invalid")}`;
      const comment =
        l.trustedComment === undefined
          ? ""
          : ` (trusted comment: ${untrustedText(l.trustedComment)})`;
      return `${untrustedText(l.file)}: ${l.kind} ${verdict}${comment}\n`;
    })
    .join("");
}
