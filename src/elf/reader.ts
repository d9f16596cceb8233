/**
 * A bounds-checked ELF64 little-endian reader for relocatable objects (livepatch
 * payloads) and linked images (xen-syms).
 *
 * Every offset and size comes from the file and is checked against the file before use:
 * a truncated, garbage or hostile file gives an ElfFormatError naming the file and what is
 * wrong. Counts are derived from sizes that were checked against the file length, so no
 * loop or allocation can exceed the file's own size.
 *
 * Parsing is split in two: the header and section header table must be sound (else
 * parseElf throws), while a single section's problems (data past the end, a bad entry
 * size) surface only when that section is used. The verifier checks those raw fields
 * itself, the way the hypervisor's loader does, and reports them as findings.
 */
import { readFile, stat } from "node:fs/promises";
import {
  ELF64_EHDR_SIZE,
  ELF64_RELA_SIZE,
  ELF64_SHDR_SIZE,
  ELF64_SYM_SIZE,
  ELFCLASS64,
  ELFDATA2LSB,
  SHT_NOBITS,
  SHT_SYMTAB,
} from "./constants.js";
import { InputFileError } from "../util/errors.js";

export class ElfFormatError extends Error {
  override name = "ElfFormatError";
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

export interface ElfHeader {
  /** e_ident bytes after the magic. */
  readonly class: number;
  readonly data: number;
  readonly identVersion: number;
  readonly osabi: number;
  readonly abiversion: number;
  readonly type: number;
  readonly machine: number;
  readonly version: number;
  readonly phoff: number;
  readonly shoff: number;
  readonly flags: number;
  readonly ehsize: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shentsize: number;
  readonly shnum: number;
  readonly shstrndx: number;
}

export interface ElfSection {
  readonly index: number;
  /** Resolved through the section name string table; "" when that fails. */
  readonly name: string;
  readonly nameOffset: number;
  readonly type: number;
  /** The low 32 bits of sh_flags (the bits the hypervisor and we look at). */
  readonly flags: number;
  readonly addr: bigint;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: bigint;
  readonly entsize: number;
  /** File offset of this section's header, for locations and test mutations. */
  readonly headerOffset: number;
}

export interface ElfSymbol {
  readonly index: number;
  readonly name: string;
  readonly nameOffset: number;
  readonly value: bigint;
  readonly size: number;
  readonly bind: number;
  readonly type: number;
  readonly visibility: number;
  readonly shndx: number;
  readonly entryOffset: number;
}

export interface ElfRela {
  readonly index: number;
  /** r_offset: where in the target section the relocation applies. */
  readonly offset: bigint;
  readonly symbolIndex: number;
  readonly type: number;
  readonly addend: bigint;
  readonly entryOffset: number;
}

export interface ElfNote {
  readonly name: string;
  readonly type: number;
  readonly desc: Uint8Array;
}

/**
 * 64-bit sizes and offsets as numbers. Above 2^53 the value is rounded, but stays a finite
 * integer far past any file's length, so bounds checks still reject it and BigInt() of it works.
 */
const toNumber = (v: bigint): number => Number(v);

/** A NUL-terminated string within [start, end) of bytes; unterminated strings end at `end`. */
export function cStringAt(bytes: Uint8Array, start: number, end: number): string {
  if (start < 0 || start >= end) return "";
  let stop = bytes.indexOf(0, start);
  if (stop < 0 || stop > end) stop = end;
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, stop - start).toString("latin1");
}

export class ElfFile {
  readonly header: ElfHeader;
  readonly sections: readonly ElfSection[];
  private readonly view: DataView;
  private symbolCache?: readonly ElfSymbol[];

  constructor(
    readonly file: string,
    readonly bytes: Uint8Array,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.header = this.readHeader();
    this.sections = this.readSections();
  }

  /** True when the section's bytes lie inside the file (NOBITS sections have none). */
  inBounds(section: ElfSection): boolean {
    if (section.type === SHT_NOBITS) return true;
    return (
      section.offset <= this.bytes.length && section.size <= this.bytes.length - section.offset
    );
  }

  /** The section's bytes (empty for NOBITS); ElfFormatError when they lie outside the file. */
  data(section: ElfSection): Uint8Array {
    if (section.type === SHT_NOBITS) return new Uint8Array(0);
    if (!this.inBounds(section)) {
      throw this.error(
        `section [${section.index}] ${section.name || "(unnamed)"} data (offset ${section.offset}, size ${section.size}) lies outside the file (${this.bytes.length} bytes)`,
      );
    }
    return this.bytes.subarray(section.offset, section.offset + section.size);
  }

  section(index: number): ElfSection | undefined {
    return this.sections[index];
  }

  sectionsNamed(name: string): ElfSection[] {
    return this.sections.filter((s) => s.index > 0 && s.name === name);
  }

  sectionNamed(name: string): ElfSection | undefined {
    return this.sections.find((s) => s.index > 0 && s.name === name);
  }

  symbolTables(): ElfSection[] {
    return this.sections.filter((s) => s.type === SHT_SYMTAB);
  }

  /** The symbols of the (first) symbol table; ElfFormatError when it is unusable. */
  symbols(): readonly ElfSymbol[] {
    if (this.symbolCache) return this.symbolCache;
    const symtab = this.symbolTables()[0];
    if (!symtab) throw this.error("no symbol table");
    if (symtab.entsize < ELF64_SYM_SIZE || symtab.size % symtab.entsize !== 0) {
      throw this.error(
        `symbol table entry size ${symtab.entsize} / size ${symtab.size} is corrupted`,
      );
    }
    this.data(symtab); // throws when the table lies outside the file
    const strtab = this.sections[symtab.link];
    if (!strtab || symtab.link === 0)
      throw this.error(`symbol table links to section ${symtab.link}, which does not exist`);
    const strings = this.data(strtab);
    const count = symtab.size / symtab.entsize;
    const symbols: ElfSymbol[] = [];
    for (let i = 0; i < count; i++) {
      const at = symtab.offset + i * symtab.entsize;
      const nameOffset = this.view.getUint32(at, true);
      const info = this.bytes[at + 4] ?? 0;
      symbols.push({
        index: i,
        name: cStringAt(strings, nameOffset, strings.length),
        nameOffset,
        bind: info >> 4,
        type: info & 0xf,
        visibility: (this.bytes[at + 5] ?? 0) & 0x3,
        shndx: this.view.getUint16(at + 6, true),
        value: this.view.getBigUint64(at + 8, true),
        size: toNumber(this.view.getBigUint64(at + 16, true)),
        entryOffset: at,
      });
    }
    this.symbolCache = symbols;
    return symbols;
  }

  /** The entries of a SHT_RELA section; ElfFormatError when its header is corrupted. */
  relocations(section: ElfSection): ElfRela[] {
    if (section.entsize < ELF64_RELA_SIZE || section.size % section.entsize !== 0) {
      throw this.error(
        `relocation section [${section.index}] ${section.name} has entry size ${section.entsize} and size ${section.size}`,
      );
    }
    this.data(section);
    const count = section.size / section.entsize;
    const entries: ElfRela[] = [];
    for (let i = 0; i < count; i++) {
      const at = section.offset + i * section.entsize;
      const info = this.view.getBigUint64(at + 8, true);
      entries.push({
        index: i,
        offset: this.view.getBigUint64(at, true),
        symbolIndex: Number(info >> 32n),
        type: Number(info & 0xffffffffn),
        addend: this.view.getBigInt64(at + 16, true),
        entryOffset: at,
      });
    }
    return entries;
  }

  /** The ELF notes in a section's bytes; ElfFormatError when one runs past the section. */
  notes(section: ElfSection): ElfNote[] {
    return parseNotes(this.data(section), (problem) =>
      this.error(`section [${section.index}] ${section.name}: ${problem}`),
    );
  }

  error(problem: string): ElfFormatError {
    return new ElfFormatError(this.file, problem);
  }

  private readHeader(): ElfHeader {
    const b = this.bytes;
    if (b.length < 16 || b[0] !== 0x7f || b[1] !== 0x45 || b[2] !== 0x4c || b[3] !== 0x46) {
      throw this.error("not an ELF file (no \\x7fELF magic)");
    }
    if (b[4] !== ELFCLASS64) throw this.error(`not a 64-bit ELF file (EI_CLASS ${b[4]})`);
    if (b[5] !== ELFDATA2LSB) throw this.error(`not a little-endian ELF file (EI_DATA ${b[5]})`);
    if (b.length < ELF64_EHDR_SIZE) {
      throw this.error(`truncated: ${b.length} bytes, shorter than the 64-byte ELF header`);
    }
    const v = this.view;
    return {
      class: b[4],
      data: b[5],
      identVersion: b[6] ?? 0,
      osabi: b[7] ?? 0,
      abiversion: b[8] ?? 0,
      type: v.getUint16(16, true),
      machine: v.getUint16(18, true),
      version: v.getUint32(20, true),
      phoff: toNumber(v.getBigUint64(32, true)),
      shoff: toNumber(v.getBigUint64(40, true)),
      flags: v.getUint32(48, true),
      ehsize: v.getUint16(52, true),
      phentsize: v.getUint16(54, true),
      phnum: v.getUint16(56, true),
      shentsize: v.getUint16(58, true),
      shnum: v.getUint16(60, true),
      shstrndx: v.getUint16(62, true),
    };
  }

  private readSections(): ElfSection[] {
    const h = this.header;
    if (h.shnum === 0) return [];
    if (h.shentsize < ELF64_SHDR_SIZE) {
      throw this.error(
        `section header entry size ${h.shentsize} is smaller than ${ELF64_SHDR_SIZE}`,
      );
    }
    const tableEnd = h.shoff + h.shnum * h.shentsize;
    if (h.shoff < ELF64_EHDR_SIZE || tableEnd > this.bytes.length) {
      throw this.error(
        `section header table (offset ${h.shoff}, ${h.shnum} entries of ${h.shentsize} bytes) lies outside the file (${this.bytes.length} bytes)`,
      );
    }
    const v = this.view;
    const raw = [];
    for (let i = 0; i < h.shnum; i++) {
      const at = h.shoff + i * h.shentsize;
      raw.push({
        index: i,
        nameOffset: v.getUint32(at, true),
        type: v.getUint32(at + 4, true),
        flags: Number(v.getBigUint64(at + 8, true) & 0xffffffffn),
        addr: v.getBigUint64(at + 16, true),
        offset: toNumber(v.getBigUint64(at + 24, true)),
        size: toNumber(v.getBigUint64(at + 32, true)),
        link: v.getUint32(at + 40, true),
        info: v.getUint32(at + 44, true),
        addralign: v.getBigUint64(at + 48, true),
        entsize: toNumber(v.getBigUint64(at + 56, true)),
        headerOffset: at,
      });
    }
    // Names come from the section name string table, when it is usable.
    const names = raw[h.shstrndx];
    let strings: Uint8Array | undefined;
    if (names && h.shstrndx !== 0 && names.type !== SHT_NOBITS) {
      const inFile =
        names.offset <= this.bytes.length && names.size <= this.bytes.length - names.offset;
      if (inFile) strings = this.bytes.subarray(names.offset, names.offset + names.size);
    }
    return raw.map((s) => ({
      ...s,
      name: strings ? cStringAt(strings, s.nameOffset, strings.length) : "",
    }));
  }
}

/** Parses a sequence of ELF notes (namesz, descsz, type, name, desc; 4-byte aligned). */
export function parseNotes(data: Uint8Array, fail: (problem: string) => Error): ElfNote[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const notes: ElfNote[] = [];
  const align4 = (n: number) => (n + 3) & ~3;
  let at = 0;
  while (at < data.length) {
    if (data.length - at < 12)
      throw fail(
        `note at offset ${at} is truncated (${data.length - at} bytes left, header needs 12)`,
      );
    const namesz = view.getUint32(at, true);
    const descsz = view.getUint32(at + 4, true);
    const type = view.getUint32(at + 8, true);
    const nameStart = at + 12;
    const descStart = nameStart + align4(namesz);
    const end = descStart + descsz;
    if (namesz > data.length || descsz > data.length || end > data.length) {
      throw fail(
        `note at offset ${at} (name ${namesz} bytes, descriptor ${descsz} bytes) runs past the section`,
      );
    }
    notes.push({
      name: cStringAt(data, nameStart, nameStart + namesz),
      type,
      desc: data.subarray(descStart, end),
    });
    at = align4(end);
  }
  return notes;
}

export function parseElf(bytes: Uint8Array, file: string): ElfFile {
  return new ElfFile(file, bytes);
}

/**
 * Reads and parses an ELF file. Files over `maxBytes` are refused before reading, so a
 * hostile path (a huge file, a device) cannot exhaust memory.
 */
export async function readElfFile(path: string, maxBytes = 256 * 1024 * 1024): Promise<ElfFile> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new InputFileError(path, "not a regular file");
    size = info.size;
  } catch (e) {
    if (e instanceof InputFileError) throw e;
    throw new InputFileError(path, `cannot read: ${(e as Error).message}`);
  }
  if (size > maxBytes) {
    throw new InputFileError(
      path,
      `is ${size} bytes, larger than the ${maxBytes}-byte limit for this kind of file`,
    );
  }
  const bytes = new Uint8Array(await readFile(path));
  return parseElf(bytes, path);
}
