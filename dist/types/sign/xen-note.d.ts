import type { KeyObject } from "node:crypto";
export declare const XEN_SIGNATURE_SECTION = ".note.Xen.signature";
export declare const XEN_SIGNATURE_NOTE_TYPE: number;
/** The note with `desc` as its descriptor, as the section holds it. */
export declare function xenSignatureNote(desc: Uint8Array): Buffer;
/** An RSA private key (PEM) of at least 2048 bits; errors name the input, never the key. */
export declare function loadXenSignatureKey(pem: string, input: string): KeyObject;
/** Adds (or refreshes) the signature note of `file` in place. */
export declare function embedXenSignature(file: string, key: KeyObject): Promise<void>;
export type XenSignatureCheck = {
    ok: true;
} | {
    ok: false;
    reason: string;
};
/**
 * An RSA public key from PEM (a private key's public half also does).
 *
 * @throws ConfigurationError naming `input` for text that is not a key in PEM, or a key
 *   of another kind (an Ed25519 minisign key given by mistake).
 */
export declare function parseXenPublicKey(pem: string, input?: string): KeyObject;
/** Checks the note of `bytes` against an RSA public key (a KeyObject or its PEM). */
export declare function checkXenSignature(bytes: Uint8Array, file: string, key: KeyObject | string): XenSignatureCheck;
