import type { ElfRela, ElfSection } from "../elf/reader.js";
import { type Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { LoaderVersion } from "../xen/loader-version.js";
export type { LoaderVersion } from "../xen/loader-version.js";
export { XEN_4_17, XEN_4_20, XEN_4_21, loaderFor } from "../xen/loader.js";
export type Region = "text" | "rw" | "ro";
export interface PlacedSection {
    readonly section: ElfSection;
    readonly region: Region;
    /** Offset inside its region, as calc_section() computes it. */
    readonly offset: bigint;
    readonly address: bigint;
}
/** A relocation whose PC-relative result does not fit in 32 signed bits (EOVERFLOW). */
export interface RelocationOverflow {
    readonly relaSection: ElfSection;
    readonly target: ElfSection;
    readonly rela: ElfRela;
    readonly value: bigint;
    /** Overflows wherever in the livepatch area the payload lands, not only at its start. */
    readonly always: boolean;
}
/** A pointer field of the loaded payload: its value, or undefined when it cannot be known. */
export type LoadedValue = bigint | undefined;
export interface LoadedFunc {
    readonly name: LoadedValue;
    readonly newAddr: LoadedValue;
    readonly oldAddr: LoadedValue;
}
/**
 * The payload as the loader lays it out and relocates it, at the start of the livepatch
 * area (after the earlier payloads of the stack, whose sizes are known). Only built when
 * the ELF structure is sound: the verifier's other checks report what is not.
 */
export declare class LoadedPayload {
    private readonly payload;
    private readonly xen;
    readonly version: LoaderVersion;
    readonly placed: Map<number, PlacedSection>;
    readonly regions: Record<Region, {
        address: bigint;
        size: bigint;
    }>;
    readonly overflows: RelocationOverflow[];
    /** Relocated bytes of each allocated PROGBITS section. */
    private readonly contents;
    /** Byte ranges whose value depends on something unknown, per section. */
    private readonly unknown;
    constructor(payload: Payload, xen: XenSyms, 
    /** Bytes of the livepatch area the earlier payloads of the stack take. */
    areaOffset: bigint, version?: LoaderVersion);
    /**
     * Non-empty allocated sections the loader places over each other in one region: what an
     * sh_addralign of 0 gives in Xen 4.17, whose ROUNDUP(x, 0) is 0 (and whose region size
     * then shrinks to that section's end). The later section's bytes win (copied in order).
     */
    overlaps(): Array<{
        first: PlacedSection;
        second: PlacedSection;
    }>;
    /** Bytes of the whole payload in memory (PFN_UP of the three regions). */
    get pages(): bigint;
    private areaStart;
    /** livepatch_elf_resolve_symbols(): a symbol's value, or undefined when unknown. */
    private symbolValue;
    /** arch_livepatch_perform_rela() over every SHT_RELA section targeting an allocated one. */
    private relocate;
    /** The section of the payload a symbol is defined in (undefined for UNDEF, ABS...). */
    private symbolSection;
    private markUnknown;
    private clearUnknown;
    /** The 8 bytes at `offset` of a section after relocation; undefined when unknown. */
    pointer(section: number, offset: number): LoadedValue;
    /** The signed 32 bits at `offset` of a section after relocation; undefined when unknown. */
    int32(section: number, offset: number): number | undefined;
    /** A byte of a section after relocation. */
    byte(section: number, offset: number): number | undefined;
    /** The pointer fields of each `.livepatch.funcs` entry, as prepare_payload() reads them. */
    funcs(): LoadedFunc[];
    /** The placed section holding `address`, and the offset inside it. */
    sectionAt(address: bigint): {
        placed: PlacedSection;
        offset: number;
    } | undefined;
    /**
     * Whether the loader reading at `address` faults: NULL, a non-canonical address, or
     * the livepatch area past this payload's last page, where nothing is mapped (the payload
     * is the last one loaded).
     */
    faultsAt(address: bigint): boolean;
    /** Whether an address lies in the payload's executable region. */
    inText(address: bigint): boolean;
    /** Whether an address is canonical for this architecture. */
    canonical(address: bigint): boolean;
    /** A NUL-terminated string the loader would read at `address` inside the payload. */
    stringAt(address: bigint): string | undefined;
}
