/**
 * The defects that prove the rules of the verifier's elf-load step (src/verify/steps/elf-
 * load.ts).
 */
import {
  EM_X86_64,
  ET_EXEC,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
} from "../../../src/elf/constants.js";
import { parseElf } from "../../../src/elf/reader.js";
import { LIVEPATCH_MAX_SIZE } from "../../../src/xen/abi.js";
import { padTo, setHeaderField, setSectionField, truncate } from "../elf-mutate.js";
import {
  HELLO,
  NOP,
  REPLACE,
  label,
  sectionIndex,
  sectionSize,
  type Defect,
  type StepDefects,
} from "./shared.js";

export const ELF_LOAD: StepDefects = {
  MUTATIONS: [
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
        message:
          /\.comment \[\d+\] data \(offset \d+, size 1048576\) runs past the end of the file/,
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
  ],
  MALFORMED: (
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
  })),
  IN_CONTEXT: [
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
  ],
  TABLE_REFERENCES: [
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
  ],
};
