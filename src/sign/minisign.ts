/**
 * Detached Ed25519 signatures in minisign's format, so anyone can check a payload offline
 * with `minisign -Vm FILE -p KEY.pub`.
 *
 * The format, as minisign documents it:
 * - public key file: an "untrusted comment: ..." line, then base64 of
 *   "Ed" (algorithm) + 8-byte key id + 32-byte Ed25519 public key;
 * - signature file: an "untrusted comment: ..." line; base64 of "ED" (prehashed mode)
 *   + key id + 64-byte Ed25519 signature over BLAKE2b-512 of the file; a
 *   "trusted comment: ..." line; base64 of the 64-byte global signature over the
 *   signature bytes followed by the trusted comment's text (without its prefix).
 * The untrusted comment may be edited freely; the trusted comment cannot be without the
 * secret key.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from "node:crypto";
import type { KeyObject } from "node:crypto";
import { ConfigurationError } from "../util/errors.js";

const PUBLIC_KEY_ALG = "Ed";
const PREHASHED_ALG = "ED";
/** Signing the file itself rather than its hash; minisign still verifies these. */
const LEGACY_ALG = "Ed";
const KEY_ID_BYTES = 8;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_BYTES = 64;
const UNTRUSTED_PREFIX = "untrusted comment: ";
const TRUSTED_PREFIX = "trusted comment: ";

export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The raw 32-byte Ed25519 public key. */
  readonly publicKey: Buffer;
  readonly keyId: Buffer;
}

export interface SignOptions {
  /** One line, signed along with the file (e.g. file name, version, timestamp). */
  readonly trustedComment: string;
  /** One line, not signed; defaults to naming the key id. */
  readonly untrustedComment?: string;
}

function blake2b512(data: Uint8Array): Buffer {
  return createHash("blake2b512").update(data).digest();
}

/**
 * The key id: the first 8 bytes of BLAKE2b-512 over the raw 32-byte public key. minisign
 * picks a random id at key generation; any fixed 8 bytes work, and deriving them from
 * the public key gives the same id for the same key on every run without storing it.
 */
export function keyId(publicKey: Uint8Array): Buffer {
  return blake2b512(publicKey).subarray(0, KEY_ID_BYTES);
}

/** The id as minisign prints it: hexadecimal, most significant byte (the last) first. */
export function keyIdHex(id: Uint8Array): string {
  return Buffer.from(id).reverse().toString("hex").toUpperCase();
}

/**
 * Parse an Ed25519 private key in PEM (PKCS#8). Errors name the input and what was
 * found, never the key text.
 */
export function loadSigningKey(pem: string, input = "signing-key"): SigningKey {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    // Node's message may quote parts of the input; say only what we expected.
    throw new ConfigurationError(
      input,
      "is not a readable unencrypted private key in PEM; expected an Ed25519 key " +
        "(`openssl genpkey -algorithm ed25519`)",
    );
  }
  const type = privateKey.asymmetricKeyType ?? "unknown";
  if (type !== "ed25519")
    throw new ConfigurationError(
      input,
      `is a ${type.toUpperCase()} private key; minisign signatures need an Ed25519 key ` +
        "(`openssl genpkey -algorithm ed25519`)",
    );
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, publicKey, keyId: keyId(publicKey) };
}

function rawPublicKey(key: KeyObject): Buffer {
  const { x } = key.export({ format: "jwk" });
  if (x === undefined) throw new Error("Ed25519 public key without its x coordinate");
  return Buffer.from(x, "base64url");
}

function ed25519PublicKey(raw: Uint8Array): KeyObject {
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: Buffer.from(raw).toString("base64url") },
    format: "jwk",
  });
}

function oneLine(text: string, what: string): string {
  if (/[\r\n]/.test(text)) throw new ConfigurationError(what, "must be a single line");
  return text;
}

/** The public key file's text, for `minisign -V -p FILE`. */
export function minisignPublicKey(key: SigningKey): string {
  const body = Buffer.concat([Buffer.from(PUBLIC_KEY_ALG, "latin1"), key.keyId, key.publicKey]);
  return `${UNTRUSTED_PREFIX}minisign public key ${keyIdHex(key.keyId)}\n${body.toString("base64")}\n`;
}

/** A detached `.minisig` signature of `bytes` (prehashed mode, as minisign's default). */
export function signFile(key: SigningKey, bytes: Uint8Array, options: SignOptions): string {
  const trusted = oneLine(options.trustedComment, "trusted comment");
  const untrusted = oneLine(
    options.untrustedComment ?? `signature from minisign secret key ${keyIdHex(key.keyId)}`,
    "untrusted comment",
  );
  const signature = sign(null, blake2b512(bytes), key.privateKey);
  const globalSignature = sign(
    null,
    Buffer.concat([signature, Buffer.from(trusted, "utf8")]),
    key.privateKey,
  );
  const body = Buffer.concat([Buffer.from(PREHASHED_ALG, "latin1"), key.keyId, signature]);
  return (
    `${UNTRUSTED_PREFIX}${untrusted}\n${body.toString("base64")}\n` +
    `${TRUSTED_PREFIX}${trusted}\n${globalSignature.toString("base64")}\n`
  );
}

/** Strict base64: canonical text that decodes to exactly `length` bytes, or undefined. */
function decodeBase64(text: string, length: number): Buffer | undefined {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length !== length || bytes.toString("base64") !== text) return undefined;
  return bytes;
}

function textLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/\r$/, ""))
    .filter((line) => line !== "");
}

/** A public key file's parts: its key id and the Ed25519 key. */
export interface MinisignPublicKey {
  readonly keyId: Buffer;
  readonly key: KeyObject;
}

/**
 * Parses a minisign public key file's text (an optional untrusted comment line, then
 * base64 of "Ed" + key id + key).
 *
 * @throws ConfigurationError naming `input` when the text is not one.
 */
export function parseMinisignPublicKey(text: string, input = "--minisign-key"): MinisignPublicKey {
  const fail = (why: string): never => {
    throw new ConfigurationError(input, `is not a minisign public key: ${why}`);
  };
  const lines = textLines(text).filter((l) => !l.startsWith(UNTRUSTED_PREFIX));
  if (lines.length !== 1) fail(`expected one base64 line, found ${lines.length}`);
  const pub = decodeBase64(lines[0]!, 2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES);
  if (pub === undefined)
    return fail(`the key line is not base64 of ${2 + KEY_ID_BYTES + PUBLIC_KEY_BYTES} bytes`);
  if (pub.subarray(0, 2).toString("latin1") !== PUBLIC_KEY_ALG)
    fail(`the algorithm is not "${PUBLIC_KEY_ALG}" (Ed25519)`);
  try {
    return {
      keyId: pub.subarray(2, 2 + KEY_ID_BYTES),
      key: ed25519PublicKey(pub.subarray(2 + KEY_ID_BYTES)),
    };
  } catch {
    return fail("the key bytes are not an Ed25519 public key");
  }
}

/**
 * Check a `.minisig` against a public key file's text and the file's bytes, as
 * `minisign -V` does: algorithm, key id, the file signature and the global signature over
 * the trusted comment. Anything malformed is simply not a valid signature.
 */
export function verifyMinisign(publicKeyText: string, bytes: Uint8Array, sigText: string): boolean {
  let pub: MinisignPublicKey;
  try {
    pub = parseMinisignPublicKey(publicKeyText);
  } catch {
    return false;
  }
  return verifiedTrustedComment(pub, bytes, sigText) !== undefined;
}

/**
 * The trusted comment of a `.minisig` that is a good signature of `bytes` by `pub` (see
 * verifyMinisign), or undefined when it is not one.
 */
export function verifiedTrustedComment(
  pub: MinisignPublicKey,
  bytes: Uint8Array,
  sigText: string,
): string | undefined {
  const [untrusted, sigLine, trustedLine, globalLine, ...rest] = textLines(sigText);
  if (untrusted === undefined || !untrusted.startsWith(UNTRUSTED_PREFIX) || rest.length > 0)
    return undefined;
  if (trustedLine === undefined || !trustedLine.startsWith(TRUSTED_PREFIX)) return undefined;
  const sig = decodeBase64(sigLine ?? "", 2 + KEY_ID_BYTES + SIGNATURE_BYTES);
  const globalSignature = decodeBase64(globalLine ?? "", SIGNATURE_BYTES);
  if (sig === undefined || globalSignature === undefined) return undefined;
  const alg = sig.subarray(0, 2).toString("latin1");
  if (alg !== PREHASHED_ALG && alg !== LEGACY_ALG) return undefined;
  if (!sig.subarray(2, 2 + KEY_ID_BYTES).equals(pub.keyId)) return undefined;
  const signature = sig.subarray(2 + KEY_ID_BYTES);
  const signed = alg === PREHASHED_ALG ? blake2b512(bytes) : bytes;
  if (!verify(null, signed, pub.key, signature)) return undefined;
  const trusted = trustedLine.slice(TRUSTED_PREFIX.length);
  const good = verify(
    null,
    Buffer.concat([signature, Buffer.from(trusted, "utf8")]),
    pub.key,
    globalSignature,
  );
  return good ? trusted : undefined;
}
