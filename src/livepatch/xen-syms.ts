/**
 * The hypervisor a payload targets, as seen through its `xen-syms`: its build-id, its
 * symbol table under the names the running hypervisor uses for lookups, and the bytes of
 * its code.
 */
import {
  SHN_ABS,
  SHN_UNDEF,
  SHT_NOBITS,
  STB_LOCAL,
  STT_FILE,
  STT_SECTION,
} from "../elf/constants.js";
import { type ElfFile, readElfFile } from "../elf/reader.js";
import { readGnuBuildId } from "./notes.js";

export interface XenSymbol {
  /** The name the hypervisor's symbol lookup knows: `file#name` for local symbols. */
  readonly name: string;
  readonly value: bigint;
  readonly size: number;
  readonly type: number;
}

/**
 * Xen builds its runtime symbol table from `nm -pa` of the linked image (xen/tools/symbols.c):
 * local symbols are prefixed with the most recent source file name and '#', undefined and
 * absolute symbols are left out. Mirroring that lets us predict what a payload's name
 * lookups will find.
 */
function runtimeSymbolTable(elf: ElfFile): Map<string, XenSymbol> {
  const table = new Map<string, XenSymbol>();
  let file: string | undefined;
  for (const sym of elf.symbols()) {
    if (sym.index === 0) continue;
    if (sym.type === STT_FILE) {
      file = sym.name || undefined;
      continue;
    }
    if (sym.shndx === SHN_UNDEF || sym.shndx === SHN_ABS || sym.type === STT_SECTION || !sym.name)
      continue;
    const name = sym.bind === STB_LOCAL && file ? `${file}#${sym.name}` : sym.name;
    if (!table.has(name))
      table.set(name, { name, value: sym.value, size: sym.size, type: sym.type });
  }
  return table;
}

export class XenSyms {
  readonly buildId: string | undefined;
  private readonly symbols: Map<string, XenSymbol>;

  constructor(readonly elf: ElfFile) {
    const note = readGnuBuildId(elf, ".note.gnu.build-id");
    this.buildId = note.status === "ok" ? note.id : undefined;
    this.symbols = runtimeSymbolTable(elf);
  }

  static async load(path: string): Promise<XenSyms> {
    return new XenSyms(await readElfFile(path, 1024 * 1024 * 1024));
  }

  get file(): string {
    return this.elf.file;
  }

  lookup(name: string): XenSymbol | undefined {
    return this.symbols.get(name);
  }

  /** Up to `length` bytes of the image at a virtual address; undefined outside loaded data. */
  bytesAt(address: bigint, length: number): Uint8Array | undefined {
    for (const s of this.elf.sections) {
      if (s.type === SHT_NOBITS || s.addr === 0n || !this.elf.inBounds(s)) continue;
      if (address < s.addr || address >= s.addr + BigInt(s.size)) continue;
      const start = Number(address - s.addr);
      return this.elf.data(s).subarray(start, Math.min(start + length, s.size));
    }
    return undefined;
  }
}
