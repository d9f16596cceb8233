import type { ElfSection } from "../elf/reader.js";
/**
 * The special sections as the builder moves them: an entry is one unit of the ABI's row
 * (an assertion's two bug frames travel together).
 */
export declare const SPECIAL_SECTIONS: ReadonlyArray<{
    name: string;
    entrySize: number;
}>;
/**
 * A bug frame's displacements carry its line number above their low 24 bits
 * (xen/arch/x86/include/asm/bug.h); in an object, the place is in the low bits.
 */
export declare function withoutLineBits(addend: bigint): bigint;
/**
 * Code sections without function symbols that belong to the functions around them:
 * alternatives' replacements and exception fixups. They are copied whole, under their own
 * name, which Xen's loader looks them up by.
 */
export declare const SUPPORT_CODE_SECTIONS: ReadonlySet<string>;
/**
 * Tables of entries about code that Xen's livepatch loader does not register for a
 * payload: it looks up `.ex_table` but not the pre-exception table (xen/common/livepatch.c,
 * prepare_payload()), so a payload's code cannot have entries there.
 */
export declare const UNREGISTERED_TABLES: ReadonlySet<string>;
/** Data a running hypervisor writes (live state, not re-initialised by a payload). */
export declare function isWritable(section: ElfSection): boolean;
/** Code: an executable section. */
export declare function isCode(section: ElfSection): boolean;
/** `foo.isra.0` and `foo.isra.3` are the same clone built twice; `buf.12` the same static. */
export declare function stripCloneNumber(name: string): string;
/**
 * Whether a code section is entry code (`.text.entry`, `.text.entry.*`): under XPTI the
 * per-CPU restricted page tables map only it, the stacks, IDT, TSS and stubs
 * (setup_cpu_root_pgt() in xen/arch/x86/smpboot.c), and code there runs before the switch
 * to Xen's full page tables, where a payload's text is not mapped.
 */
export declare function isEntryCode(section: Pick<ElfSection, "name">): boolean;
