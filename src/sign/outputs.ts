/**
 * Signs the files a run publishes: a detached `<file>.minisig` next to each, and the
 * public key as `minisign.pub` in the output directory, so anyone checks them offline with
 * `minisign -Vm FILE -p minisign.pub`.
 */
import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { createHash } from "node:crypto";
import type { SignatureRecord } from "../report/metadata.js";
import { outputPath } from "../report/metadata.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { type SigningKey, keyIdHex, minisignPublicKey, signFile } from "./minisign.js";

export const PUBLIC_KEY_FILE = "minisign.pub";

/** Writes `<file>.minisig` for `file`; the trusted comment names the file and its sha256. */
export async function signOne(
  key: SigningKey,
  file: string,
  outputDir: string,
): Promise<SignatureRecord> {
  const bytes = await readFile(file);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const signature = signFile(key, bytes, {
    trustedComment: `file:${basename(file)} sha256:${sha256} signer:${TOOL_NAME} ${TOOL_VERSION}`,
  });
  const sigFile = `${file}.minisig`;
  await writeFile(sigFile, signature);
  return { format: "minisign", file: outputPath(sigFile, outputDir), keyId: keyIdHex(key.keyId) };
}

/** Writes the public key into the output directory and returns its path. */
export async function writePublicKey(key: SigningKey, outputDir: string): Promise<string> {
  const file = join(outputDir, PUBLIC_KEY_FILE);
  await writeFile(file, minisignPublicKey(key));
  return file;
}
