import type { XenSyms } from "../livepatch/xen-syms.js";
export type ExpectationsMode = "none" | "auto";
/** Byte 72 of `struct livepatch_func`: bit 0 enabled, bits 1-5 the length, bits 6-7 zero. */
export declare function expectationByte(len: number): number;
/**
 * The 32 bytes at offset 72 of an entry expecting `oldCode`'s first `min(oldSize, 31)`
 * bytes: the expectation byte, then the data zero-padded.
 */
export declare function expectationField(oldCode: Uint8Array, oldSize: number): Uint8Array;
export interface CompleteOptions {
    payload: string;
    file: string;
    xen: XenSyms;
    expectations: ExpectationsMode;
    /** Old functions (by address) patched by earlier payloads of a stack, and by which. */
    patchedEarlier: ReadonlyMap<string, string>;
}
/**
 * Fills in, in a copy of the object's bytes, what the sources left for the builder:
 * old_size 0 (from the base's symbol), new_size 0 (from the replacement's symbol) and,
 * with expectations "auto", each disabled expectation (the old function's first bytes).
 */
export declare function completeFuncs(objectBytes: Uint8Array, opts: CompleteOptions): {
    bytes: Uint8Array;
    notes: string[];
    oldAddresses: string[];
};
