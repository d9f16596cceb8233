/**
 * The defects that prove the rules of the verifier's symbols step
 * (src/verify/steps/symbols.ts).
 */
import { SHN_COMMON, SHN_LORESERVE, SHT_SYMTAB, STB_LOCAL } from "../../../src/elf/constants.js";
import { renameSymbol, setSectionField, setSymbolField, writeSectionBytes } from "../elf-mutate.js";
import {
  HELLO,
  label,
  sectionSize,
  sectionSymbol,
  symbolIndex,
  type StepDefects,
} from "./shared.js";

export const SYMBOLS: StepDefects = {
  MUTATIONS: [
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
  ],
};
