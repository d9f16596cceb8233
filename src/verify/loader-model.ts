/**
 * The values a payload's fields take once the hypervisor's loader has placed its sections
 * and applied its relocations: what Xen reads as `old_addr`, `new_addr` and the name
 * pointer of each function entry, and which relocations it refuses with EOVERFLOW.
 *
 * The model of one loader version is data (LoaderVersion): how it rounds and groups
 * sections, where its livepatch area starts, how it computes each relocation type, the
 * sizes and layouts of the structures it reads (src/xen/loader-version.ts). The
 * place-and-relocate walk below and the verifier's checks are shared; another Xen version is
 * another LoaderVersion, which src/xen/loader.ts loaderFor() folds from the records of
 * src/xen/changes.ts.
 *
 * Where a value depends on something the verifier cannot know (the address of a symbol an
 * earlier payload exports), it is `undefined` and checks on it are skipped.
 */
import {
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_ABS,
  SHN_LORESERVE,
  SHN_UNDEF,
  SHT_NOBITS,
  SHT_RELA,
  STN_UNDEF,
} from "../elf/constants.js";
import type { ElfRela, ElfSection } from "../elf/reader.js";
import { type Payload } from "../livepatch/payload.js";
import { LIVEPATCH_FUNC, SECTION } from "../xen/abi.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { LoaderVersion } from "../xen/loader-version.js";
import { XEN_4_17 } from "../xen/loader.js";

export type { LoaderVersion } from "../xen/loader-version.js";
export { XEN_4_17, XEN_4_20, XEN_4_21, loaderFor } from "../xen/loader.js";

const MASK64 = (1n << 64n) - 1n;

export type Region = "text" | "rw" | "ro";

export interface PlacedSection {
  readonly section: ElfSection;
  readonly region: Region;
  /** Offset inside its region, as calc_section() computes it. */
  readonly offset: bigint;
  readonly address: bigint;
}

/** A relocation whose PC-relative result does not fit in 32 signed bits (EOVERFLOW). */
export interface RelocationOverflow {
  readonly relaSection: ElfSection;
  readonly target: ElfSection;
  readonly rela: ElfRela;
  readonly value: bigint;
  /** Overflows wherever in the livepatch area the payload lands, not only at its start. */
  readonly always: boolean;
}

/** A pointer field of the loaded payload: its value, or undefined when it cannot be known. */
export type LoadedValue = bigint | undefined;

export interface LoadedFunc {
  readonly name: LoadedValue;
  readonly newAddr: LoadedValue;
  readonly oldAddr: LoadedValue;
}

const signed64 = (v: bigint) => BigInt.asIntN(64, v);
const fitsInt32 = (v: bigint) => v >= -(1n << 31n) && v < 1n << 31n;

/**
 * The payload as the loader lays it out and relocates it, at the start of the livepatch
 * area (after the earlier payloads of the stack, whose sizes are known). Only built when
 * the ELF structure is sound: the verifier's other checks report what is not.
 */
export class LoadedPayload {
  readonly placed = new Map<number, PlacedSection>();
  readonly regions: Record<Region, { address: bigint; size: bigint }>;
  readonly overflows: RelocationOverflow[] = [];
  /** Relocated bytes of each allocated PROGBITS section. */
  private readonly contents = new Map<number, Uint8Array>();
  /** Byte ranges whose value depends on something unknown, per section. */
  private readonly unknown = new Map<number, Array<[number, number]>>();

  constructor(
    private readonly payload: Payload,
    private readonly xen: XenSyms,
    /** Bytes of the livepatch area the earlier payloads of the stack take. */
    areaOffset: bigint,
    readonly version: LoaderVersion = XEN_4_17,
  ) {
    const elf = payload.elf;
    const sizes: Record<Region, bigint> = { text: 0n, rw: 0n, ro: 0n };
    const offsets = new Map<number, { region: Region; offset: bigint }>();
    for (const s of elf.sections.slice(1)) {
      if ((s.flags & SHF_ALLOC) === 0) continue;
      const exec = (s.flags & SHF_EXECINSTR) !== 0;
      const write = (s.flags & SHF_WRITE) !== 0;
      const region: Region = exec && !write ? "text" : write && !exec ? "rw" : "ro";
      const offset = version.roundUp(sizes[region], s.addralign);
      offsets.set(s.index, { region, offset });
      sizes[region] = offset + BigInt(s.size);
    }
    const page = (n: bigint) => version.roundUp(n, version.pageSize);
    const start = this.areaStart() + areaOffset;
    this.regions = {
      text: { address: start, size: sizes.text },
      rw: { address: start + page(sizes.text), size: sizes.rw },
      ro: { address: start + page(sizes.text) + page(sizes.rw), size: sizes.ro },
    };
    for (const [index, { region, offset }] of offsets) {
      const section = elf.sections[index]!;
      this.placed.set(index, {
        section,
        region,
        offset,
        address: this.regions[region].address + offset,
      });
      if (section.type !== SHT_NOBITS) this.contents.set(index, elf.data(section).slice());
    }
    this.relocate();
  }

  /**
   * Non-empty allocated sections the loader places over each other in one region: what an
   * sh_addralign of 0 gives in Xen 4.17, whose ROUNDUP(x, 0) is 0 (and whose region size
   * then shrinks to that section's end). The later section's bytes win (copied in order).
   */
  overlaps(): Array<{ first: PlacedSection; second: PlacedSection }> {
    const found: Array<{ first: PlacedSection; second: PlacedSection }> = [];
    const placed = [...this.placed.values()].filter((p) => p.section.size > 0);
    for (const a of placed)
      for (const b of placed) {
        if (a.region !== b.region || a.section.index >= b.section.index) continue;
        const aEnd = a.offset + BigInt(a.section.size);
        const bEnd = b.offset + BigInt(b.section.size);
        if (a.offset < bEnd && b.offset < aEnd) found.push({ first: a, second: b });
      }
    return found;
  }

  /** Bytes of the whole payload in memory (PFN_UP of the three regions). */
  get pages(): bigint {
    const page = (n: bigint) => this.version.roundUp(n, this.version.pageSize);
    return page(this.regions.text.size) + page(this.regions.rw.size) + page(this.regions.ro.size);
  }

  private areaStart(): bigint {
    const sym = this.xen.lookup(this.version.area.startSymbol);
    // Without the symbol, a placement 512 MiB above the hypervisor's text start.
    const base = sym?.value ?? (this.xen.lookup("_stext")?.value ?? 0n) + (1n << 29n);
    return this.version.roundUp(base, this.version.pageSize);
  }

  /** livepatch_elf_resolve_symbols(): a symbol's value, or undefined when unknown. */
  private symbolValue(index: number): LoadedValue {
    const sym = this.payload.elf.symbols()[index];
    if (!sym) return undefined;
    // An earlier payload's symbol lies wherever that payload landed: unknown here.
    if (sym.shndx === SHN_UNDEF) return this.xen.lookup(sym.name)?.value;
    if (sym.shndx === SHN_ABS) return sym.value;
    if (sym.shndx >= SHN_LORESERVE) return undefined;
    const placed = this.placed.get(sym.shndx);
    return placed ? (placed.address + sym.value) & MASK64 : undefined;
  }

  /** arch_livepatch_perform_rela() over every SHT_RELA section targeting an allocated one. */
  private relocate(): void {
    const elf = this.payload.elf;
    const spanEnd = this.version.area.maxSpan;
    for (const r of elf.sections) {
      if (r.type !== SHT_RELA) continue;
      const target = this.placed.get(r.info);
      if (!target) continue;
      const data = this.contents.get(r.info);
      for (const rela of elf.relocations(r)) {
        const kind = this.version.relocations.get(rela.type);
        if (!kind || kind.width === 0 || rela.symbolIndex === STN_UNDEF) continue;
        const at = Number(rela.offset);
        if (rela.offset + BigInt(kind.width) > BigInt(target.section.size)) continue;
        const symbol = this.symbolValue(rela.symbolIndex);
        if (symbol === undefined) {
          this.markUnknown(r.info, at, kind.width);
          continue;
        }
        let value = (symbol + rela.addend) & MASK64;
        if (kind.pcRelative) {
          const place = target.address + rela.offset;
          const result = signed64(value - place);
          if (!fitsInt32(result)) {
            // Also at the far end of the area: then no placement saves it.
            const far = signed64(value - (place + spanEnd));
            const sameSection = this.symbolSection(rela.symbolIndex) !== undefined;
            this.overflows.push({
              relaSection: r,
              target: target.section,
              rela,
              value: result,
              always: sameSection || !fitsInt32(far),
            });
          }
          value = result & 0xffffffffn;
        }
        if (data) {
          const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
          if (kind.width === 8) view.setBigUint64(at, value, true);
          else view.setUint32(at, Number(value & 0xffffffffn), true);
          this.clearUnknown(r.info, at, kind.width);
        }
      }
    }
  }

  /** The section of the payload a symbol is defined in (undefined for UNDEF, ABS...). */
  private symbolSection(index: number): number | undefined {
    const sym = this.payload.elf.symbols()[index];
    if (!sym || sym.shndx === SHN_UNDEF || sym.shndx >= SHN_LORESERVE) return undefined;
    return sym.shndx;
  }

  private markUnknown(section: number, at: number, width: number): void {
    const list = this.unknown.get(section) ?? [];
    list.push([at, at + width]);
    this.unknown.set(section, list);
  }

  private clearUnknown(section: number, at: number, width: number): void {
    const list = this.unknown.get(section);
    if (!list) return;
    this.unknown.set(
      section,
      list.filter(([from, to]) => to <= at || from >= at + width),
    );
  }

  /** The 8 bytes at `offset` of a section after relocation; undefined when unknown. */
  pointer(section: number, offset: number): LoadedValue {
    const data = this.contents.get(section);
    if (!data || offset + 8 > data.length) return undefined;
    if ((this.unknown.get(section) ?? []).some(([from, to]) => from < offset + 8 && to > offset))
      return undefined;
    return new DataView(data.buffer, data.byteOffset, data.byteLength).getBigUint64(offset, true);
  }

  /** The signed 32 bits at `offset` of a section after relocation; undefined when unknown. */
  int32(section: number, offset: number): number | undefined {
    const data = this.contents.get(section);
    if (!data || offset < 0 || offset + 4 > data.length) return undefined;
    if ((this.unknown.get(section) ?? []).some(([from, to]) => from < offset + 4 && to > offset))
      return undefined;
    return new DataView(data.buffer, data.byteOffset, data.byteLength).getInt32(offset, true);
  }

  /** A byte of a section after relocation. */
  byte(section: number, offset: number): number | undefined {
    return this.contents.get(section)?.[offset];
  }

  /** The pointer fields of each `.livepatch.funcs` entry, as prepare_payload() reads them. */
  funcs(): LoadedFunc[] {
    const section = this.payload.elf.sectionNamed(SECTION.funcs);
    if (!section || !this.placed.has(section.index)) return [];
    const count = Math.floor(section.size / LIVEPATCH_FUNC.size);
    return [...Array(count).keys()].map((i) => {
      const at = i * LIVEPATCH_FUNC.size;
      return {
        name: this.pointer(section.index, at + LIVEPATCH_FUNC.name),
        newAddr: this.pointer(section.index, at + LIVEPATCH_FUNC.newAddr),
        oldAddr: this.pointer(section.index, at + LIVEPATCH_FUNC.oldAddr),
      };
    });
  }

  /** The placed section holding `address`, and the offset inside it. */
  sectionAt(address: bigint): { placed: PlacedSection; offset: number } | undefined {
    for (const placed of this.placed.values()) {
      if (address >= placed.address && address < placed.address + BigInt(placed.section.size))
        return { placed, offset: Number(address - placed.address) };
    }
    return undefined;
  }

  /**
   * Whether the loader reading at `address` faults: NULL, a non-canonical address, or
   * the livepatch area past this payload's last page, where nothing is mapped (the payload
   * is the last one loaded).
   */
  faultsAt(address: bigint): boolean {
    if (address < this.version.pageSize || !this.canonical(address)) return true;
    const end = this.regions.text.address + this.pages;
    return address >= end && address - end < this.version.area.maxSpan;
  }

  /** Whether an address lies in the payload's executable region. */
  inText(address: bigint): boolean {
    const t = this.regions.text;
    return address >= t.address && address < t.address + t.size;
  }

  /** Whether an address is canonical for this architecture. */
  canonical(address: bigint): boolean {
    const top = address >> BigInt(this.version.canonicalBits - 1);
    return top === 0n || top === (1n << BigInt(65 - this.version.canonicalBits)) - 1n;
  }

  /** A NUL-terminated string the loader would read at `address` inside the payload. */
  stringAt(address: bigint): string | undefined {
    const at = this.sectionAt(address);
    if (!at) return undefined;
    const data = this.contents.get(at.placed.section.index);
    if (!data) return undefined;
    const end = data.indexOf(0, at.offset);
    if (end < 0) return undefined;
    return Buffer.from(data.subarray(at.offset, end)).toString("latin1");
  }
}
