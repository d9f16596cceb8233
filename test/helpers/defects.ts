/**
 * The defects that prove the verifier's rules, shared by the test that checks the
 * verifier's findings (test/integration/rules.test.ts) and the test that loads the same
 * defects into the real hypervisor (test/integration/agreement.test.ts).
 *
 * Each defect starts from one of Xen's in-tree test payloads (built by `make -C xen
 * tests`) and either breaks it in exactly one way or puts it in a context (the payloads
 * applied before it, the name it is loaded under) that is wrong in exactly one way. It
 * says which rule it proves, what that rule's finding must name, and, where the boot
 * cannot load it the way the verifier sees it, how the boot loads it or why it cannot.
 */
import { expect } from "vitest";
import {
  EM_X86_64,
  R_X86_64_NONE,
  ET_EXEC,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_COMMON,
  SHN_LORESERVE,
  SHT_REL,
  SHT_SYMTAB,
  STB_LOCAL,
  STT_FUNC,
  STT_SECTION,
} from "../../src/elf/constants.js";
import { parseElf } from "../../src/elf/reader.js";
import { ALT_INSTR, LIVEPATCH_FUNC, LIVEPATCH_MAX_SIZE } from "../../src/xen/abi.js";
import type { XenSyms } from "../../src/livepatch/xen-syms.js";
import type { FindingLocation, RuleId } from "../../src/verify/rules.js";
import {
  findSection,
  findSymbol,
  padTo,
  renameSection,
  renameSymbol,
  replaceSectionData,
  setHeaderField,
  setRelaField,
  setSectionField,
  setSymbolField,
  truncate,
  writeSectionBytes,
  xorSectionByte,
} from "./elf-mutate.js";
import { KIND_DEFECTS } from "./defects-kinds.js";

// In-tree payload names (xen/test/livepatch/<name>.livepatch).
export const HELLO = "xen_hello_world";
export const BYE = "xen_bye_world";
export const NOP = "xen_nop";
export const REPLACE = "xen_replace_world";
export const EXPECTATIONS = "xen_expectations";
export const PREPOST = "xen_prepost_hooks";
export const NOFUNC = "xen_action_hooks_nofunc";
export const NO_XEN_BUILDID = "xen_no_xen_buildid";
export const EXPECTATIONS_FAIL = "xen_expectations_fail";

// struct alt_instr's fields (src/xen/abi.ts).
export const ALT_CPUID = ALT_INSTR.cpuid;
export const ALT_ORIG_LEN = ALT_INSTR.origLen;
export const ALT_PAD_LEN = ALT_INSTR.padLen;

// A GNU build-id note: 12-byte header, "GNU\0", then the descriptor.
export const NOTE_TYPE = 8;
export const NOTE_NAME = 12;
const NOTE_DESC = 16;

/** What a defect's finding names. */
export interface Names {
  /** Text the message contains (a string), or matches (a RegExp). */
  readonly message: string | RegExp;
  readonly location?: FindingLocation;
}

/** The unchanged bytes of an in-tree payload, by name. */
export type InTree = (name: string) => Uint8Array;

/**
 * How the boot loads a defect where that differs from the verifier's view of it, or why
 * it cannot load it at all.
 */
export type LoadPlan =
  /** In-tree payloads uploaded and applied before it, oldest first (default: `stack`). */
  { readonly stack: readonly string[] } | { readonly skip: string };

export interface Defect {
  /** The rule it proves. */
  readonly rule: RuleId;
  readonly title: string;
  /** The in-tree payload it starts from. */
  readonly payload: string;
  /**
   * How the payload's bytes are broken; absent when it is defective as built, or only its
   * context is wrong. `xen` is the hypervisor it targets, for addresses of its functions.
   */
  readonly mutate?: (bytes: Uint8Array, inTree: InTree, xen: XenSyms) => Uint8Array;
  /** In-tree payloads applied before it, oldest first, as the verifier is told. */
  readonly stack?: readonly string[];
  /** Verified without xen-syms. */
  readonly noXen?: true;
  /**
   * The name (file name without `.livepatch`) it is verified and uploaded under, when not
   * the payload's own; such a defect is verified from a file, as the CLI reads payloads.
   */
  readonly fileName?: string;
  /**
   * What its findings are compared with: the unbroken payload in the same context (the
   * default), in another stack, or nothing ("none": the payload is defective as built).
   */
  readonly baseline?: "none" | { readonly stack: readonly string[] };
  /** What the finding names; a function of the unbroken bytes when that includes their indices. */
  readonly names: Names | ((bytes: Uint8Array) => Names);
  /** Rules the same defect unavoidably trips too (each use says why). */
  readonly also?: readonly RuleId[];
  readonly load?: LoadPlan;
}

/** The bytes the defect is verified and loaded as. */
export function defectBytes(d: Defect, inTree: InTree, xen: XenSyms): Uint8Array {
  const bytes = inTree(d.payload);
  return d.mutate ? d.mutate(bytes, inTree, xen) : bytes;
}

/** The name a defect is verified and uploaded under. */
export const defectFileName = (d: Defect) => d.fileName ?? d.payload;

// Lookups the mutations need, on the unchanged bytes.
const sectionIndex = (bytes: Uint8Array, name: string) =>
  findSection(parseElf(bytes, "(lookup)"), name).index;
function sectionSymbol(bytes: Uint8Array, name: string): number {
  const elf = parseElf(bytes, "(lookup)");
  const index = findSection(elf, name).index;
  const sym = elf.symbols().find((s) => s.type === STT_SECTION && s.shndx === index);
  if (!sym) throw new Error(`no section symbol for ${name}`);
  return sym.index;
}
/** A section as the verifier labels it: name [index]. */
const label = (bytes: Uint8Array, name: string) => `${name} [${sectionIndex(bytes, name)}]`;
const symbolIndex = (bytes: Uint8Array, name: string) =>
  findSymbol(parseElf(bytes, "(lookup)"), name).index;
const symbolCount = (bytes: Uint8Array) => parseElf(bytes, "(lookup)").symbols().length;
const sectionSize = (bytes: Uint8Array, name: string) =>
  findSection(parseElf(bytes, "(lookup)"), name).size;
const sectionBytes = (bytes: Uint8Array, name: string) => {
  const elf = parseElf(bytes, "(lookup)");
  return elf.data(findSection(elf, name));
};

/** Defects made by changing the payload's bytes; verified in the same context as the unbroken payload. */
export const MUTATIONS: readonly Defect[] = [
  // The ELF header (livepatch_header_check).
  {
    rule: "elf-header",
    title: "e_machine is not x86-64",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "machine", 3),
    names: {
      message: `e_machine is 3, expected EM_X86_64 (${EM_X86_64})`,
      location: { offset: 0 },
    },
  },
  {
    rule: "elf-header",
    title: "an executable, not a relocatable object",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "type", ET_EXEC),
    names: { message: `e_type is ${ET_EXEC}, expected ET_REL` },
  },
  {
    rule: "elf-header",
    title: "Linux OS ABI",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "osabi", 3),
    names: { message: "EI_OSABI is 3" },
  },
  {
    rule: "elf-header",
    title: "non-zero ABI version",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "abiversion", 1),
    names: { message: "EI_ABIVERSION is 1" },
  },
  {
    rule: "elf-header",
    title: "e_version is not EV_CURRENT",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "version", 2),
    names: { message: "ELF version 2/1" },
  },
  {
    rule: "elf-header",
    title: "program headers announced",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "phnum", 1),
    names: { message: "1 program headers, expected none" },
  },
  {
    rule: "payload-too-large",
    title: "a NOBITS section reserving more than 2 MiB",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".bss.cnt", "size", LIVEPATCH_MAX_SIZE + 1),
    names: (b) => ({
      message: `${label(b, ".bss.cnt")} reserves ${LIVEPATCH_MAX_SIZE + 1} bytes`,
      location: { section: ".bss.cnt" },
    }),
  },

  // Section headers (elf_resolve_sections, move_payload).
  {
    rule: "section-overlap",
    // Seen in Xen 4.17.5: the replacement's relocations and alternatives land in
    // check_fnc's bytes, and the unload hook check_fnc takes a page fault.
    title: "check_fnc's code aligned to 0: placed over the replacement function",
    payload: HELLO,
    // The text region's size becomes check_fnc's end (50 bytes), so the exception table's
    // fixup and a bug frame's location now lie past the payload's text.
    also: ["ex-table-range", "bug-frame-range"],
    mutate: (b) => setSectionField(b, ".text.check_fnc", "addralign", 0),
    names: (b) => ({
      message: `${label(b, ".text.check_fnc")} (alignment 0) is placed at offset 0 of the text region, over ${label(b, ".text.xen_hello_world")}`,
      location: { section: ".text.check_fnc" },
    }),
  },
  {
    rule: "section-overlap",
    title: "the revert hook's code aligned to 0",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".text.revert_hook", "addralign", 0),
    names: (b) => ({
      message: `${label(b, ".text.revert_hook")} (alignment 0) is placed at offset 0 of the text region`,
      location: { section: ".text.revert_hook" },
    }),
  },
  {
    rule: "section-bounds",
    title: "section data inside the ELF header",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "offset", 8),
    names: {
      message: "data offset 8 lies inside the ELF header",
      location: { section: ".comment" },
    },
  },
  {
    rule: "section-bounds",
    title: "section data past the end of the file",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "size", 0x100000),
    names: {
      message: /\.comment \[\d+\] data \(offset \d+, size 1048576\) runs past the end of the file/,
      location: { section: ".comment" },
    },
  },
  {
    rule: "section-alignment",
    title: "alignment not a power of two",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "addralign", 3),
    names: { message: "alignment 3 is not a power of two", location: { section: ".comment" } },
  },
  {
    rule: "section-alignment",
    title: "address not aligned to the section's alignment",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".ex_table", "addr", 2),
    names: { message: "address 2 is not aligned to 4", location: { section: ".ex_table" } },
  },
  {
    rule: "section-write-exec",
    title: "code made writable",
    payload: HELLO,
    mutate: (b) =>
      setSectionField(b, ".text.xen_hello_world", "flags", SHF_ALLOC | SHF_EXECINSTR | SHF_WRITE),
    names: (b) => ({
      message: `${label(b, ".text.xen_hello_world")} is both writable and executable`,
      location: { section: ".text.xen_hello_world" },
    }),
  },
  {
    rule: "section-rel",
    title: "a relocation section turned into SHT_REL",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "type", SHT_REL),
    names: (b) => ({
      message: `${label(b, ".rela.ex_table")} is SHT_REL`,
      location: { section: ".rela.ex_table" },
    }),
  },

  // The symbol table (livepatch_elf_resolve_symbols and its preconditions).
  {
    rule: "symtab-link-zero",
    title: "symbol table linked to section 0",
    payload: HELLO,
    // elf_resolve_sections() only checks sh_link < e_shnum, then elf_verify_strtab()
    // reads the header of section 0, which it never set up (livepatch_elf.c:158, :33).
    mutate: (b) => setSectionField(b, ".symtab", "link", 0),
    names: { message: "links to string table section 0", location: { section: ".symtab" } },
  },
  {
    rule: "symtab-invalid",
    title: "symbol table entry size 0",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".symtab", "entsize", 0),
    names: { message: "symbol table header is corrupted", location: { section: ".symtab" } },
  },
  {
    rule: "symtab-invalid",
    title: "a symbol name past the string table",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "name", 0xffff),
    names: (b) => ({
      message: `symbol ${symbolIndex(b, "cnt")} name offset 65535 is past the string table`,
      location: { section: ".symtab", entry: symbolIndex(b, "cnt") },
    }),
  },
  {
    rule: "symtab-invalid",
    title: "string table not NUL-terminated",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".strtab", sectionSize(b, ".strtab") - 1, "X"),
    names: (b) => ({
      message: `symbol string table ${label(b, ".strtab")} does not start and end with NUL`,
      location: { section: ".strtab" },
    }),
  },
  {
    rule: "symtab-invalid",
    title: "a second symbol table",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".strtab", "type", SHT_SYMTAB),
    names: { message: "2 symbol tables", location: { section: ".strtab" } },
  },
  {
    rule: "symbol-section-index",
    title: "symbol in a section past the section table",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "shndx", 200),
    names: {
      message: "symbol cnt is in section 200, which does not exist",
      location: { symbol: "cnt" },
    },
  },
  {
    rule: "symbol-section-index",
    title: "symbol in a reserved section index",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "shndx", SHN_LORESERVE),
    names: { message: `symbol cnt is in section ${SHN_LORESERVE}`, location: { symbol: "cnt" } },
  },
  {
    rule: "symbol-common",
    title: "a common symbol",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "shndx", SHN_COMMON),
    names: { message: "symbol cnt is a common symbol", location: { symbol: "cnt" } },
  },
  {
    rule: "symbol-unresolved",
    title: "an undefined symbol the hypervisor does not have",
    payload: HELLO,
    // "extra_version" is the tail of "xen_extra_version" in .strtab.
    mutate: (b) => renameSymbol(b, "xen_extra_version", "extra_version"),
    names: {
      message: "undefined symbol extra_version is neither in",
      location: { section: ".symtab", symbol: "extra_version" },
    },
  },
  {
    rule: "symbol-undefined-local",
    title: "an undefined symbol made LOCAL",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "printk", "bind", STB_LOCAL),
    names: { message: "undefined LOCAL symbol printk", location: { symbol: "printk" } },
  },
  {
    rule: "symbol-undefined-local",
    title: "the section symbol of .fixup left undefined (the livepatch-build-tools bug)",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, sectionSymbol(b, ".fixup"), "shndx", 0),
    // A section symbol has no name, and the hypervisor resolves undefined symbols by name.
    also: ["symbol-unresolved"],
    names: (b) => ({
      message: `undefined LOCAL symbol #${sectionSymbol(b, ".fixup")}`,
      location: { section: ".symtab", entry: sectionSymbol(b, ".fixup") },
    }),
  },
  {
    rule: "symbol-duplicate",
    title: "a new symbol named like a hypervisor global",
    payload: HELLO,
    mutate: (b) => renameSymbol(b, "hi_func", "printk"),
    names: {
      message: /^new symbol printk already exists in .*xen-syms/,
      location: { section: ".symtab", symbol: "printk" },
    },
  },

  // Relocations (livepatch_elf_perform_relocs, arch_livepatch_perform_rela).
  {
    rule: "rela-header",
    title: "relocation entry size 0",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "entsize", 0),
    names: { message: "has entry size 0 and size 48", location: { section: ".rela.ex_table" } },
  },
  {
    rule: "rela-header",
    title: "relocation section size not a multiple of its entries",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "size", 47),
    names: { message: "has entry size 24 and size 47", location: { section: ".rela.ex_table" } },
  },
  {
    rule: "rela-link",
    title: "relocations linked to the string table",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "link", sectionIndex(b, ".strtab")),
    names: (b) => ({
      message: `${label(b, ".rela.ex_table")} links to section ${sectionIndex(b, ".strtab")}, not the symbol table (${sectionIndex(b, ".symtab")})`,
      location: { section: ".rela.ex_table" },
    }),
  },
  {
    rule: "rela-symbol-zero",
    title: "relocation against STN_UNDEF",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 0, "symbol", 0),
    names: (b) => ({
      message: `relocation 0 in ${label(b, ".rela.ex_table")} (offset 0 of .ex_table) has symbol index 0`,
      location: { section: ".rela.ex_table", entry: 0 },
    }),
  },
  {
    rule: "rela-symbol-range",
    title: "relocation against a symbol past the table",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 0, "symbol", 1000),
    names: (b) => ({
      message: `refers to symbol 1000, past the ${symbolCount(b)} symbols`,
      location: { section: ".rela.ex_table", entry: 0 },
    }),
  },
  {
    rule: "rela-type",
    title: "R_X86_64_32, which the hypervisor does not perform",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "type", 10),
    names: { message: "has type R_X86_64_32", location: { section: ".rela.ex_table", entry: 1 } },
  },
  {
    rule: "rela-offset",
    title: "relocation writing past its section",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "offset", 6),
    names: (b) => ({
      message: `writes 4 bytes at offset 6, past the end of ${label(b, ".ex_table")} (8 bytes)`,
      location: { section: ".rela.ex_table", entry: 1, offset: 6 },
    }),
  },
  {
    rule: "rela-ignored-section",
    title: "relocation against a symbol in .comment",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "symbol", sectionSymbol(b, ".comment")),
    names: (b) => ({
      message: `refers to .comment in ${label(b, ".comment")}, a section the loader does not load`,
      location: { section: ".rela.ex_table", entry: 1, symbol: ".comment" },
    }),
  },

  // Read-only data.
  {
    rule: "rodata-unreferenced",
    title: "the only reference to __func__ of hi_func pointed elsewhere",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(b, ".rela.text.hi_func", 1, "symbol", sectionSymbol(b, ".rodata.__func__.0")),
    names: (b) => ({
      message: `${label(b, ".rodata.__func__.1")} (8 bytes) is not referenced`,
      location: { section: ".rodata.__func__.1" },
    }),
  },
  {
    rule: "rodata-duplicate",
    title: "a payload re-carrying hello_world's __FILE__ string",
    payload: NOFUNC,
    stack: [HELLO],
    mutate: (b) =>
      writeSectionBytes(
        b,
        ".rodata.post_revert_hook.str1.8",
        0,
        "test/livepatch/xen_hello_world.c\0",
      ),
    names: {
      message:
        /strings \(33 bytes\) are already carried by .*xen_hello_world\.livepatch \(\.rodata\.check_fnc\.str1\.8\), e\.g\. "test\/livepatch\/xen_hello_world\.c"/,
      location: { section: ".rodata.post_revert_hook.str1.8" },
    },
    load: {
      skip: "unbroken, it is refused already: it and hello_world both define apply_hook and revert_hook (symbol-duplicate); the in-tree bye_world on hello_world is loaded instead",
    },
  },

  // Livepatch sections and build-ids (check_special_sections, check_patching_sections).
  {
    rule: "section-missing",
    title: ".livepatch.depends renamed",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".livepatch.depends", "livepatch.depends"),
    names: {
      message: "required section .livepatch.depends is missing",
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "section-missing",
    title: ".note.gnu.build-id renamed",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".note.gnu.build-id", "note.gnu.build-id"),
    names: { message: "required section .note.gnu.build-id is missing" },
  },
  {
    rule: "section-empty",
    title: "required section emptied",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".livepatch.depends", "size", 0),
    names: {
      message: "required section .livepatch.depends is empty",
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "section-empty",
    title: ".livepatch.funcs emptied (xen_nop has no relocations into it)",
    payload: NOP,
    mutate: (b) => setSectionField(b, ".livepatch.funcs", "size", 0),
    names: {
      message: "section .livepatch.funcs is empty",
      location: { section: ".livepatch.funcs" },
    },
  },
  {
    rule: "section-empty",
    title: "a hook section emptied",
    payload: PREPOST,
    mutate: (b) => setSectionField(b, ".livepatch.hooks.preapply", "size", 0),
    // The hook pointer's relocation stays and now writes past the empty section: the loader
    // performs relocations before it looks at the patching sections, so both are reported.
    also: ["rela-offset"],
    names: {
      message: "section .livepatch.hooks.preapply is empty",
      location: { section: ".livepatch.hooks.preapply" },
    },
  },
  {
    rule: "section-duplicate",
    title: "a second .livepatch.depends",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".comment", ".livepatch.depends"),
    names: (b) => ({
      message: `section .livepatch.depends appears 2 times (sections ${sectionIndex(b, ".livepatch.depends")}, ${sectionIndex(b, ".comment")})`,
      location: { section: ".livepatch.depends", sectionIndex: sectionIndex(b, ".comment") },
    }),
  },
  {
    rule: "nothing-to-patch",
    title: "xen_nop without its .livepatch.funcs",
    payload: NOP,
    mutate: (b) => renameSection(b, ".livepatch.funcs", "livepatch.funcs"),
    names: { message: "neither .livepatch.funcs nor a .livepatch.hooks.* section" },
  },
  {
    rule: "note-invalid",
    title: "build-id note of the wrong type",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".note.gnu.build-id", NOTE_TYPE, [4, 0, 0, 0]),
    names: {
      message: ".note.gnu.build-id: note type is 4, not NT_GNU_BUILD_ID (3)",
      location: { section: ".note.gnu.build-id" },
    },
  },
  {
    rule: "note-invalid",
    title: "depends note not named GNU",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.depends", NOTE_NAME, "GNX"),
    names: {
      message: '.livepatch.depends: note name is not "GNU"',
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "xen-depends-mismatch",
    title: "xen_depends one bit off the hypervisor's build-id",
    payload: HELLO,
    mutate: (b) =>
      xorSectionByte(b, ".livepatch.xen_depends", sectionSize(b, ".livepatch.xen_depends") - 1, 1),
    names: {
      message:
        /^\.livepatch\.xen_depends is [0-9a-f]{40} but .*xen-syms has build-id [0-9a-f]{40}: Xen 4\.17\.5 refuses the upload \(EINVAL, -22; "xen_hello_world: check against hypervisor build-id failed"\)$/,
      location: { section: ".livepatch.xen_depends" },
    },
  },
  {
    rule: "depends-mismatch",
    title: "depends one bit off the base's build-id",
    payload: HELLO,
    mutate: (b) =>
      xorSectionByte(b, ".livepatch.depends", sectionSize(b, ".livepatch.depends") - 1, 1),
    names: {
      message: /^\.livepatch\.depends is [0-9a-f]{40} but the base .*xen-syms has build-id/,
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "build-id-duplicate",
    title: "bye_world carrying the build-id of hello_world, which it sits on",
    payload: BYE,
    stack: [HELLO],
    mutate: (b, inTree) =>
      writeSectionBytes(
        b,
        ".note.gnu.build-id",
        NOTE_DESC,
        sectionBytes(inTree(HELLO), ".note.gnu.build-id").subarray(NOTE_DESC),
      ),
    names: {
      message: /^build-id [0-9a-f]{40} is also the build-id of .*xen_hello_world\.livepatch/,
      location: { section: ".note.gnu.build-id" },
    },
  },

  // .livepatch.funcs (prepare_payload, arch_livepatch_verify_func, expectations).
  {
    rule: "funcs-size",
    title: "a trailing byte after the one entry",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".livepatch.funcs", "size", LIVEPATCH_FUNC.size + 1),
    names: {
      message: `.livepatch.funcs is ${LIVEPATCH_FUNC.size + 1} bytes, not a multiple of ${LIVEPATCH_FUNC.size}`,
      location: { section: ".livepatch.funcs" },
    },
  },
  {
    rule: "func-version",
    title: "entry version 1",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.version, [1]),
    names: {
      message: "function entry 0 (xen_extra_version) has version 1, expected 2",
      location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_version" },
    },
  },
  {
    rule: "func-old-size",
    title: "old_size 0",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, [0, 0, 0, 0]),
    names: {
      message: "function entry 0 (xen_extra_version) has old_size 0",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-name-unmapped",
    title: "name pointer relocated 4 KiB past its string (xen_replace_world patches by name)",
    payload: REPLACE,
    // resolve_old_address() passes the pointer straight to symbols_lookup_by_name()
    // (livepatch.c:208): 4 KiB past the name is past the payload's last page.
    mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "addend", 0x1000),
    names: {
      message:
        /^function entry 0: old_addr is 0 and the name pointer is 0x[0-9a-f]+, where nothing is mapped/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-name-unmapped",
    title: "name pointer relocation made R_X86_64_NONE: a NULL name (xen_replace_world)",
    payload: REPLACE,
    mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "type", R_X86_64_NONE),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\): old_addr is 0 and the name pointer is 0x0, NULL/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-name",
    title: "name pointer 4 bytes before its string: in the gap the loader leaves for alignment",
    payload: REPLACE,
    // The loader places the 16-byte aligned name string at offset 64 of the read-only
    // region, after 55 bytes of notes and strings: 60 is in no section. Xen reads the name
    // from memory no section filled: "" or garbage running into the name, neither a symbol.
    mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "addend", -4),
    names: {
      message: "function entry 0 has neither old_addr nor a name pointer",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-unresolved",
    title: "name pointer just past the end of its string section",
    payload: REPLACE,
    // Xen reads the name from whatever it placed next: here .livepatch.depends, a note whose
    // first byte is 4 and second 0, so the name "\x04", which resolves to nothing. The
    // loader model places the sections as Xen does and reads the same name.
    mutate: (b) =>
      setRelaField(
        b,
        ".rela.livepatch.funcs",
        0,
        "addend",
        sectionSize(b, ".rodata.xen_replace_world_name"),
      ),
    names: {
      message: 'function entry 0: "\\u0004" is neither in',
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-unresolved",
    title: "a misspelt function name (xen_replace_world patches by name)",
    payload: REPLACE,
    mutate: (b) => writeSectionBytes(b, ".rodata.xen_replace_world_name", 13, "z"),
    names: {
      message: "function entry 0 (xen_extra_verzion): xen_extra_verzion is neither in",
      location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_verzion" },
    },
  },
  {
    rule: "func-too-short",
    title: "old_size 4, too short for the jump",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, [4, 0, 0, 0]),
    names: {
      message: /^function entry 0 \(xen_extra_version\) has old_size 4; the jump needs (5|9) bytes/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-nop-size",
    title: "a NOP entry of 32 bytes",
    payload: NOP,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, [32, 0, 0, 0]),
    names: {
      message: /^function entry 0 NOPs out 32 bytes of a \d+-byte function/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-old-size-overrun",
    title: "old_size 100 for a 12-byte function",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, [100, 0, 0, 0]),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) has old_size 100 but xen_extra_version is only \d+ bytes/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-invalid",
    title: "reserved bits set in the expectation",
    payload: EXPECTATIONS,
    mutate: (b) => xorSectionByte(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect, 0x40),
    names: {
      message: "expectation has reserved bits set (1)",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-invalid",
    title: "expectation longer than old_size",
    payload: EXPECTATIONS,
    // enabled, len 9 (old_size is 8).
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [1 | (9 << 1)]),
    names: { message: "expects 9 bytes of a 8-byte function" },
  },
  {
    rule: "expect-mismatch",
    title: "first expected byte changed",
    payload: EXPECTATIONS,
    mutate: (b) => xorSectionByte(b, ".livepatch.funcs", LIVEPATCH_FUNC.expectData),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) expects b7[0-9a-f]* but xen_extra_version in .*xen-syms starts with 48/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },

  // Hooks, special sections and metadata.
  {
    rule: "hook-size",
    title: "a single hook of two pointers",
    payload: PREPOST,
    mutate: (b) => setSectionField(b, ".livepatch.hooks.preapply", "size", 16),
    names: {
      message: ".livepatch.hooks.preapply is 16 bytes; it must be exactly one 8-byte pointer",
      location: { section: ".livepatch.hooks.preapply" },
    },
  },
  {
    rule: "hook-size",
    title: "load hooks not a whole number of pointers",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".livepatch.hooks.load", "size", 20),
    names: {
      message: ".livepatch.hooks.load is 20 bytes; it must be a multiple of 8 bytes",
      location: { section: ".livepatch.hooks.load" },
    },
  },
  ...(
    [
      [".altinstructions", 42, 14],
      [".ex_table", 8, 8],
      [".bug_frames.2", 16, 8],
    ] as const
  ).map(([name, size, entry]): Defect => ({
    rule: "special-section-size",
    title: `${name} one byte longer`,
    payload: HELLO,
    mutate: (b) => {
      expect(sectionSize(b, name)).toBe(size);
      return setSectionField(b, name, "size", size + 1);
    },
    names: {
      message: `${name} is ${size + 1} bytes, not a multiple of its ${entry}-byte entries`,
      location: { section: name },
    },
  })),
  {
    rule: "altinstr-incomplete",
    title: ".altinstr_replacement renamed",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".altinstr_replacement", "altinstr_replacement"),
    names: {
      message: ".altinstructions is present but .altinstr_replacement is missing",
      location: { section: ".altinstructions" },
    },
  },
  {
    rule: "modinfo-format",
    title: ".modinfo without its final NUL",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".modinfo", "size", sectionSize(b, ".modinfo") - 1),
    names: {
      message: ".modinfo (15 bytes) does not end with NUL",
      location: { section: ".modinfo" },
    },
  },
  {
    rule: "modinfo-entry",
    title: "LIVEPATCH_RULEZ split into two strings, neither key=value",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".modinfo", "LIVEPATCH".length, "\0"),
    names: {
      message: '.modinfo string "RULEZ" is not key=value',
      location: { section: ".modinfo" },
    },
  },
];

/** Files that are not ELF objects the hypervisor can read (each verified from its file). */
export const MALFORMED: readonly Defect[] = (
  [
    [
      "truncated",
      "truncated to 40 bytes",
      (b: Uint8Array) => truncate(b, 40),
      "truncated: 40 bytes",
    ],
    [
      "cut",
      "cut inside the section header table",
      (b: Uint8Array) => truncate(b, parseElf(b, "(lookup)").header.shoff + 10),
      "section header table",
    ],
    [
      "garbage",
      "text, not an ELF object",
      () => new TextEncoder().encode("not an ELF object at all"),
      "no \\x7fELF",
    ],
    [
      "elf32",
      "a 32-bit ELF header",
      (b: Uint8Array) => setHeaderField(b, "class", 1),
      "not a 64-bit ELF file",
    ],
  ] as const
).map(([fileName, title, mutate, problem]): Defect => ({
  rule: "elf-malformed",
  title,
  payload: HELLO,
  fileName,
  mutate,
  names: { message: problem },
}));

/** Defects of the file name, or of the context a payload is loaded in, and payloads defective as built. */
export const IN_CONTEXT: readonly Defect[] = [
  {
    rule: "payload-too-large",
    title: "the file padded past 2 MiB",
    payload: NOP,
    fileName: NOP,
    mutate: (b) => padTo(b, LIVEPATCH_MAX_SIZE + 1),
    names: {
      message: `${LIVEPATCH_MAX_SIZE + 1} bytes, over the hypervisor's limit of ${LIVEPATCH_MAX_SIZE}`,
    },
  },
  {
    rule: "payload-name",
    title: "a 130-character name",
    payload: HELLO,
    fileName: `${HELLO}_${"x".repeat(130 - HELLO.length - 1)}`,
    names: {
      message: `payload name "${HELLO}_${"x".repeat(130 - HELLO.length - 1)}" is 130 bytes; it must be at most 127`,
    },
  },
  {
    rule: "rodata-duplicate",
    title: "bye_world on hello_world, as built in-tree",
    payload: BYE,
    stack: [HELLO],
    baseline: "none",
    names: {
      message:
        /^\.rodata\.bye_world_patch_this_fnc \[\d+\]: all 18 bytes are already carried by .*xen_hello_world\.livepatch \(\.rodata\.hello_world_patch_this_fnc\)$/,
      location: { section: ".rodata.bye_world_patch_this_fnc" },
    },
  },
  {
    rule: "depends-mismatch",
    title: "bye_world on xen_nop instead of hello_world",
    payload: BYE,
    stack: [NOP],
    baseline: { stack: [HELLO] },
    names: {
      message:
        /^\.livepatch\.depends is [0-9a-f]{40} but the previous payload .*xen_nop\.livepatch has build-id/,
      location: { section: ".livepatch.depends" },
    },
    load: { skip: "its stack applies xen_nop, which crashes this Xen after apply" },
  },
  {
    rule: "depends-mismatch",
    title: "bye_world straight on the hypervisor",
    payload: BYE,
    baseline: { stack: [HELLO] },
    names: {
      message: /but the base .*xen-syms has build-id [0-9a-f]{40} \(apply needs --nodeps\)/,
    },
  },
  {
    rule: "build-id-duplicate",
    title: "bye_world loaded again on top of itself",
    payload: BYE,
    // The verifier is told bye_world comes first so that only the duplicate differs; the
    // hypervisor can only apply bye_world on hello_world.
    stack: [BYE, HELLO],
    baseline: { stack: [HELLO] },
    // The same payload twice also re-adds its own new symbols and re-carries its own data.
    also: ["symbol-duplicate", "rodata-duplicate"],
    names: { message: /is also the build-id of .*xen_bye_world\.livepatch/ },
    load: { stack: [HELLO, BYE] },
  },
  {
    rule: "modinfo-entry",
    title: "hello_world's LIVEPATCH_RULEZ, as built in-tree",
    payload: HELLO,
    baseline: "none",
    names: {
      message: '.modinfo string "LIVEPATCH_RULEZ" is not key=value',
      location: { section: ".modinfo" },
    },
  },
  {
    rule: "section-missing",
    title: "xen_no_xen_buildid, as built in-tree",
    payload: NO_XEN_BUILDID,
    baseline: "none",
    // It is xen_nop without the note, xen_nop's own defect included.
    also: ["nop-insn-boundary"],
    names: { message: "required section .livepatch.xen_depends is missing" },
  },
  {
    rule: "expect-mismatch",
    title: "xen_expectations_fail, as built in-tree",
    payload: EXPECTATIONS_FAIL,
    baseline: "none",
    names: {
      message: /expects deadc0debabe but xen_extra_version in .*xen-syms starts with/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
    also: ["func-old-size-mismatch"], // built with old_size 8, the expectation's length
  },
];

/** The address of a function of xen-syms, by its symbol's name (local ones included). */
function functionAddress(xen: XenSyms, name: string): bigint {
  const sym = xen.elf.symbols().find((s) => s.name === name && s.type === STT_FUNC);
  if (!sym) throw new Error(`${xen.file} has no function ${name}`);
  return sym.value;
}

const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
const u64 = (n: bigint) => [...Array(8).keys()].map((i) => Number((n >> BigInt(8 * i)) & 0xffn));

/**
 * xen_nop's one NOP entry (an absolute old_addr, no relocations) pointed at another
 * function of xen-syms, with other sizes.
 */
function nopAt(
  bytes: Uint8Array,
  xen: XenSyms,
  fn: string,
  sizes: { newSize: number; oldSize?: number },
): Uint8Array {
  let out = writeSectionBytes(
    bytes,
    ".livepatch.funcs",
    LIVEPATCH_FUNC.oldAddr,
    u64(functionAddress(xen, fn)),
  );
  out = writeSectionBytes(out, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, u32(sizes.newSize));
  if (sizes.oldSize !== undefined)
    out = writeSectionBytes(out, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, u32(sizes.oldSize));
  return out;
}

/**
 * What a patch overwrites, as instructions of xen-syms (decoded with iced-x86). The ones
 * made from xen_nop are compared with no findings at all (baseline "none"): xen_nop as
 * built is one of them.
 */
export const INSTRUCTIONS: readonly Defect[] = [
  {
    rule: "nop-insn-boundary",
    title: "xen_nop as built: its NOPs end inside xen_minor_version's return-thunk jump",
    payload: NOP,
    baseline: "none",
    names: {
      message:
        /^function entry 0: the 9-byte NOP run \(xen_minor_version to xen_minor_version\+0x8\) ends inside the instruction at xen_minor_version\+0x5/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "nop-insn-boundary",
    title: "xen_nop's run cut to 3 bytes, inside the first mov",
    payload: NOP,
    baseline: "none",
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, u32(3)),
    names: {
      message: /the 3-byte NOP run .* ends inside the instruction at xen_minor_version:/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "nop-insn-boundary",
    title: "xen_nop moved to xen_major_version (same shape, same defect)",
    payload: NOP,
    baseline: "none",
    mutate: (b, _, xen) => nopAt(b, xen, "xen_major_version", { newSize: 9 }),
    names: {
      message: /ends inside the instruction at xen_major_version\+0x5/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "branch-into-patch",
    title: "NOPs over __machine_halt's hlt, which its loop jumps back to",
    payload: NOP,
    baseline: "none",
    // endbr64 (4), 4 bytes of setup, then `1: hlt; jmp 1b`: NOPs [4, 9) end on the jmp.
    mutate: (b, _, xen) => nopAt(b, xen, "__machine_halt", { newSize: 9 }),
    names: {
      message:
        /1 branch of .*xen-syms lands inside the bytes the 5-byte NOP run overwrites .*: __machine_halt\+0x9 -> __machine_halt\+0x8/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "branch-into-patch",
    title: "NOPs over all of __machine_halt, its loop included",
    payload: NOP,
    baseline: "none",
    mutate: (b, _, xen) => nopAt(b, xen, "__machine_halt", { newSize: 11, oldSize: 11 }),
    names: {
      message: /lands inside the bytes the 7-byte NOP run overwrites/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "old-addr-not-function-start",
    title:
      "hello_world's old_addr relocation 8 bytes into xen_extra_version (its jump ends past it)",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", oldAddrRela(b), "addend", 8),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\): old_addr 0x[0-9a-f]+ is 8 bytes into xen_extra_version/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
];

/** Index in .rela.livepatch.funcs of the relocation that fills a pointer field of entry 0. */
function funcRela(bytes: Uint8Array, field: "name" | "newAddr" | "oldAddr"): number {
  const elf = parseElf(bytes, "(lookup)");
  const rela = elf.sections.find((s) => s.name === ".rela.livepatch.funcs");
  if (!rela) throw new Error("no .rela.livepatch.funcs");
  const i = elf.relocations(rela).findIndex((r) => r.offset === BigInt(LIVEPATCH_FUNC[field]));
  if (i < 0) throw new Error(`no relocation of ${field}`);
  return i;
}
const oldAddrRela = (bytes: Uint8Array) => funcRela(bytes, "oldAddr");

/**
 * hello_world with its one function entry twice: .livepatch.funcs and its relocations
 * given new contents (appended to the file), the second entry's relocations a copy of the
 * first's (an addend change or R_X86_64_NONE per field, from `second`).
 */
function twoEntries(
  bytes: Uint8Array,
  second: (field: "name" | "newAddr" | "oldAddr") => bigint | "none",
): Uint8Array {
  const elf = parseElf(bytes, "(lookup)");
  const funcs = findSection(elf, ".livepatch.funcs");
  const rela = findSection(elf, ".rela.livepatch.funcs");
  const entry = elf.data(funcs);
  const entries = new Uint8Array(2 * LIVEPATCH_FUNC.size);
  entries.set(entry, 0);
  entries.set(entry, LIVEPATCH_FUNC.size);
  const relas = elf.data(rela);
  const copy = new Uint8Array(relas.length * 2);
  copy.set(relas, 0);
  copy.set(relas, relas.length);
  const view = new DataView(copy.buffer);
  const fields = { 0: "name", 8: "newAddr", 16: "oldAddr" } as const;
  for (const r of elf.relocations(rela)) {
    const at = relas.length + r.index * 24;
    const field = fields[Number(r.offset) as 0 | 8 | 16];
    view.setBigUint64(at, r.offset + BigInt(LIVEPATCH_FUNC.size), true);
    const change = second(field);
    if (change === "none") view.setBigUint64(at + 8, BigInt(r.symbolIndex) << 32n, true);
    else view.setBigInt64(at + 16, r.addend + change, true);
  }
  return replaceSectionData(replaceSectionData(bytes, funcs.index, entries), rela.index, copy);
}

/** hello_world's relocation of one pointer field of its function entry, changed. */
const helloFuncRela =
  (
    field: "name" | "newAddr" | "oldAddr",
    change: "symbol" | "addend" | "type",
    value: (b: Uint8Array) => number | bigint,
  ) =>
  (b: Uint8Array) =>
    setRelaField(b, ".rela.livepatch.funcs", funcRela(b, field), change, value(b));

/** hello_world's absolute symbol: its source FILE symbol (SHN_ABS, value 0). */
const ABS_SYMBOL = "test/livepatch/xen_hello_world_func.c";

/**
 * Values as the loader computes them: sections placed in the livepatch area, relocations
 * applied, and only then old_addr, new_addr and the name pointer read. Each changes what
 * a relocation computes (its symbol, addend or type), not the bytes of a field.
 */
export const LOADED_VALUES: readonly Defect[] = [
  {
    rule: "rela-overflow",
    title: "a PC32 relocation in hello_world's code with addend 2 GiB",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.text.xen_hello_world", 0, "addend", 0x80000000),
    names: {
      message:
        /^relocation 0 in \.rela\.text\.xen_hello_world \[\d+\] \(R_X86_64_PC32 at offset 40 of \.text\.xen_hello_world, against \.LC1\+2147483648\) computes \d+, outside the signed 32 bits/,
      location: { section: ".rela.text.xen_hello_world", entry: 0 },
    },
  },
  {
    rule: "rela-overflow",
    title: "the .fixup jump's PC32 relocation against an absolute symbol (address 0)",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.fixup", 0, "symbol", symbolIndex(b, ABS_SYMBOL)),
    names: {
      message: /^relocation 0 in \.rela\.fixup \[\d+\] \(R_X86_64_PC32 at offset 8 of \.fixup/,
      location: { section: ".rela.fixup", entry: 0 },
    },
  },
  {
    rule: "rela-overflow",
    title: "the PLT32 call of printk 4 GiB off",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.text.apply_hook", 1, "addend", 1n << 32n),
    names: {
      message: /\(R_X86_64_PLT32 at offset 8 of \.text\.apply_hook, against printk\+4294967296\)/,
      location: { section: ".rela.text.apply_hook", entry: 1 },
    },
  },
  {
    rule: "old-addr-not-function-start",
    title: "hello_world's old_addr relocation 1 byte into xen_extra_version",
    payload: HELLO,
    mutate: helloFuncRela("oldAddr", "addend", () => 1),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\): old_addr 0x[0-9a-f]+ is 1 bytes into xen_extra_version/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "old-addr-not-function-start",
    title: "hello_world's old_addr relocation into the padding after xen_extra_version",
    payload: HELLO,
    mutate: helloFuncRela("oldAddr", "addend", () => 13),
    names: {
      message: /old_addr 0x[0-9a-f]+ is 1 bytes past the end of xen_extra_version, in no function/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "old-addr-not-function-start",
    title: "hello_world's old_addr relocated against its own counter in .bss.cnt",
    payload: HELLO,
    mutate: helloFuncRela("oldAddr", "symbol", (b) => symbolIndex(b, "cnt")),
    names: {
      message: /old_addr 0x[0-9a-f]+ is inside the payload itself \(\.bss\.cnt\+0\)/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "old-addr-non-canonical",
    title: "hello_world's old_addr relocated to absolute 0x8000000000000000",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        helloFuncRela("oldAddr", "symbol", (x) => symbolIndex(x, ABS_SYMBOL))(b),
        ".rela.livepatch.funcs",
        oldAddrRela(b),
        "addend",
        1n << 63n,
      ),
    names: {
      message: /old_addr is 0x8000000000000000, not a canonical address/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "old-addr-non-canonical",
    title: "hello_world's old_addr relocated to absolute 0x800000000000 (just past the lower half)",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        helloFuncRela("oldAddr", "symbol", (x) => symbolIndex(x, ABS_SYMBOL))(b),
        ".rela.livepatch.funcs",
        oldAddrRela(b),
        "addend",
        1n << 47n,
      ),
    names: {
      message: /old_addr is 0x800000000000, not a canonical address/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-distance",
    title: "hello_world's new_addr relocated to absolute 0x1000",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        helloFuncRela("newAddr", "symbol", (x) => symbolIndex(x, ABS_SYMBOL))(b),
        ".rela.livepatch.funcs",
        funcRela(b, "newAddr"),
        "addend",
        0x1000,
      ),
    names: {
      message: /new_addr 0x1000 is \d+ bytes from old_addr, beyond the ±2 GiB/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-distance",
    title: "hello_world's new_addr relocation 1 TiB past xen_hello_world",
    payload: HELLO,
    mutate: helloFuncRela("newAddr", "addend", () => 1n << 40n),
    names: {
      message: /bytes from old_addr, beyond the ±2 GiB a jump reaches/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "new-addr-outside-text",
    title: "hello_world's new_addr relocated against its counter in .bss.cnt",
    payload: HELLO,
    mutate: helloFuncRela("newAddr", "symbol", (b) => symbolIndex(b, "cnt")),
    names: {
      message:
        /new_addr 0x[0-9a-f]+ is in \.bss\.cnt\+0, which the loader maps writable and not executable/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "new-addr-outside-text",
    title: "hello_world's new_addr relocated against its read-only name string",
    payload: HELLO,
    mutate: helloFuncRela("newAddr", "symbol", (b) => symbolIndex(b, "hello_world_patch_this_fnc")),
    names: {
      message: /is in \.rodata\.hello_world_patch_this_fnc\+0, which the loader maps read-only/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-duplicate",
    title: "hello_world's entry twice (its relocations too): xen_extra_version patched twice",
    payload: HELLO,
    mutate: (b) => twoEntries(b, () => 0n),
    names: {
      message:
        /^function entry 1 \(xen_extra_version\) patches xen_extra_version at 0x[0-9a-f]+, as function entry 0 does/,
      location: { section: ".livepatch.funcs", entry: 1 },
    },
  },
  {
    rule: "func-duplicate",
    title: "a second entry reaching xen_extra_version by name (old_addr relocation R_X86_64_NONE)",
    payload: HELLO,
    mutate: (b) => twoEntries(b, (field) => (field === "oldAddr" ? "none" : 0n)),
    names: {
      message: /^function entry 1 \(xen_extra_version\) patches xen_extra_version/,
      location: { section: ".livepatch.funcs", entry: 1 },
    },
  },
  {
    rule: "func-unresolved",
    title:
      "old_addr relocation made R_X86_64_NONE, name pointer 4 bytes on: looked up as extra_version",
    payload: HELLO,
    mutate: (b) =>
      helloFuncRela(
        "name",
        "addend",
        () => 4,
      )(helloFuncRela("oldAddr", "type", () => R_X86_64_NONE)(b)),
    names: {
      message: /^function entry 0 \(extra_version\): extra_version is neither in/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-nop-size",
    title: "new_addr relocation made R_X86_64_NONE: a 58-byte NOP entry",
    payload: HELLO,
    mutate: helloFuncRela("newAddr", "type", () => R_X86_64_NONE),
    names: {
      message: /^function entry 0 \(xen_extra_version\) NOPs out \d+ bytes of a 12-byte function/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
];

/**
 * Special-section entries pointing outside the sections the loader requires of them, once
 * relocated: made by changing the symbol or addend of the relocation that fills them.
 */
export const SPECIAL_ENTRIES: readonly Defect[] = [
  {
    rule: "altinstr-entry",
    title: "an alternative's feature number past NCAPINTS * 32",
    payload: HELLO,
    // cpuid 0x7ff0: feature 32752 (bit 15, ALT_FLAG_NOT, clear), far past any NCAPINTS.
    mutate: (b) => writeSectionBytes(b, ".altinstructions", ALT_CPUID, [0xf0, 0x7f]),
    names: {
      message:
        /^\.altinstructions entry 0: its feature 32752 is past the 672 NCAPINTS \* 32 features \(NCAPINTS 21, from xen-syms' forced_caps\): Xen 4\.17\.5 hits BUG_ON in _apply_alternatives\(\) at upload, a hypervisor panic$/,
      location: { section: ".altinstructions", entry: 0 },
    },
  },
  {
    rule: "altinstr-entry",
    title: "an alternative's replacement longer than its original code (orig_len 0)",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".altinstructions", ALT_ORIG_LEN, [0]),
    names: {
      message:
        /^\.altinstructions entry 0: its replacement \(\d+ bytes\) is longer than the original code and its padding \(orig_len \+ pad_len = 0\): Xen 4\.17\.5 hits BUG_ON/,
      location: { section: ".altinstructions", entry: 0 },
    },
    load: {
      skip: "the same BUG_ON panic as the feature-number defect, whose boot proves the verdict; test/integration/versions.test.ts loads it into Xen 4.21, which refuses it",
    },
  },
  {
    rule: "altinstr-range",
    title: "an alternative's original code 4 KiB past hello_world's code",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.altinstructions", 0, "addend", 0x1000),
    names: {
      message:
        /^\.altinstructions entry 0: original code .* \(\d+ bytes\) is not inside the payload's text/,
      location: { section: ".altinstructions", entry: 0 },
    },
  },
  {
    rule: "altinstr-range",
    title: "an alternative's replacement relocated into hello_world's code",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        b,
        ".rela.altinstructions",
        1,
        "symbol",
        sectionSymbol(b, ".text.xen_hello_world"),
      ),
    names: {
      message:
        /^\.altinstructions entry 0: replacement \.text\.xen_hello_world\+\d+ \(\d+ bytes\) is not inside \.altinstr_replacement/,
      location: { section: ".altinstructions", entry: 0 },
    },
  },
  {
    rule: "altinstr-range",
    title: "the second alternative's original code relocated into read-only data",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        b,
        ".rela.altinstructions",
        2,
        "symbol",
        sectionSymbol(b, ".rodata.hello_world_patch_this_fnc"),
      ),
    names: {
      message: /^\.altinstructions entry 1: original code \.rodata\.hello_world_patch_this_fnc\+8/,
      location: { section: ".altinstructions", entry: 1 },
    },
  },
  {
    rule: "ex-table-range",
    title: "an exception-table entry's faulting address relocated into read-only data",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        b,
        ".rela.ex_table",
        0,
        "symbol",
        sectionSymbol(b, ".rodata.hello_world_patch_this_fnc"),
      ),
    names: {
      // The 18-byte string plus the addend 0x1a: the note the loader placed after it.
      message:
        /^\.ex_table entry 0: its faulting address is \.livepatch\.depends\+8, not in the payload's text/,
      location: { section: ".ex_table", entry: 0 },
    },
  },
  {
    rule: "ex-table-range",
    title: "an exception-table continuation 1 MiB past .fixup",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "addend", 0x100000),
    names: {
      message:
        /^\.ex_table entry 0: its continuation is 0x[0-9a-f]+, outside the payload, not in the payload's text/,
      location: { section: ".ex_table", entry: 0 },
    },
  },
  {
    rule: "bug-frame-range",
    title: "a bug frame's location relocated into read-only data",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(
        b,
        ".rela.bug_frames.2",
        0,
        "symbol",
        sectionSymbol(b, ".rodata.hello_world_patch_this_fnc"),
      ),
    names: {
      // The 18-byte string plus the addend 0x38, past .livepatch.depends (36 bytes).
      message: /^\.bug_frames\.2 entry 0: its location is \.livepatch\.xen_depends\+2,/,
      location: { section: ".bug_frames.2", entry: 0 },
    },
  },
  {
    rule: "bug-frame-range",
    title: "a bug frame's location 64 KiB past check_fnc",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.bug_frames.2", 2, "addend", 0x30 + 0x10000),
    names: {
      message: /^\.bug_frames\.2 entry 1: its location is 0x[0-9a-f]+, outside the payload/,
      location: { section: ".bug_frames.2", entry: 1 },
    },
  },
];

/**
 * xen_nop's entry moved to a function Xen seals at boot on CET-IBT hardware (a cf_clobber
 * target), writing nothing (new_size 4: the NOPs start after ENDBR64) and expecting its
 * first `len` bytes as xen-syms has them, ENDBR64 first.
 */
function sealedExpectation(bytes: Uint8Array, xen: XenSyms, fn: string, len: number): Uint8Array {
  const address = functionAddress(xen, fn);
  if (!xen.endbrSealed().has(address)) throw new Error(`${fn} is not sealed in ${xen.file}`);
  const code = xen.bytesAt(address, len)!;
  const moved = nopAt(bytes, xen, fn, { newSize: 4, oldSize: 16 });
  return writeSectionBytes(moved, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [
    1 | (len << 1),
    ...code,
  ]);
}

/** What a host with CET-IBT does that QEMU's CPU does not. */
export const HOST_ONLY: readonly Defect[] = [
  {
    rule: "expect-endbr-sealed",
    title: "an expectation of vmx_cpu_down's ENDBR64, which Xen seals on CET-IBT hosts",
    payload: NOP,
    baseline: "none",
    mutate: (b, _, xen) => sealedExpectation(b, xen, "vmx_cpu_down", 4),
    names: {
      message:
        /^function entry 0 expects vmx_cpu_down to start with ENDBR64, but Xen seals that function at boot on CET-IBT hardware/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-endbr-sealed",
    title: "an expectation of the first 9 bytes of nsvm_vcpu_reset, ENDBR64 included",
    payload: NOP,
    baseline: "none",
    mutate: (b, _, xen) => sealedExpectation(b, xen, "nsvm_vcpu_reset", 9),
    names: {
      message: /^function entry 0 expects nsvm_vcpu_reset to start with ENDBR64/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
];

/**
 * xen_nop's entry moved to a function whose first bytes are an alternative (an altcall:
 * `call *hvm_funcs.x` that Xen turns into a direct call at boot on every CPU), writing
 * nothing (new_size 0) and expecting the first `len` bytes as xen-syms has them.
 */
function expectationOverAlternative(
  bytes: Uint8Array,
  xen: XenSyms,
  fn: string,
  len: number,
): Uint8Array {
  const address = functionAddress(xen, fn);
  const code = xen.bytesAt(address, len)!;
  const moved = nopAt(bytes, xen, fn, { newSize: 0, oldSize: 8 });
  return writeSectionBytes(moved, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [
    1 | (len << 1),
    ...code,
  ]);
}

/** Expectations of code Xen rewrites at boot, according to the CPU. */
export const BOOT_REWRITTEN: readonly Defect[] = [
  {
    rule: "expect-alternative",
    title: "an expectation of hvm_get_reg's altcall, which Xen turns into a direct call",
    payload: NOP,
    baseline: "none",
    mutate: (b, _, xen) => expectationOverAlternative(b, xen, "hvm_get_reg", 6),
    names: {
      message:
        /^function entry 0 expects 6 bytes of hvm_get_reg, but Xen rewrites 6 of them at boot \(an alternative at hvm_get_reg,/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-alternative",
    title: "an expectation of the first 8 bytes of nestedhvm_vcpu_destroy, an altcall",
    payload: NOP,
    baseline: "none",
    mutate: (b, _, xen) => expectationOverAlternative(b, xen, "nestedhvm_vcpu_destroy", 8),
    names: {
      message:
        /^function entry 0 expects 8 bytes of nestedhvm_vcpu_destroy, but Xen rewrites 6 of them/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
];

/** Offsets into string tables and sections, and reserved fields. */
export const TABLE_REFERENCES: readonly Defect[] = [
  {
    rule: "section-name-offset",
    title: ".comment's name offset far past the section name table",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "name", 0xffff),
    names: (b) => ({
      message: `section [${sectionIndex(b, ".comment")}] name offset 65535 is past the section name string table`,
      location: { sectionIndex: sectionIndex(b, ".comment") },
    }),
  },
  {
    rule: "section-name-offset",
    title: ".note.GNU-stack's name offset one past the end of the table",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".note.GNU-stack", "name", sectionSize(b, ".shstrtab")),
    names: (b) => ({
      message: `section [${sectionIndex(b, ".note.GNU-stack")}] name offset ${sectionSize(b, ".shstrtab")} is past`,
      location: { sectionIndex: sectionIndex(b, ".note.GNU-stack") },
    }),
  },
  {
    rule: "section-name-offset",
    title: "a relocation section's name offset past the table",
    payload: REPLACE,
    mutate: (b) => setSectionField(b, ".rela.livepatch.funcs", "name", 0x10000),
    names: (b) => ({
      message: `section [${sectionIndex(b, ".rela.livepatch.funcs")}] name offset 65536 is past`,
      location: { sectionIndex: sectionIndex(b, ".rela.livepatch.funcs") },
    }),
  },
  {
    rule: "rela-target",
    title: ".rela.fixup aimed at section 200 (its jump back is never relocated)",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.fixup", "info", 200),
    names: (b) => ({
      message: `relocation section ${label(b, ".rela.fixup")} applies to section 200, which does not exist: the hypervisor skips it and its 1 relocations are never applied`,
      location: { section: ".rela.fixup" },
    }),
  },
  {
    rule: "rela-target",
    title: ".rela.ex_table aimed at section 200",
    payload: HELLO,
    // The entries stay 0: each points at itself, in read-only data.
    also: ["ex-table-range"],
    mutate: (b) => setSectionField(b, ".rela.ex_table", "info", 200),
    names: (b) => ({
      message: `relocation section ${label(b, ".rela.ex_table")} applies to section 200, which does not exist: the hypervisor skips it and its 2 relocations are never applied`,
      location: { section: ".rela.ex_table" },
    }),
  },
  {
    rule: "rela-target",
    title: ".rela.bug_frames.2 aimed at section 0xffff",
    payload: HELLO,
    // Xen does not look at bug frames until a BUG or WARN runs: it takes the payload. The
    // frames' relocations were the only reference to the file name string.
    also: ["rodata-unreferenced", "bug-frame-range"],
    mutate: (b) => setSectionField(b, ".rela.bug_frames.2", "info", 0xffff),
    names: {
      message: /applies to section 65535, which does not exist/,
      location: { section: ".rela.bug_frames.2" },
    },
  },
  {
    rule: "func-reserved",
    title: "a byte of _pad set in hello_world's entry",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", 40, [1]),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) has reserved byte 40 \(in _pad, bytes 33-71\) set to 0x1/,
      location: { section: ".livepatch.funcs", entry: 0, offset: 40 },
    },
  },
  {
    rule: "func-reserved",
    title: "the first byte of _pad set",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.version + 1, [0x80]),
    names: { message: "has reserved byte 33 (in _pad, bytes 33-71) set to 0x80" },
  },
  {
    rule: "func-reserved",
    title: "the last byte of _pad set, in an entry with an expectation",
    payload: EXPECTATIONS,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect - 1, [0xff]),
    names: { message: "has reserved byte 71 (in _pad, bytes 33-71) set to 0xff" },
  },
];

/** Not a defect of the payload: the verifier was not given xen-syms. */
export const NOT_CHECKED: Defect = {
  rule: "not-checked",
  title: "no xen-syms",
  payload: HELLO,
  noXen: true,
  names: { message: "symbol resolution not checked: no xen-syms given (--xen-syms)" },
  load: { skip: "not a payload defect: a check the verifier skipped without xen-syms" },
};

/** Every defect. */
export const DEFECTS: readonly Defect[] = [
  ...MUTATIONS,
  ...MALFORMED,
  ...IN_CONTEXT,
  ...INSTRUCTIONS,
  ...LOADED_VALUES,
  ...SPECIAL_ENTRIES,
  ...TABLE_REFERENCES,
  ...HOST_ONLY,
  ...BOOT_REWRITTEN,
  NOT_CHECKED,
  ...KIND_DEFECTS,
];
