/**
 * The shape of one Xen loader's model (LoaderVersion) and the names of its steps, in
 * Xen's order. The values for each release are loader.ts's loaderFor(): 4.17's model with
 * each change of changes.ts the release has folded in.
 */
import type { RelocationKind } from "./abi.js";
import type { XenVersion } from "./version.js";
/**
 * The steps of Xen's loader, in its order: load_payload_data() and prepare_payload()
 * (xen/common/livepatch.c) at upload, then apply and what runs after it. A change of
 * changes.ts may move a check to another of these steps (LoaderVersion.xenDepends).
 */
export declare const LOADER_STEPS: readonly ["upload", "elf-load", "xen-build-id", "placement", "symbols", "relocations", "required-sections", "patching-sections", "funcs", "hooks", "build-id", "depends", "xen-depends-note", "bug-frames", "alternatives", "alternatives-apply", "alt-calls", "ex-table", "modinfo", "xen-build-id-late", "symbol-table", "apply", "after-apply"];
export type LoaderStep = (typeof LOADER_STEPS)[number];
/**
 * How a loader checks `.livepatch.xen_depends`: the step of each check, and the console
 * line each refusal prints after the payload's name ("" where it prints none).
 */
export interface XenDependsCheck {
    readonly steps: {
        readonly missing: LoaderStep;
        readonly note: LoaderStep;
        readonly mismatch: LoaderStep;
    };
    readonly lines: {
        readonly missing: string;
        readonly empty: string;
        readonly mismatch: string;
        /** For a note that does not parse, by the negative errno the parse returned; "" none. */
        readonly badNote: (errno: number) => string;
    };
}
/**
 * 4.17's `.livepatch.xen_depends` checks: check_special_sections() requires the section,
 * prepare_payload() parses the note, and xen_build_id_dep() compares it last at upload.
 */
export declare const XEN_DEPENDS_LATE: XenDependsCheck;
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
     * Where the loader checks `.livepatch.xen_depends` and what it prints (the console line
     * after the payload's name): XEN_DEPENDS_LATE (in check_special_sections(),
     * prepare_payload() and after it, xen_build_id_dep()), or what a change of changes.ts
     * makes of it (XEN_BUILDID_CHECKED_EARLY: right after the ELF load).
     */
    readonly xenDepends: XenDependsCheck;
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
