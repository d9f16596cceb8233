/**
 * What the patch builder knows about sections by their name and flags: the special
 * sections it moves entry by entry, the support code that travels with functions, the
 * tables Xen does not register for a payload, and which sections are code, live data,
 * or entry code.
 */
import { SHF_EXECINSTR, SHF_WRITE } from "../elf/constants.js";
import type { ElfSection } from "../elf/reader.js";
import { SPECIAL_SECTIONS as XEN_SPECIAL_SECTIONS } from "../xen/abi.js";

/**
 * The special sections as the builder moves them: an entry is one unit of the ABI's row
 * (an assertion's two bug frames travel together).
 */
export const SPECIAL_SECTIONS: ReadonlyArray<{ name: string; entrySize: number }> =
  XEN_SPECIAL_SECTIONS.map((s) => ({ name: s.name, entrySize: s.entrySize * s.entriesPerUnit }));

/**
 * A bug frame's displacements carry its line number above their low 24 bits
 * (xen/arch/x86/include/asm/bug.h); in an object, the place is in the low bits.
 */
export function withoutLineBits(addend: bigint): bigint {
  return addend & 0xffffffn;
}

/**
 * Code sections without function symbols that belong to the functions around them:
 * alternatives' replacements and exception fixups. They are copied whole, under their own
 * name, which Xen's loader looks them up by.
 */
export const SUPPORT_CODE_SECTIONS: ReadonlySet<string> = new Set([
  ".altinstr_replacement",
  ".fixup",
]);

/**
 * Tables of entries about code that Xen's livepatch loader does not register for a
 * payload: it looks up `.ex_table` but not the pre-exception table (xen/common/livepatch.c,
 * prepare_payload()), so a payload's code cannot have entries there.
 */
export const UNREGISTERED_TABLES: ReadonlySet<string> = new Set([".ex_table.pre"]);

/** Data a running hypervisor writes (live state, not re-initialised by a payload). */
export function isWritable(section: ElfSection): boolean {
  // .data.rel.ro holds constants with relocations: written only while loading.
  return Boolean(section.flags & SHF_WRITE) && !section.name.startsWith(".data.rel.ro");
}

/** Code: an executable section. */
export function isCode(section: ElfSection): boolean {
  return Boolean(section.flags & SHF_EXECINSTR);
}

/** `foo.isra.0` and `foo.isra.3` are the same clone built twice; `buf.12` the same static. */
export function stripCloneNumber(name: string): string {
  return name.replace(/\.\d+$/, "");
}

/**
 * Whether a code section is entry code (`.text.entry`, `.text.entry.*`): under XPTI the
 * per-CPU restricted page tables map only it, the stacks, IDT, TSS and stubs
 * (setup_cpu_root_pgt() in xen/arch/x86/smpboot.c), and code there runs before the switch
 * to Xen's full page tables, where a payload's text is not mapped.
 */
export function isEntryCode(section: Pick<ElfSection, "name">): boolean {
  return section.name === ".text.entry" || section.name.startsWith(".text.entry.");
}
