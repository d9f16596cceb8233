/**
 * EXPERIMENTAL: the payload signature Xen's 2025 proposal defines (xen-devel, v3, not
 * merged; no released hypervisor checks it). The signature lives in the payload itself:
 *
 * - section `.note.Xen.signature`, one ELF note named "Xen";
 * - note type = version (bits 0-15, 1) | algorithm (bits 16-23, RSA = 0) |
 *   hash (bits 24-31, SHA-256 = 0);
 * - descriptor = the raw RSA signature (PKCS#1 v1.5, SHA-256) over the whole file as it
 *   is with the descriptor zeroed.
 *
 * To sign: add the note with a zeroed signature, sign the file, fill the signature in.
 * The section is added with objcopy, so the ELF layout stays what binutils writes.
 */
import { createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ElfFormatError, parseElf } from "../elf/reader.js";
import { ConfigurationError, InputFileError } from "../util/errors.js";
import { runCommand } from "../util/exec.js";

export const XEN_SIGNATURE_SECTION = ".note.Xen.signature";
const NOTE_NAME = "Xen";
const VERSION = 1;
const ALGORITHM_RSA = 0;
const HASH_SHA256 = 0;
export const XEN_SIGNATURE_NOTE_TYPE = VERSION | (ALGORITHM_RSA << 16) | (HASH_SHA256 << 24);
/** namesz, descsz, type; then the name "Xen\0" (4 bytes, already 4-aligned). */
const DESC_OFFSET = 12 + 4;
const MIN_RSA_BITS = 2048;

const align4 = (n: number) => (n + 3) & ~3;

/** The note with `desc` as its descriptor, as the section holds it. */
export function xenSignatureNote(desc: Uint8Array): Buffer {
  const note = Buffer.alloc(DESC_OFFSET + align4(desc.length));
  note.writeUInt32LE(NOTE_NAME.length + 1, 0);
  note.writeUInt32LE(desc.length, 4);
  note.writeUInt32LE(XEN_SIGNATURE_NOTE_TYPE, 8);
  note.write(NOTE_NAME, 12, "latin1");
  Buffer.from(desc).copy(note, DESC_OFFSET);
  return note;
}

/** An RSA private key (PEM) of at least 2048 bits; errors name the input, never the key. */
export function loadXenSignatureKey(pem: string, input: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    throw new ConfigurationError(
      input,
      "is not a readable unencrypted private key in PEM; expected an RSA key " +
        "(`openssl genpkey -algorithm rsa -pkeyopt rsa_keygen_bits:3072`)",
    );
  }
  const type = key.asymmetricKeyType ?? "unknown";
  if (type !== "rsa")
    throw new ConfigurationError(
      input,
      `is a ${type.toUpperCase()} private key; Xen's payload signature note takes RSA`,
    );
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS)
    throw new ConfigurationError(
      input,
      `is a ${bits}-bit RSA key; use ${MIN_RSA_BITS} bits or more`,
    );
  return key;
}

function signatureBytes(key: KeyObject): number {
  return Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 0) / 8);
}

/** Where the note's descriptor is in the file, and how long it is. */
function locateSignature(
  bytes: Uint8Array,
  file: string,
): { offset: number; length: number; type: number } | undefined {
  const elf = parseElf(bytes, file);
  const section = elf.sectionNamed(XEN_SIGNATURE_SECTION);
  if (!section) return undefined;
  const notes = elf.notes(section);
  const [note] = notes;
  if (notes.length !== 1 || !note || note.name !== NOTE_NAME)
    throw new InputFileError(
      file,
      `${XEN_SIGNATURE_SECTION} does not hold exactly one "${NOTE_NAME}" note`,
    );
  return { offset: section.offset + DESC_OFFSET, length: note.desc.length, type: note.type };
}

/** Adds (or refreshes) the signature note of `file` in place. */
export async function embedXenSignature(file: string, key: KeyObject): Promise<void> {
  const length = signatureBytes(key);
  let bytes: Buffer = await readFile(file);
  let at = locateSignature(bytes, file);
  if (at && at.length !== length) {
    throw new InputFileError(
      file,
      `already has a ${at.length}-byte Xen signature; this key makes ${length}`,
    );
  }
  if (!at) {
    const dir = await mkdtemp(join(tmpdir(), "xlci-xen-note-"));
    try {
      const note = join(dir, "note");
      await writeFile(note, xenSignatureNote(new Uint8Array(length)));
      await runCommand("objcopy", [
        "--add-section",
        `${XEN_SIGNATURE_SECTION}=${note}`,
        "--set-section-flags",
        `${XEN_SIGNATURE_SECTION}=readonly,contents`,
        file,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    bytes = await readFile(file);
    at = locateSignature(bytes, file);
    if (!at) throw new Error(`objcopy did not add ${XEN_SIGNATURE_SECTION} to ${file}`);
  }
  bytes.fill(0, at.offset, at.offset + at.length);
  const signature = sign("sha256", bytes, key);
  signature.copy(bytes, at.offset);
  await writeFile(file, bytes);
}

export type XenSignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * An RSA public key from PEM (a private key's public half also does).
 *
 * @throws ConfigurationError naming `input` for text that is not a key in PEM, or a key
 *   of another kind (an Ed25519 minisign key given by mistake).
 */
export function parseXenPublicKey(pem: string, input = "--xen-key"): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: "pem" });
  } catch {
    throw new ConfigurationError(input, "is not a readable RSA public key in PEM");
  }
  const type = key.asymmetricKeyType ?? "unknown";
  if (type !== "rsa")
    throw new ConfigurationError(
      input,
      `is a ${type.toUpperCase()} public key; Xen's payload signature note takes RSA (a minisign key goes with --minisign-key)`,
    );
  return key;
}

/** Checks the note of `bytes` against an RSA public key (a KeyObject or its PEM). */
export function checkXenSignature(
  bytes: Uint8Array,
  file: string,
  key: KeyObject | string,
): XenSignatureCheck {
  const publicKey = typeof key === "string" ? parseXenPublicKey(key) : key;
  let at;
  try {
    at = locateSignature(bytes, file);
  } catch (e) {
    if (e instanceof ElfFormatError || e instanceof InputFileError)
      return { ok: false, reason: e.message };
    throw e;
  }
  if (!at) return { ok: false, reason: `no ${XEN_SIGNATURE_SECTION} section` };
  if (at.type !== XEN_SIGNATURE_NOTE_TYPE)
    return {
      ok: false,
      reason: `note type 0x${at.type.toString(16)} is not version 1, RSA, SHA-256`,
    };
  const signature = Buffer.from(bytes.subarray(at.offset, at.offset + at.length));
  const zeroed = Buffer.from(bytes);
  zeroed.fill(0, at.offset, at.offset + at.length);
  return verify("sha256", zeroed, publicKey, signature)
    ? { ok: true }
    : { ok: false, reason: "the signature does not match this key and file" };
}
