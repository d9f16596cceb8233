/**
 * A livepatch payload (an ELF relocatable object) in the terms of Xen's loader: its
 * `.livepatch.funcs` entries, hook sections, build-id notes and `.modinfo` metadata.
 *
 * Pointers inside the payload (function names, new and old addresses, hooks) are zero in
 * the file and filled in by relocations at load time, so each pointer field is reported
 * together with the relocation that will fill it.
 */
import { basename } from "node:path";
import {
  SHF_ALLOC,
  SHF_MERGE,
  SHN_UNDEF,
  SHN_LORESERVE,
  SHT_NOBITS,
  SHT_RELA,
} from "../elf/constants.js";
import {
  type ElfFile,
  type ElfRela,
  type ElfSection,
  type ElfSymbol,
  cStringAt,
  readElfFile,
} from "../elf/reader.js";
import { type BuildIdNote, readGnuBuildId } from "./notes.js";
import { HOOK_SECTIONS, LIVEPATCH_FUNC, SECTION, EXPECT_DATA_SIZE } from "../xen/abi.js";

/** What a pointer-sized field will hold once the loader has applied relocations. */
export interface PointerField {
  /** The value stored in the file (normally 0, the relocation fills it). */
  readonly raw: bigint;
  readonly rela?: ElfRela;
  readonly symbol?: ElfSymbol;
}

export interface LivepatchFuncEntry {
  readonly index: number;
  /** Offset of the entry inside `.livepatch.funcs`. */
  readonly offset: number;
  /** The function name the `name` pointer leads to, when it can be followed. */
  readonly name: string | undefined;
  readonly namePointer: PointerField;
  readonly newAddr: PointerField;
  readonly oldAddr: PointerField;
  readonly newSize: number;
  readonly oldSize: number;
  readonly version: number;
  readonly expect: {
    readonly enabled: boolean;
    readonly len: number;
    readonly reserved: number;
    readonly data: Uint8Array;
  };
}

export interface ModinfoEntry {
  readonly key: string;
  readonly value: string;
  /** False for a string without '='. */
  readonly wellFormed: boolean;
}

export class Payload {
  /** The name the payload is uploaded under: the file name without `.livepatch`. */
  readonly name: string;
  private relaByTarget?: Map<number, ElfSection[]>;

  constructor(readonly elf: ElfFile) {
    this.name = basename(elf.file).replace(/\.livepatch$/, "");
  }

  static async load(path: string): Promise<Payload> {
    // Read a little past the hypervisor's limit, so oversized payloads are reported, not refused.
    return new Payload(await readElfFile(path, 64 * 1024 * 1024));
  }

  get file(): string {
    return this.elf.file;
  }

  get buildId(): BuildIdNote {
    return readGnuBuildId(this.elf, SECTION.buildId);
  }

  get depends(): BuildIdNote {
    return readGnuBuildId(this.elf, SECTION.depends);
  }

  get xenDepends(): BuildIdNote {
    return readGnuBuildId(this.elf, SECTION.xenDepends);
  }

  /** SHT_RELA sections whose target is the given section (sh_info). */
  relocationSectionsFor(target: ElfSection): ElfSection[] {
    if (!this.relaByTarget) {
      this.relaByTarget = new Map();
      for (const s of this.elf.sections) {
        if (s.type !== SHT_RELA) continue;
        const list = this.relaByTarget.get(s.info) ?? [];
        list.push(s);
        this.relaByTarget.set(s.info, list);
      }
    }
    return this.relaByTarget.get(target.index) ?? [];
  }

  /** The relocation that fills the 8 bytes at `offset` of `section`, if any. */
  pointerAt(section: ElfSection, offset: number): PointerField {
    const data = this.elf.data(section);
    const raw =
      offset + 8 <= data.length
        ? new DataView(data.buffer, data.byteOffset).getBigUint64(offset, true)
        : 0n;
    for (const relaSection of this.relocationSectionsFor(section)) {
      let entries: ElfRela[];
      try {
        entries = this.elf.relocations(relaSection);
      } catch {
        continue; // a corrupted relocation section is reported by the verifier
      }
      const rela = entries.find((r) => r.offset === BigInt(offset));
      if (rela) {
        const symbol = this.elf.symbols()[rela.symbolIndex];
        return symbol ? { raw, rela, symbol } : { raw, rela };
      }
    }
    return { raw };
  }

  /** The defined section a symbol lives in, if it is a regular one. */
  symbolSection(symbol: ElfSymbol): ElfSection | undefined {
    if (symbol.shndx === SHN_UNDEF || symbol.shndx >= SHN_LORESERVE) return undefined;
    return this.elf.section(symbol.shndx);
  }

  /** Follows a pointer to a NUL-terminated string inside the payload. */
  stringAt(pointer: PointerField): string | undefined {
    if (!pointer.symbol || !pointer.rela) return undefined;
    const section = this.symbolSection(pointer.symbol);
    if (!section || !this.elf.inBounds(section)) return undefined;
    const start = pointer.symbol.value + pointer.rela.addend;
    if (start < 0n || start >= BigInt(section.size)) return undefined;
    const data = this.elf.data(section);
    return cStringAt(data, Number(start), data.length);
  }

  /**
   * The `.livepatch.funcs` entries (whole 104-byte entries only; for a NOBITS section, the
   * zeroed entries the loader reads, up to MAX_NOBITS_FUNCS bytes of them).
   */
  funcs(): LivepatchFuncEntry[] {
    const section = this.elf.sectionNamed(SECTION.funcs);
    if (!section || !this.elf.inBounds(section)) return [];
    // A NOBITS section is zeros in memory: the loader reads entries of version 0 there.
    const data =
      section.type === SHT_NOBITS
        ? new Uint8Array(Math.min(section.size, MAX_NOBITS_FUNCS))
        : this.elf.data(section);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const entries: LivepatchFuncEntry[] = [];
    const count = Math.floor(data.length / LIVEPATCH_FUNC.size);
    for (let i = 0; i < count; i++) {
      const at = i * LIVEPATCH_FUNC.size;
      const namePointer = this.pointerAt(section, at + LIVEPATCH_FUNC.name);
      const expectByte = data[at + LIVEPATCH_FUNC.expect] ?? 0;
      entries.push({
        index: i,
        offset: at,
        name: this.stringAt(namePointer),
        namePointer,
        newAddr: this.pointerAt(section, at + LIVEPATCH_FUNC.newAddr),
        oldAddr: this.pointerAt(section, at + LIVEPATCH_FUNC.oldAddr),
        newSize: view.getUint32(at + LIVEPATCH_FUNC.newSize, true),
        oldSize: view.getUint32(at + LIVEPATCH_FUNC.oldSize, true),
        version: data[at + LIVEPATCH_FUNC.version] ?? 0,
        expect: {
          enabled: (expectByte & 1) === 1,
          len: (expectByte >> 1) & 0x1f,
          reserved: expectByte >> 6,
          data: data.subarray(
            at + LIVEPATCH_FUNC.expectData,
            at + LIVEPATCH_FUNC.expectData + EXPECT_DATA_SIZE,
          ),
        },
      });
    }
    return entries;
  }

  /** Hook sections present, with their pointers. */
  hooks(): Array<{ section: ElfSection; kind: "multi" | "single"; pointers: PointerField[] }> {
    const result = [];
    for (const [name, kind] of Object.entries(HOOK_SECTIONS)) {
      const section = this.elf.sectionNamed(name);
      if (!section || !this.elf.inBounds(section)) continue;
      const pointers: PointerField[] = [];
      for (let at = 0; at + 8 <= section.size; at += 8) pointers.push(this.pointerAt(section, at));
      result.push({ section, kind, pointers });
    }
    return result;
  }

  /** `.modinfo` as `key=value` strings; undefined when the payload has none. */
  modinfo(): { entries: ModinfoEntry[]; terminated: boolean } | undefined {
    const section = this.elf.sectionNamed(SECTION.modinfo);
    if (!section || !this.elf.inBounds(section)) return undefined;
    const data = this.elf.data(section);
    const text = Buffer.from(data).toString("latin1");
    const entries = text
      .split("\0")
      .filter((s) => s.length > 0)
      .map((s) => {
        const eq = s.indexOf("=");
        return eq > 0
          ? { key: s.slice(0, eq), value: s.slice(eq + 1), wellFormed: true }
          : { key: s, value: "", wellFormed: false };
      });
    return { entries, terminated: data.length > 0 && data[data.length - 1] === 0 };
  }

  /**
   * Symbols the hypervisor adds to its table when the payload loads (build_symbol_table):
   * named symbols of allocated sections, except `.L` labels in mergeable sections.
   */
  loadedSymbols(): ElfSymbol[] {
    return this.elf.symbols().filter((sym) => {
      if (sym.index === 0 || !sym.name) return false;
      const section = this.symbolSection(sym);
      if (!section || (section.flags & SHF_ALLOC) === 0) return false;
      return !((section.flags & SHF_MERGE) !== 0 && sym.name.startsWith(".L"));
    });
  }

  /**
   * The loaded symbols that are new (not the replacement of a patched function): the ones
   * later payloads may resolve against, and that must not clash with existing names.
   */
  newSymbols(): ElfSymbol[] {
    const replacements = new Set(
      this.funcs()
        .filter((f) => f.newAddr.symbol && f.newAddr.rela)
        .map((f) =>
          locationKey(f.newAddr.symbol!.shndx, f.newAddr.symbol!.value + f.newAddr.rela!.addend),
        ),
    );
    return this.loadedSymbols().filter(
      (sym) => !replacements.has(locationKey(sym.shndx, sym.value)),
    );
  }
}

/** Bytes of a NOBITS `.livepatch.funcs` read as entries (enough for any real payload). */
const MAX_NOBITS_FUNCS = 1 << 20;

const locationKey = (shndx: number, value: bigint) => `${shndx}:${value}`;
