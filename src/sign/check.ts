/**
 * `check-signature`: checks payloads (or any file) against the signatures this tool makes:
 * the detached `<file>.minisig` with a minisign public key, and (experimental) the
 * `.note.Xen.signature` embedded in a payload with an RSA public key.
 */
import { readFile } from "node:fs/promises";
import { InputFileError } from "../util/errors.js";
import { untrustedText } from "../util/untrusted.js";
import { verifyMinisign } from "./minisign.js";
import { checkXenSignature } from "./xen-note.js";

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
}

async function read(file: string): Promise<Buffer> {
  return readFile(file).catch((e: Error) => {
    throw new InputFileError(file, `cannot be read: ${e.message}`);
  });
}

export async function checkSignatures(
  options: SignatureCheckOptions,
): Promise<SignatureCheckLine[]> {
  const lines: SignatureCheckLine[] = [];
  for (const file of options.files) {
    const bytes = await read(file);
    if (options.minisignKey !== undefined) {
      const sig = await readFile(`${file}.minisig`, "utf8").catch(() => undefined);
      lines.push(
        sig === undefined
          ? { file, kind: "minisign", ok: false, reason: `no ${file}.minisig` }
          : verifyMinisign(options.minisignKey, bytes, sig)
            ? { file, kind: "minisign", ok: true }
            : {
                file,
                kind: "minisign",
                ok: false,
                reason: "the signature does not match this key and file",
              },
      );
    }
    if (options.xenKey !== undefined) {
      const checked = checkXenSignature(bytes, file, options.xenKey);
      lines.push({ file, kind: "xen-note", ...checked });
    }
  }
  return lines;
}

export function signatureCheckText(lines: readonly SignatureCheckLine[]): string {
  return lines
    .map(
      (l) =>
        `${untrustedText(l.file)}: ${l.kind} ${l.ok ? "ok" : `BAD: ${untrustedText(l.reason ?? "invalid")}`}\n`,
    )
    .join("");
}
