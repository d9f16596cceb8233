import type { KeyObject } from "node:crypto";
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
/**
 * The key id: the first 8 bytes of BLAKE2b-512 over the raw 32-byte public key. minisign
 * picks a random id at key generation; any fixed 8 bytes work, and deriving them from
 * the public key gives the same id for the same key on every run without storing it.
 */
export declare function keyId(publicKey: Uint8Array): Buffer;
/** The id as minisign prints it: hexadecimal, most significant byte (the last) first. */
export declare function keyIdHex(id: Uint8Array): string;
/**
 * Parse an Ed25519 private key in PEM (PKCS#8). Errors name the input and what was
 * found, never the key text.
 */
export declare function loadSigningKey(pem: string, input?: string): SigningKey;
/** The public key file's text, for `minisign -V -p FILE`. */
export declare function minisignPublicKey(key: SigningKey): string;
/** A detached `.minisig` signature of `bytes` (prehashed mode, as minisign's default). */
export declare function signFile(key: SigningKey, bytes: Uint8Array, options: SignOptions): string;
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
export declare function parseMinisignPublicKey(text: string, input?: string): MinisignPublicKey;
/**
 * Check a `.minisig` against a public key file's text and the file's bytes, as
 * `minisign -V` does: algorithm, key id, the file signature and the global signature over
 * the trusted comment. Anything malformed is simply not a valid signature.
 */
export declare function verifyMinisign(publicKeyText: string, bytes: Uint8Array, sigText: string): boolean;
/**
 * The trusted comment of a `.minisig` that is a good signature of `bytes` by `pub` (see
 * verifyMinisign), or undefined when it is not one.
 */
export declare function verifiedTrustedComment(pub: MinisignPublicKey, bytes: Uint8Array, sigText: string): string | undefined;
