/** The ELF constants this project needs, named as in the ELF specification. */

export const ELFCLASS32 = 1;
export const ELFCLASS64 = 2;
export const ELFDATA2LSB = 1;
export const EV_CURRENT = 1;
export const ELFOSABI_NONE = 0;
export const ELFOSABI_FREEBSD = 9;

export const ET_REL = 1;
export const ET_EXEC = 2;
export const EM_X86_64 = 62;

export const ELF64_EHDR_SIZE = 64;
export const ELF64_SHDR_SIZE = 64;
export const ELF64_SYM_SIZE = 24;
export const ELF64_RELA_SIZE = 24;
export const ELF64_REL_SIZE = 16;

export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_REL = 9;

export const SHF_WRITE = 0x1;
export const SHF_ALLOC = 0x2;
export const SHF_EXECINSTR = 0x4;
export const SHF_MERGE = 0x10;
export const SHF_STRINGS = 0x20;

export const SHN_UNDEF = 0;
export const SHN_LORESERVE = 0xff00;
export const SHN_ABS = 0xfff1;
export const SHN_COMMON = 0xfff2;

export const STB_LOCAL = 0;
export const STB_GLOBAL = 1;
export const STB_WEAK = 2;

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;

export const STN_UNDEF = 0;

export const R_X86_64_NONE = 0;
export const R_X86_64_64 = 1;
export const R_X86_64_PC32 = 2;
export const R_X86_64_PLT32 = 4;

export const NT_GNU_BUILD_ID = 3;

const relocationTypeNames: Record<number, string> = {
  0: "R_X86_64_NONE",
  1: "R_X86_64_64",
  2: "R_X86_64_PC32",
  3: "R_X86_64_GOT32",
  4: "R_X86_64_PLT32",
  5: "R_X86_64_COPY",
  6: "R_X86_64_GLOB_DAT",
  7: "R_X86_64_JUMP_SLOT",
  8: "R_X86_64_RELATIVE",
  9: "R_X86_64_GOTPCREL",
  10: "R_X86_64_32",
  11: "R_X86_64_32S",
  12: "R_X86_64_16",
  13: "R_X86_64_PC16",
  14: "R_X86_64_8",
  15: "R_X86_64_PC8",
  24: "R_X86_64_PC64",
  41: "R_X86_64_GOTPCRELX",
  42: "R_X86_64_REX_GOTPCRELX",
};

export function relocationTypeName(type: number): string {
  return relocationTypeNames[type] ?? `type ${type}`;
}
