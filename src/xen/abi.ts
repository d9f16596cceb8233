/**
 * Xen's livepatch ABI on x86-64, once: the layouts and limits that the payload format, the
 * hypervisor's loader and the patch builder share, each with the Xen source it comes from.
 * The verifier's loader model, the payload reader and the builder's emitter all read them
 * from here, so they cannot disagree on a size or an offset.
 *
 * What a release changes (which special sections its loader reads, its messages) is in
 * src/xen/changes.ts; the rows here that only some loaders read name that change.
 */
import { R_X86_64_64, R_X86_64_NONE, R_X86_64_PC32, R_X86_64_PLT32 } from "../elf/constants.js";

/** LIVEPATCH_PAYLOAD_VERSION (xen/include/public/sysctl.h): the `version` of a funcs entry. */
export const LIVEPATCH_PAYLOAD_VERSION = 2;

/** `struct livepatch_func` (xen/include/public/sysctl.h, payload version 2): byte offsets. */
export const LIVEPATCH_FUNC = {
  size: 104,
  name: 0,
  newAddr: 8,
  oldAddr: 16,
  newSize: 24,
  oldSize: 28,
  version: 32,
  /** `struct livepatch_expectation`: enabled:1, len:5, rsv:2 in one byte, then its data. */
  expect: 72,
  expectData: 73,
} as const;

/** Bytes of an expectation's data (LIVEPATCH_OPAQUE_SIZE - 1 of `struct livepatch_expectation`). */
export const EXPECT_DATA_SIZE = 31;

/** LIVEPATCH_MAX_SIZE (xen/common/livepatch.c): the largest payload an upload takes, in bytes. */
export const LIVEPATCH_MAX_SIZE = 2 * 1024 * 1024;

/** XEN_LIVEPATCH_NAME_SIZE (public/sysctl.h): a payload's name, including the NUL. */
export const XEN_LIVEPATCH_NAME_SIZE = 128;

/** KSYM_NAME_LEN (xen/include/xen/symbols.h): a symbol's name as Xen keeps it, with the NUL. */
export const KSYM_NAME_LEN = 128;

/** The payload's sections the loader looks up by name (xen/common/livepatch.c). */
export const SECTION = {
  funcs: ".livepatch.funcs",
  depends: ".livepatch.depends",
  xenDepends: ".livepatch.xen_depends",
  buildId: ".note.gnu.build-id",
  modinfo: ".modinfo",
} as const;

/** Hook sections: the multi ones hold arrays of pointers, the others exactly one. */
export const HOOK_SECTIONS = {
  ".livepatch.hooks.load": "multi",
  ".livepatch.hooks.unload": "multi",
  ".livepatch.hooks.preapply": "single",
  ".livepatch.hooks.apply": "single",
  ".livepatch.hooks.postapply": "single",
  ".livepatch.hooks.prerevert": "single",
  ".livepatch.hooks.revert": "single",
  ".livepatch.hooks.postrevert": "single",
} as const;
export type HookSectionName = keyof typeof HOOK_SECTIONS;

/**
 * ARCH_PATCH_INSN_SIZE (xen/arch/x86/include/asm/livepatch.h): the `jmp rel32` Xen writes
 * over a replaced function, in bytes.
 */
export const ARCH_PATCH_INSN_SIZE = 5;

/** ARCH_LIVEPATCH_RANGE: how far a new function may lie from the old one (±2 GiB, rel32). */
export const ARCH_LIVEPATCH_RANGE = 1n << 31n;

/** ENDBR64, the instruction CET-IBT requires at an indirect branch target. */
export const ENDBR64: readonly number[] = [0xf3, 0x0f, 0x1e, 0xfa];

/**
 * `nopw (%rcx)`: what Xen writes over the ENDBR64 of a function never called indirectly
 * (a cf_clobber target) at boot on CET-IBT hardware (xen/arch/x86/alternative.c).
 */
export const ENDBR64_POISON: readonly number[] = [0x66, 0x0f, 0x1f, 0x01];

/** 4 when `code` starts with ENDBR64, else 0 (as xen-syms holds it, before any sealing). */
export function endbrLength(code: Uint8Array | readonly number[]): number {
  return startsWith(code, ENDBR64) ? ENDBR64.length : 0;
}

/**
 * Where in a function Xen writes its jump: after an ENDBR64 or its poison, which the
 * function keeps (arch_livepatch_apply(), xen/arch/x86/livepatch.c: `patch_offset`).
 */
export function jumpOffset(code: Uint8Array | readonly number[]): number {
  return startsWith(code, ENDBR64) || startsWith(code, ENDBR64_POISON) ? ENDBR64.length : 0;
}

/** Bytes a function must have for Xen to patch it: the jump, after its kept ENDBR64. */
export function patchSiteSize(code: Uint8Array | readonly number[]): number {
  return ARCH_PATCH_INSN_SIZE + jumpOffset(code);
}

function startsWith(code: Uint8Array | readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((b, i) => code[i] === b);
}

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
export const RELOCATIONS: ReadonlyMap<number, RelocationKind> = new Map<number, RelocationKind>([
  [R_X86_64_NONE, { name: "R_X86_64_NONE", width: 0, pcRelative: false }],
  [R_X86_64_64, { name: "R_X86_64_64", width: 8, pcRelative: false }],
  [R_X86_64_PC32, { name: "R_X86_64_PC32", width: 4, pcRelative: true }],
  [R_X86_64_PLT32, { name: "R_X86_64_PLT32", width: 4, pcRelative: true }],
]);

/** "R_X86_64_NONE, 64, PC32 and PLT32": the relocation set as a message says it. */
export function relocationSetText(): string {
  const names = [...RELOCATIONS.values()].map((r, i) =>
    i === 0 ? r.name : r.name.replace(/^R_X86_64_/, ""),
  );
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * `struct alt_instr` (xen/arch/x86/include/asm/alternative.h): orig_offset s32,
 * repl_offset s32, cpuid u16, orig_len u8, repl_len u8, pad_len u8, priv u8.
 */
export const ALT_INSTR = {
  size: 14,
  origOffset: 0,
  replOffset: 4,
  cpuid: 8,
  origLen: 10,
  replLen: 11,
  padLen: 12,
} as const;

/** MAX_PATCH_LEN (xen/arch/x86/alternative.c): the longest alternative Xen writes. */
export const MAX_PATCH_LEN = 254;

/** Bit 15 of an alternative's cpuid: ALT_FLAG_NOT, which inverts it (where the loader has it). */
export const ALT_FLAG_NOT_BIT = 0x8000;

/**
 * `struct alt_call` (4.21, d2fd5f0fcd): one s32 to a `call *disp32(%rip)` (`ff 15`, 6 bytes)
 * in the payload's text.
 */
export const ALT_CALL = { size: 4, callLen: 6 } as const;

/**
 * `struct bug_frame` (xen/arch/x86/include/asm/bug.h): 8 bytes, a signed location
 * displacement of BUG_DISP_WIDTH (24) bits. An assertion (`.bug_frames.3`) is two frames:
 * the second holds the message, not a location.
 */
export const BUG_FRAME = { size: 8, dispBits: 24, assertFrames: 2 } as const;

/** `struct exception_table_entry`: two s32 (the faulting address, the continuation). */
export const EXCEPTION_TABLE_ENTRY_SIZE = 8;

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
export const SPECIAL_SECTIONS: readonly SpecialSection[] = [
  { name: ".altinstructions", entrySize: ALT_INSTR.size, entriesPerUnit: 1 },
  { name: ".ex_table", entrySize: EXCEPTION_TABLE_ENTRY_SIZE, entriesPerUnit: 1 },
  // Each entry locates an alternative call site; an included function's entries must come
  // along, or its indirect call stays unpatched.
  {
    name: ".alt_call_sites",
    entrySize: ALT_CALL.size,
    entriesPerUnit: 1,
    onlyWith: "altCallSites",
  },
  { name: ".bug_frames.0", entrySize: BUG_FRAME.size, entriesPerUnit: 1 },
  { name: ".bug_frames.1", entrySize: BUG_FRAME.size, entriesPerUnit: 1 },
  { name: ".bug_frames.2", entrySize: BUG_FRAME.size, entriesPerUnit: 1 },
  { name: ".bug_frames.3", entrySize: BUG_FRAME.size, entriesPerUnit: BUG_FRAME.assertFrames },
];

/**
 * The hypervisor's memory that is read-only once it has booted, as xen-syms' bounding
 * symbols: `.data.ro_after_init` (`__ro_after_init` variables) and `.rodata`. Xen makes
 * both writable only while it applies or reverts a payload (c3ff11b11c, 335cbb5556:
 * livepatch_do_action() runs under the writable mapping), so a payload's load, unload and
 * action hooks may store there and its patched functions may not: their first store
 * faults. Section names are those of the objects the builder compares.
 */
export const READ_ONLY_AFTER_BOOT = [
  { name: "__ro_after_init", start: "__ro_after_init_start", end: "__ro_after_init_end" },
  { name: ".rodata", start: "_srodata", end: "_erodata" },
] as const;

/** Sections of a compiled object that Xen maps read-only after boot (READ_ONLY_AFTER_BOOT). */
export const isReadOnlyAfterBoot = (section: string) =>
  /^\.data\.ro_after_init(\.|$)|^\.rodata(\.|$)/.test(section);

/**
 * The section of a compiled object holding DEFINE_PER_CPU variables. Xen copies
 * `__per_cpu_start..__per_cpu_data_end` for each CPU at boot and when it brings a CPU
 * up; a payload has no per-CPU area, so `this_cpu()` on a payload's own variable adds
 * another CPU's offset to an address in payload data (xen/arch/x86/percpu.c).
 */
export const isPerCpuSection = (section: string) =>
  /^\.bss\.percpu(\.|$)|^\.data\.percpu(\.|$)/.test(section);
