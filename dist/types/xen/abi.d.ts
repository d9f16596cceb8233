/** LIVEPATCH_PAYLOAD_VERSION (xen/include/public/sysctl.h): the `version` of a funcs entry. */
export declare const LIVEPATCH_PAYLOAD_VERSION = 2;
/** `struct livepatch_func` (xen/include/public/sysctl.h, payload version 2): byte offsets. */
export declare const LIVEPATCH_FUNC: {
    readonly size: 104;
    readonly name: 0;
    readonly newAddr: 8;
    readonly oldAddr: 16;
    readonly newSize: 24;
    readonly oldSize: 28;
    readonly version: 32;
    /** `struct livepatch_expectation`: enabled:1, len:5, rsv:2 in one byte, then its data. */
    readonly expect: 72;
    readonly expectData: 73;
};
/** Bytes of an expectation's data (LIVEPATCH_OPAQUE_SIZE - 1 of `struct livepatch_expectation`). */
export declare const EXPECT_DATA_SIZE = 31;
/** LIVEPATCH_MAX_SIZE (xen/common/livepatch.c): the largest payload an upload takes, in bytes. */
export declare const LIVEPATCH_MAX_SIZE: number;
/** XEN_LIVEPATCH_NAME_SIZE (public/sysctl.h): a payload's name, including the NUL. */
export declare const XEN_LIVEPATCH_NAME_SIZE = 128;
/** KSYM_NAME_LEN (xen/include/xen/symbols.h): a symbol's name as Xen keeps it, with the NUL. */
export declare const KSYM_NAME_LEN = 128;
/** The payload's sections the loader looks up by name (xen/common/livepatch.c). */
export declare const SECTION: {
    readonly funcs: ".livepatch.funcs";
    readonly depends: ".livepatch.depends";
    readonly xenDepends: ".livepatch.xen_depends";
    readonly buildId: ".note.gnu.build-id";
    readonly modinfo: ".modinfo";
};
/** Hook sections: the multi ones hold arrays of pointers, the others exactly one. */
export declare const HOOK_SECTIONS: {
    readonly ".livepatch.hooks.load": "multi";
    readonly ".livepatch.hooks.unload": "multi";
    readonly ".livepatch.hooks.preapply": "single";
    readonly ".livepatch.hooks.apply": "single";
    readonly ".livepatch.hooks.postapply": "single";
    readonly ".livepatch.hooks.prerevert": "single";
    readonly ".livepatch.hooks.revert": "single";
    readonly ".livepatch.hooks.postrevert": "single";
};
export type HookSectionName = keyof typeof HOOK_SECTIONS;
/**
 * ARCH_PATCH_INSN_SIZE (xen/arch/x86/include/asm/livepatch.h): the `jmp rel32` Xen writes
 * over a replaced function, in bytes.
 */
export declare const ARCH_PATCH_INSN_SIZE = 5;
/** ARCH_LIVEPATCH_RANGE: how far a new function may lie from the old one (±2 GiB, rel32). */
export declare const ARCH_LIVEPATCH_RANGE: bigint;
/** ENDBR64, the instruction CET-IBT requires at an indirect branch target. */
export declare const ENDBR64: readonly number[];
/**
 * `nopw (%rcx)`: what Xen writes over the ENDBR64 of a function never called indirectly
 * (a cf_clobber target) at boot on CET-IBT hardware (xen/arch/x86/alternative.c).
 */
export declare const ENDBR64_POISON: readonly number[];
/** 4 when `code` starts with ENDBR64, else 0 (as xen-syms holds it, before any sealing). */
export declare function endbrLength(code: Uint8Array | readonly number[]): number;
/**
 * Where in a function Xen writes its jump: after an ENDBR64 or its poison, which the
 * function keeps (arch_livepatch_apply(), xen/arch/x86/livepatch.c: `patch_offset`).
 */
export declare function jumpOffset(code: Uint8Array | readonly number[]): number;
/** Bytes a function must have for Xen to patch it: the jump, after its kept ENDBR64. */
export declare function patchSiteSize(code: Uint8Array | readonly number[]): number;
/** A relocation type the x86 loader applies (arch_livepatch_perform_rela()). */
export interface RelocationKind {
    readonly name: string;
    /** Bytes written at the offset. */
    readonly width: 0 | 4 | 8;
    /** PC-relative, and so range-checked to 32 signed bits (EOVERFLOW). */
    readonly pcRelative: boolean;
}
/**
 * The relocation types arch_livepatch_perform_rela() (xen/arch/x86/livepatch.c) applies;
 * any other is refused with EOPNOTSUPP.
 */
export declare const RELOCATIONS: ReadonlyMap<number, RelocationKind>;
/** "R_X86_64_NONE, 64, PC32 and PLT32": the relocation set as a message says it. */
export declare function relocationSetText(): string;
/**
 * `struct alt_instr` (xen/arch/x86/include/asm/alternative.h): orig_offset s32,
 * repl_offset s32, cpuid u16, orig_len u8, repl_len u8, pad_len u8, priv u8.
 */
export declare const ALT_INSTR: {
    readonly size: 14;
    readonly origOffset: 0;
    readonly replOffset: 4;
    readonly cpuid: 8;
    readonly origLen: 10;
    readonly replLen: 11;
    readonly padLen: 12;
};
/** MAX_PATCH_LEN (xen/arch/x86/alternative.c): the longest alternative Xen writes. */
export declare const MAX_PATCH_LEN = 254;
/** Bit 15 of an alternative's cpuid: ALT_FLAG_NOT, which inverts it (where the loader has it). */
export declare const ALT_FLAG_NOT_BIT = 32768;
/**
 * `struct alt_call` (4.21, d2fd5f0fcd): one s32 to a `call *disp32(%rip)` (`ff 15`, 6 bytes)
 * in the payload's text.
 */
export declare const ALT_CALL: {
    readonly size: 4;
    readonly callLen: 6;
};
/**
 * `struct bug_frame` (xen/arch/x86/include/asm/bug.h): 8 bytes, a signed location
 * displacement of BUG_DISP_WIDTH (24) bits. An assertion (`.bug_frames.3`) is two frames:
 * the second holds the message, not a location.
 */
export declare const BUG_FRAME: {
    readonly size: 8;
    readonly dispBits: 24;
    readonly assertFrames: 2;
};
/** `struct exception_table_entry`: two s32 (the faulting address, the continuation). */
export declare const EXCEPTION_TABLE_ENTRY_SIZE = 8;
/** A special section of fixed-size entries whose first field locates code. */
export interface SpecialSection {
    readonly name: string;
    /** Bytes of one entry as the loader reads it. */
    readonly entrySize: number;
    /** Entries that belong together (an assertion's two bug frames): move and keep them as one. */
    readonly entriesPerUnit: number;
    /** Read only by loaders with this feature of LoaderVersion (src/xen/changes.ts). */
    readonly onlyWith?: "altCallSites";
}
/** The special sections, one row each (check_special_sections() and prepare_payload()). */
export declare const SPECIAL_SECTIONS: readonly SpecialSection[];
/**
 * The hypervisor's memory that is read-only once it has booted, as xen-syms' bounding
 * symbols: `.data.ro_after_init` (`__ro_after_init` variables) and `.rodata`. Xen makes
 * both writable only while it applies or reverts a payload (c3ff11b11c, 335cbb5556:
 * livepatch_do_action() runs under the writable mapping), so a payload's load, unload and
 * action hooks may store there and its patched functions may not: their first store
 * faults. Section names are those of the objects the builder compares.
 */
export declare const READ_ONLY_AFTER_BOOT: readonly [{
    readonly name: "__ro_after_init";
    readonly start: "__ro_after_init_start";
    readonly end: "__ro_after_init_end";
}, {
    readonly name: ".rodata";
    readonly start: "_srodata";
    readonly end: "_erodata";
}];
/** Sections of a compiled object that Xen maps read-only after boot (READ_ONLY_AFTER_BOOT). */
export declare const isReadOnlyAfterBoot: (section: string) => boolean;
/**
 * The section of a compiled object holding DEFINE_PER_CPU variables. Xen copies
 * `__per_cpu_start..__per_cpu_data_end` for each CPU at boot and when it brings a CPU
 * up; a payload has no per-CPU area, so `this_cpu()` on a payload's own variable adds
 * another CPU's offset to an address in payload data (xen/arch/x86/percpu.c).
 */
export declare const isPerCpuSection: (section: string) => boolean;
