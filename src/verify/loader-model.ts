/**
 * The values a payload's fields take once the hypervisor's loader has placed its sections
 * and applied its relocations: what Xen reads as `old_addr`, `new_addr` and the name
 * pointer of each function entry, and which relocations it refuses with EOVERFLOW.
 *
 * The model of one loader version is data (LoaderVersion): how it rounds and groups
 * sections, where its livepatch area starts, how it computes each relocation type, the
 * sizes and layouts of the structures it reads. The place-and-relocate walk below and the
 * verifier's checks are shared; another Xen version is another LoaderVersion: loaderFor()
 * composes it from the changes a release has (src/xen/changes.ts), to the point release, since
 * backports made 4.18.4 and 4.19.1 behave like 4.20 while 4.18.3 and 4.19.0 behave like 4.17.
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
import {
  ALT_CALL,
  ALT_INSTR,
  ARCH_LIVEPATCH_RANGE,
  ARCH_PATCH_INSN_SIZE,
  BUG_FRAME,
  EXCEPTION_TABLE_ENTRY_SIZE,
  LIVEPATCH_FUNC,
  MAX_PATCH_LEN,
  RELOCATIONS,
  type RelocationKind,
  SECTION,
  SPECIAL_SECTIONS,
} from "../xen/abi.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { type XenVersion, hasChange } from "../xen/version.js";
import {
  ALT_CALL_SITES,
  ALT_FLAG_NOT,
  ALTERNATIVES_REFUSED,
  BUILDID_NOTE_ENODATA,
  XEN_BUILDID_CHECKED_EARLY,
} from "../xen/changes.js";

/** One loader version's rules, as data. */
export interface LoaderVersion {
  readonly name: string;
  /** The release it models (a rule's changes apply by it; see rules.ts loaderVerdictFor). */
  readonly release: Pick<XenVersion, "major" | "minor" | "patch">;
  readonly pageSize: bigint;
  /**
   * Where payloads are placed: the symbol of xen-syms the livepatch vmap area starts at
   * (arch_livepatch_init), and how far it reaches (a bound on where a payload may land).
   */
  readonly area: { readonly startSymbol: string; readonly maxSpan: bigint };
  /** ROUNDUP(x, a) as the loader's calc_section() computes it, including a = 0. */
  readonly roundUp: (x: bigint, align: bigint) => bigint;
  /** Relocation types: bytes written, and whether the value is PC-relative and range-checked. */
  readonly relocations: ReadonlyMap<number, RelocationKind>;
  /** ±range of old_addr - new_addr (livepatch_verify_distance, ARCH_LIVEPATCH_RANGE). */
  readonly patchRange: bigint;
  /** Bits of a canonical x86-64 address (48: bits 63..47 equal). */
  readonly canonicalBits: number;
  /** Bytes of the jump that replaces a function (ARCH_PATCH_INSN_SIZE). */
  readonly patchInsnSize: number;
  /** Entry sizes of the special sections the loader takes, by section name. */
  readonly specialEntrySizes: Readonly<Record<string, number>>;
  /** struct alt_instr: size and the offsets of its fields. */
  readonly altInstr: {
    readonly size: number;
    readonly origOffset: number;
    readonly replOffset: number;
    readonly cpuid: number;
    readonly origLen: number;
    readonly replLen: number;
    readonly padLen: number;
  };
  /**
   * What _apply_alternatives() (xen/arch/x86/alternative.c), run at upload by
   * prepare_payload(), does with an entry it cannot apply: a replacement longer than
   * orig_len + pad_len, orig_len + pad_len over MAX_PATCH_LEN (254), or a feature number at
   * or past NCAPINTS * 32. Before aa5a06d5d6 each is a BUG_ON, a hypervisor panic; after it
   * the upload is refused with ENOSPC, ENOSPC and ERANGE.
   */
  readonly alternatives: {
    readonly refused: boolean;
    readonly maxPatchLen: number;
    /** Bit 15 of cpuid is ALT_FLAG_NOT, not part of the feature number. */
    readonly flagNot: boolean;
    /**
     * NCAPINTS of this version's sources, used when xen-syms does not tell
     * (XenSyms.capabilityWords()): FSCAPINTS (19 words, xen/include/public/arch-x86/
     * cpufeatureset.h) + X86_NR_SYNTH + X86_NR_BUG (xen/arch/x86/include/asm/cpufeatures.h):
     * 19 + 1 + 1 in 4.17 to 4.20, 19 + 2 + 1 from 4.21 (master at c447b7308b included).
     */
    readonly capabilityWords: number;
  };
  /**
   * fa49f4be41: `.livepatch.xen_depends` is checked right after the ELF load (before
   * placement, symbols and relocations), with its own messages; before it, in
   * check_special_sections(), prepare_payload() and after it (xen_build_id_dep()).
   */
  readonly xenDependsEarly: boolean;
  /**
   * The errno of a `.note.gnu.build-id` or `.livepatch.depends` note whose type is not
   * NT_GNU_BUILD_ID or whose name is not "GNU" (86d09d16dd: ENODATA; size errors stay
   * EINVAL, and `.livepatch.xen_depends` is EINVAL whatever its fault).
   */
  readonly noteTypeErrno: "EINVAL" | "ENODATA";
  /** struct bug_frame: entry size and the width of its signed location displacement. */
  readonly bugFrame: { readonly size: number; readonly dispBits: number };
  /** struct exception_table_entry: size (two s32: faulting address, continuation). */
  readonly exTableEntrySize: number;
  /**
   * `.alt_call_sites` (4.21, d2fd5f0fcd "Support new altcall scheme"): struct alt_call is
   * one s32 to a `call *disp32(%rip)` of `callLen` bytes in the payload's text; absent
   * where the loader does not read the section.
   */
  readonly altCallSites?: { readonly size: number; readonly callLen: number };
}

const MASK64 = (1n << 64n) - 1n;

/**
 * Xen 4.17 x86 (xen/common/livepatch.c move_payload, xen/arch/x86/livepatch.c): every 4.17
 * release, 4.18.0 to 4.18.3 and 4.19.0.
 */
export const XEN_4_17: LoaderVersion = {
  name: "Xen 4.17",
  release: { major: 4, minor: 17, patch: undefined },
  pageSize: 4096n,
  // vm_init_type(VMAP_XEN, __2M_rwdata_end, XEN_VIRT_END - ...): about 1 GiB above Xen.
  area: { startSymbol: "__2M_rwdata_end", maxSpan: 1n << 30n },
  // (x + a - 1) & ~(a - 1) in 64-bit arithmetic: an alignment of 0 rounds everything to 0.
  roundUp: (x, a) => (x + a - 1n) & ~(a - 1n) & MASK64,
  relocations: RELOCATIONS,
  patchRange: ARCH_LIVEPATCH_RANGE,
  canonicalBits: 48,
  patchInsnSize: ARCH_PATCH_INSN_SIZE,
  specialEntrySizes: Object.fromEntries(
    SPECIAL_SECTIONS.filter((s) => !s.onlyWith).map((s) => [s.name, s.entrySize]),
  ),
  altInstr: ALT_INSTR,
  // The Debian 12 base (4.17.5+72, which xen-syms reports as 4.17.5) and 4.17.6+ have
  // ALT_FLAG_NOT; RELEASE-4.17.5 and earlier do not (there a bit-15 feature panics too).
  alternatives: { refused: false, maxPatchLen: MAX_PATCH_LEN, flagNot: true, capabilityWords: 21 },
  xenDependsEarly: false,
  noteTypeErrno: "EINVAL",
  // asm/bug.h: BUG_DISP_WIDTH 24.
  bugFrame: BUG_FRAME,
  exTableEntrySize: EXCEPTION_TABLE_ENTRY_SIZE,
};

/**
 * Xen 4.20 x86 (and 4.18.4+, 4.19.1+): as 4.17, with the build-id check earlier
 * (fa49f4be41), ENODATA for a note of the wrong type or name (86d09d16dd), and
 * alternatives Xen cannot apply refused instead of panicking (aa5a06d5d6).
 */
export const XEN_4_20: LoaderVersion = {
  ...XEN_4_17,
  name: "Xen 4.20",
  release: { major: 4, minor: 20, patch: 0 },
  alternatives: { ...XEN_4_17.alternatives, refused: true },
  xenDependsEarly: true,
  noteTypeErrno: "ENODATA",
};

/**
 * Xen 4.21 x86: as 4.20, and `.alt_call_sites` (prepare_payload() in xen/common/livepatch.c
 * checks each site lies in the payload's text; livepatch_apply_alt_calls() requires
 * `ff 15`); one more synthetic capability word (NCAPINTS 22).
 */
export const XEN_4_21: LoaderVersion = {
  ...XEN_4_20,
  name: "Xen 4.21",
  release: { major: 4, minor: 21, patch: 0 },
  specialEntrySizes: { ...XEN_4_20.specialEntrySizes, ".alt_call_sites": ALT_CALL.size },
  altCallSites: ALT_CALL,
  alternatives: { ...XEN_4_20.alternatives, capabilityWords: 22 },
};

/**
 * The loader model for a hypervisor of `version` (see XenSyms.version()), to the point
 * release: each change of src/xen/changes.ts the release has. 4.17's model for anything older
 * or unknown; an unknown point release counts as the minor's first.
 */
export function loaderFor(
  version: (Pick<XenVersion, "major" | "minor"> & Partial<XenVersion>) | undefined,
): LoaderVersion {
  if (!version || (version.major === 4 && version.minor < 17)) return XEN_4_17;
  const v = { major: version.major, minor: version.minor, patch: version.patch };
  const base = hasChange(v, ALT_CALL_SITES) ? XEN_4_21 : XEN_4_17;
  return {
    ...base,
    name: `Xen ${version.text ?? `${v.major}.${v.minor}${v.patch === undefined ? "" : `.${v.patch}`}`}`,
    release: v,
    alternatives: {
      ...base.alternatives,
      refused: hasChange(v, ALTERNATIVES_REFUSED),
      flagNot: v.major === 4 && v.minor === 17 ? true : hasChange(v, ALT_FLAG_NOT),
    },
    xenDependsEarly: hasChange(v, XEN_BUILDID_CHECKED_EARLY),
    noteTypeErrno: hasChange(v, BUILDID_NOTE_ENODATA) ? "ENODATA" : "EINVAL",
  };
}

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
