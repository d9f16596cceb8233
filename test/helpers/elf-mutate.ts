/**
 * Test helpers that make an ELF64 little-endian object defective in exactly one way.
 *
 * Every helper takes the payload's bytes, returns a changed copy (the input is never
 * modified) and finds what it changes through the project's own reader, so a test names
 * the thing it breaks ("the size of .ex_table") rather than a file offset. Field offsets
 * are those of the ELF64 structures (Elf64_Ehdr, Elf64_Shdr, Elf64_Sym, Elf64_Rela).
 */
import {
  type ElfFile,
  type ElfRela,
  type ElfSection,
  type ElfSymbol,
  parseElf,
} from "../../src/elf/reader.js";

/** A section by name (which must be unique) or by index. */
export type SectionRef = string | number;
/** A symbol by name (which must be unique) or by index in the symbol table. */
export type SymbolRef = string | number;

type Width = 1 | 2 | 4 | 8;
interface Field {
  readonly at: number;
  readonly width: Width;
}

/** Elf64_Ehdr fields, by the names the reader's ElfHeader uses. */
const HEADER_FIELDS = {
  class: { at: 4, width: 1 },
  data: { at: 5, width: 1 },
  identVersion: { at: 6, width: 1 },
  osabi: { at: 7, width: 1 },
  abiversion: { at: 8, width: 1 },
  type: { at: 16, width: 2 },
  machine: { at: 18, width: 2 },
  version: { at: 20, width: 4 },
  entry: { at: 24, width: 8 },
  phoff: { at: 32, width: 8 },
  shoff: { at: 40, width: 8 },
  flags: { at: 48, width: 4 },
  ehsize: { at: 52, width: 2 },
  phentsize: { at: 54, width: 2 },
  phnum: { at: 56, width: 2 },
  shentsize: { at: 58, width: 2 },
  shnum: { at: 60, width: 2 },
  shstrndx: { at: 62, width: 2 },
} as const satisfies Record<string, Field>;
export type HeaderField = keyof typeof HEADER_FIELDS;

/** Elf64_Shdr fields; `name` is sh_name, the offset into the section name string table. */
const SECTION_FIELDS = {
  name: { at: 0, width: 4 },
  type: { at: 4, width: 4 },
  flags: { at: 8, width: 8 },
  addr: { at: 16, width: 8 },
  offset: { at: 24, width: 8 },
  size: { at: 32, width: 8 },
  link: { at: 40, width: 4 },
  info: { at: 44, width: 4 },
  addralign: { at: 48, width: 8 },
  entsize: { at: 56, width: 8 },
} as const satisfies Record<string, Field>;
export type SectionField = keyof typeof SECTION_FIELDS;

/** Elf64_Sym fields; `name` is st_name, `info` the whole st_info byte (bind << 4 | type). */
const SYMBOL_FIELDS = {
  name: { at: 0, width: 4 },
  info: { at: 4, width: 1 },
  other: { at: 5, width: 1 },
  shndx: { at: 6, width: 2 },
  value: { at: 8, width: 8 },
  size: { at: 16, width: 8 },
} as const satisfies Record<string, Field>;
export type SymbolField = keyof typeof SYMBOL_FIELDS | "bind" | "type";

/** Elf64_Rela fields; `symbol` and `type` are the two halves of r_info. */
export type RelaField = "offset" | "symbol" | "type" | "addend";

/** A copy of the bytes, parsed, with a DataView to write through. */
function editable(bytes: Uint8Array): { out: Uint8Array; elf: ElfFile; view: DataView } {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  return { out, elf: parseElf(out, "(being mutated)"), view };
}

function write(view: DataView, at: number, width: Width, value: number | bigint): void {
  if (width === 8) {
    view.setBigUint64(at, BigInt.asUintN(64, BigInt(value)), true);
    return;
  }
  const n = Number(value);
  const max = 2 ** (8 * width) - 1;
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new RangeError(`${value} does not fit in ${width} bytes`);
  if (width === 1) view.setUint8(at, n);
  else if (width === 2) view.setUint16(at, n, true);
  else view.setUint32(at, n, true);
}

export function findSection(elf: ElfFile, ref: SectionRef): ElfSection {
  if (typeof ref === "number") {
    const s = elf.section(ref);
    if (!s) throw new Error(`no section ${ref} (${elf.sections.length} sections)`);
    return s;
  }
  const all = elf.sectionsNamed(ref);
  if (all.length !== 1) throw new Error(`${all.length} sections named ${ref}; name one by index`);
  return all[0]!;
}

export function findSymbol(elf: ElfFile, ref: SymbolRef): ElfSymbol {
  const symbols = elf.symbols();
  if (typeof ref === "number") {
    const sym = symbols[ref];
    if (!sym) throw new Error(`no symbol ${ref} (${symbols.length} symbols)`);
    return sym;
  }
  const all = symbols.filter((s) => s.name === ref);
  if (all.length !== 1) throw new Error(`${all.length} symbols named ${ref}; name one by index`);
  return all[0]!;
}

export function findRela(elf: ElfFile, section: SectionRef, entry: number): ElfRela {
  const rela = elf.relocations(findSection(elf, section))[entry];
  if (!rela) throw new Error(`relocation section ${section} has no entry ${entry}`);
  return rela;
}

/**
 * Offset in a string table of a NUL-terminated `text` already in it (possibly the tail of
 * a longer string), so a name can be changed without growing the table.
 */
export function stringOffset(elf: ElfFile, table: ElfSection, text: string): number {
  const data = elf.data(table);
  const wanted = Buffer.from(`${text}\0`, "latin1");
  const at = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf(wanted);
  if (at < 0) throw new Error(`"${text}" is not in string table ${table.name}`);
  return at;
}

/** Sets one ELF header field. */
export function setHeaderField(
  bytes: Uint8Array,
  field: HeaderField,
  value: number | bigint,
): Uint8Array {
  const { out, view } = editable(bytes);
  const f = HEADER_FIELDS[field];
  write(view, f.at, f.width, value);
  return out;
}

/** Sets one field of a section header. */
export function setSectionField(
  bytes: Uint8Array,
  section: SectionRef,
  field: SectionField,
  value: number | bigint,
): Uint8Array {
  const { out, elf, view } = editable(bytes);
  const f = SECTION_FIELDS[field];
  write(view, findSection(elf, section).headerOffset + f.at, f.width, value);
  return out;
}

/** Gives a section another name that the section name string table already holds. */
export function renameSection(bytes: Uint8Array, section: SectionRef, name: string): Uint8Array {
  const elf = parseElf(bytes, "(being mutated)");
  const names = findSection(elf, elf.header.shstrndx);
  return setSectionField(bytes, section, "name", stringOffset(elf, names, name));
}

/** Sets one field of a symbol table entry; `bind` and `type` change half of st_info. */
export function setSymbolField(
  bytes: Uint8Array,
  symbol: SymbolRef,
  field: SymbolField,
  value: number | bigint,
): Uint8Array {
  const { out, elf, view } = editable(bytes);
  const sym = findSymbol(elf, symbol);
  const n = Number(value);
  if (field === "bind") {
    write(view, sym.entryOffset + SYMBOL_FIELDS.info.at, 1, (n << 4) | sym.type);
  } else if (field === "type") {
    write(view, sym.entryOffset + SYMBOL_FIELDS.info.at, 1, (sym.bind << 4) | n);
  } else {
    const f = SYMBOL_FIELDS[field];
    write(view, sym.entryOffset + f.at, f.width, value);
  }
  return out;
}

/** Gives a symbol another name that the symbol string table already holds. */
export function renameSymbol(bytes: Uint8Array, symbol: SymbolRef, name: string): Uint8Array {
  const elf = parseElf(bytes, "(being mutated)");
  const strtab = findSection(elf, elf.symbolTables()[0]!.link);
  return setSymbolField(bytes, symbol, "name", stringOffset(elf, strtab, name));
}

/** Sets one field of entry `entry` of a SHT_RELA section; the other half of r_info is kept. */
export function setRelaField(
  bytes: Uint8Array,
  section: SectionRef,
  entry: number,
  field: RelaField,
  value: number | bigint,
): Uint8Array {
  const { out, elf, view } = editable(bytes);
  const rela = findRela(elf, section, entry);
  const at = rela.entryOffset;
  switch (field) {
    case "offset":
      write(view, at, 8, value);
      break;
    case "symbol":
      write(view, at + 8, 8, (BigInt(value) << 32n) | BigInt(rela.type));
      break;
    case "type":
      write(view, at + 8, 8, (BigInt(rela.symbolIndex) << 32n) | BigInt(value));
      break;
    case "addend":
      write(view, at + 16, 8, value);
      break;
  }
  return out;
}

/** Overwrites bytes of a section's data, starting `offset` bytes into the section. */
export function writeSectionBytes(
  bytes: Uint8Array,
  section: SectionRef,
  offset: number,
  data: Uint8Array | readonly number[] | string,
): Uint8Array {
  const { out, elf } = editable(bytes);
  const s = findSection(elf, section);
  const patch = typeof data === "string" ? Buffer.from(data, "latin1") : Uint8Array.from(data);
  if (offset < 0 || offset + patch.length > s.size)
    throw new RangeError(`${patch.length} bytes at ${offset} do not fit in ${s.name} (${s.size})`);
  out.set(patch, s.offset + offset);
  return out;
}

/**
 * Gives a section new contents of any size: appended at the end of the file (8-byte
 * aligned), with the section's sh_offset and sh_size pointing there.
 */
export function replaceSectionData(
  bytes: Uint8Array,
  section: SectionRef,
  data: Uint8Array,
): Uint8Array {
  const start = Math.ceil(bytes.length / 8) * 8;
  const grown = new Uint8Array(start + data.length);
  grown.set(bytes);
  grown.set(data, start);
  let out = setSectionField(grown, section, "offset", start);
  out = setSectionField(out, section, "size", data.length);
  return out;
}

/** The first `length` bytes. */
export function truncate(bytes: Uint8Array, length: number): Uint8Array {
  return bytes.slice(0, length);
}

/** The bytes followed by zeros up to `length` (what nothing in the file points at). */
export function padTo(bytes: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(Math.max(length, bytes.length));
  out.set(bytes);
  return out;
}

/** Flips bits of one byte of a section's data (by default all eight). */
export function xorSectionByte(
  bytes: Uint8Array,
  section: SectionRef,
  offset: number,
  mask = 0xff,
): Uint8Array {
  const { out, elf } = editable(bytes);
  const s = findSection(elf, section);
  if (offset < 0 || offset >= s.size)
    throw new RangeError(`offset ${offset} is outside ${s.name} (${s.size} bytes)`);
  out[s.offset + offset]! ^= mask;
  return out;
}
