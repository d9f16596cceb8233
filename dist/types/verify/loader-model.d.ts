import type { ElfRela, ElfSection } from "../elf/reader.js";
import { type Payload } from "../livepatch/payload.js";
import { type RelocationKind } from "../xen/abi.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { type XenVersion } from "../xen/version.js";
/** One loader version's rules, as data. */
export interface LoaderVersion {
    readonly name: string;
    /** The release it models (a rule's changes apply by it; see rules.ts loaderVerdictFor). */
    readonly release: Pick<XenVersion, "major" | "minor" | "patch">;
    readonly pageSize: bigint;
    /**
     * Where payloads are placed: the symbol of xen-syms the livepatch vmap area starts at
     * (arch_livepatch_init), and how far it reaches (a bound on where a payload may land).
     */
    readonly area: {
        readonly startSymbol: string;
        readonly maxSpan: bigint;
    };
    /** ROUNDUP(x, a) as the loader's calc_section() computes it, including a = 0. */
    readonly roundUp: (x: bigint, align: bigint) => bigint;
    /** Relocation types: bytes written, and whether the value is PC-relative and range-checked. */
    readonly relocations: ReadonlyMap<number, RelocationKind>;
    /** ±range of old_addr - new_addr (livepatch_verify_distance, ARCH_LIVEPATCH_RANGE). */
    readonly patchRange: bigint;
    /** Bits of a canonical x86-64 address (48: bits 63..47 equal). */
    readonly canonicalBits: number;
    /** Bytes of the jump that replaces a function (ARCH_PATCH_INSN_SIZE). */
    readonly patchInsnSize: number;
    /** Entry sizes of the special sections the loader takes, by section name. */
    readonly specialEntrySizes: Readonly<Record<string, number>>;
    /** struct alt_instr: size and the offsets of its fields. */
    readonly altInstr: {
        readonly size: number;
        readonly origOffset: number;
        readonly replOffset: number;
        readonly cpuid: number;
        readonly origLen: number;
        readonly replLen: number;
        readonly padLen: number;
    };
    /**
     * What _apply_alternatives() (xen/arch/x86/alternative.c), run at upload by
     * prepare_payload(), does with an entry it cannot apply: a replacement longer than
     * orig_len + pad_len, orig_len + pad_len over MAX_PATCH_LEN (254), or a feature number at
     * or past NCAPINTS * 32. Before aa5a06d5d6 each is a BUG_ON, a hypervisor panic; after it
     * the upload is refused with ENOSPC, ENOSPC and ERANGE.
     */
    readonly alternatives: {
        readonly refused: boolean;
        readonly maxPatchLen: number;
        /** Bit 15 of cpuid is ALT_FLAG_NOT, not part of the feature number. */
        readonly flagNot: boolean;
        /**
         * NCAPINTS of this version's sources, used when xen-syms does not tell
         * (XenSyms.capabilityWords()): FSCAPINTS (19 words, xen/include/public/arch-x86/
         * cpufeatureset.h) + X86_NR_SYNTH + X86_NR_BUG (xen/arch/x86/include/asm/cpufeatures.h):
         * 19 + 1 + 1 in 4.17 to 4.20, 19 + 2 + 1 from 4.21 (master at c447b7308b included).
         */
        readonly capabilityWords: number;
    };
    /**
     * fa49f4be41: `.livepatch.xen_depends` is checked right after the ELF load (before
     * placement, symbols and relocations), with its own messages; before it, in
     * check_special_sections(), prepare_payload() and after it (xen_build_id_dep()).
     */
    readonly xenDependsEarly: boolean;
    /**
     * The errno of a `.note.gnu.build-id` or `.livepatch.depends` note whose type is not
     * NT_GNU_BUILD_ID or whose name is not "GNU" (86d09d16dd: ENODATA; size errors stay
     * EINVAL, and `.livepatch.xen_depends` is EINVAL whatever its fault).
     */
    readonly noteTypeErrno: "EINVAL" | "ENODATA";
    /** struct bug_frame: entry size and the width of its signed location displacement. */
    readonly bugFrame: {
        readonly size: number;
        readonly dispBits: number;
    };
    /** struct exception_table_entry: size (two s32: faulting address, continuation). */
    readonly exTableEntrySize: number;
    /**
     * `.alt_call_sites` (4.21, d2fd5f0fcd "Support new altcall scheme"): struct alt_call is
     * one s32 to a `call *disp32(%rip)` of `callLen` bytes in the payload's text; absent
     * where the loader does not read the section.
     */
    readonly altCallSites?: {
        readonly size: number;
        readonly callLen: number;
    };
}
/**
 * Xen 4.17 x86 (xen/common/livepatch.c move_payload, xen/arch/x86/livepatch.c): every 4.17
 * release, 4.18.0 to 4.18.3 and 4.19.0.
 */
export declare const XEN_4_17: LoaderVersion;
/**
 * Xen 4.20 x86 (and 4.18.4+, 4.19.1+): as 4.17, with the build-id check earlier
 * (fa49f4be41), ENODATA for a note of the wrong type or name (86d09d16dd), and
 * alternatives Xen cannot apply refused instead of panicking (aa5a06d5d6).
 */
export declare const XEN_4_20: LoaderVersion;
/**
 * Xen 4.21 x86: as 4.20, and `.alt_call_sites` (prepare_payload() in xen/common/livepatch.c
 * checks each site lies in the payload's text; livepatch_apply_alt_calls() requires
 * `ff 15`); one more synthetic capability word (NCAPINTS 22).
 */
export declare const XEN_4_21: LoaderVersion;
/**
 * The loader model for a hypervisor of `version` (see XenSyms.version()), to the point
 * release: each change of src/xen/changes.ts the release has. 4.17's model for anything older
 * or unknown; an unknown point release counts as the minor's first.
 */
export declare function loaderFor(version: (Pick<XenVersion, "major" | "minor"> & Partial<XenVersion>) | undefined): LoaderVersion;
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
