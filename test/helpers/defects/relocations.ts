/**
 * The defects that prove the rules of the verifier's relocations step
 * (src/verify/steps/relocations.ts).
 */
import { SHT_REL } from "../../../src/elf/constants.js";
import { setRelaField, setSectionField } from "../elf-mutate.js";
import {
  HELLO,
  label,
  sectionIndex,
  sectionSymbol,
  symbolCount,
  type StepDefects,
} from "./shared.js";

export const RELOCATIONS: StepDefects = {
  MUTATIONS: [
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
  ],
  TABLE_REFERENCES: [
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
  ],
};
