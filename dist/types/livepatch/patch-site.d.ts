import type { LivepatchFuncEntry } from "./payload.js";
import type { XenSyms } from "./xen-syms.js";
/** The old function an entry patches, as far as xen-syms knows it. */
export interface PatchSite {
    /** The symbol's name; for an absolute old_addr outside any function, its hex value. */
    readonly name: string;
    /** Where the patch goes (the symbol's value plus the relocation's addend). */
    readonly address?: bigint;
    /** Bytes from `address` to the end of the function; absent where that is not known. */
    readonly size?: number;
    /** How the entry names it: an old_addr relocation, an absolute old_addr, or old_name. */
    readonly via: "relocation" | "address" | "name";
}
/**
 * The function `f` patches, resolved the way resolve_old_address() (xen/common/livepatch.c)
 * does: an old_addr relocation against an undefined symbol is that symbol of xen-syms plus
 * the addend; a non-zero old_addr without one is the function holding it; an old_addr of 0
 * is looked up by the entry's name. With an addend (or an address inside a function) the
 * size counts from the patch site to the function's end. Undefined when old_addr's symbol
 * is defined in the payload or the entry has no name; no `address` when xen-syms does not
 * have the symbol (an earlier payload may export it).
 */
export declare function patchSite(f: LivepatchFuncEntry, xen: XenSyms): PatchSite | undefined;
/**
 * An alternative site of xen-syms overlapping [address, address + length): Xen rewrites
 * those bytes at boot by the CPU's features, so the live code is not xen-syms' there.
 */
export declare function alternativeUnder(xen: XenSyms, address: bigint, length: number): {
    start: bigint;
    length: number;
} | undefined;
/**
 * Whether Xen seals the ENDBR64 at `address` at boot on CET-IBT hardware (a cf_clobber
 * target): there the first bytes are the poison, not xen-syms' ENDBR64.
 */
export declare function endbrSealedAt(xen: XenSyms, address: bigint): boolean;
