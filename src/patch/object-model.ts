/**
 * One compiled object of the hypervisor as the patch builder sees it: its functions and
 * data objects as units (a symbol's byte range with the relocations inside it), and a
 * description of every relocation target that survives a rebuild, so the same code
 * compiled before and after a patch compares equal.
 */
import {
  R_X86_64_PC32,
  R_X86_64_PLT32,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_MERGE,
  SHF_STRINGS,
  SHF_WRITE,
  SHN_LORESERVE,
  SHN_UNDEF,
  SHT_NOBITS,
  SHT_RELA,
  STB_LOCAL,
  STT_FILE,
  STT_FUNC,
  STT_OBJECT,
  STT_SECTION,
} from "../elf/constants.js";
import {
  type ElfFile,
  type ElfRela,
  type ElfSection,
  type ElfSymbol,
  parseElf,
} from "../elf/reader.js";
import { createHash } from "node:crypto";

export type UnitKind = "function" | "object";

/** A function or data object: the bytes of one symbol, with the relocations inside it. */
export interface Unit {
  kind: UnitKind;
  /** The symbol's name in this object (`foo`, `foo.isra.0`, `buf.3`). */
  name: string;
  /** The name the hypervisor's symbol lookup knows it by: `file#name` when local. */
  xenName: string;
  symbol: ElfSymbol;
  section: ElfSection;
  start: number;
  size: number;
  /** Relocations with offsets relative to `start`. */
  relas: ElfRela[];
}

/** Special sections of fixed-size entries whose first field locates code (see Xen's loader). */
export const SPECIAL_SECTIONS: ReadonlyArray<{ name: string; entrySize: number }> = [
  { name: ".altinstructions", entrySize: 14 },
  { name: ".ex_table", entrySize: 8 },
  // From 4.21: each entry locates an alternative call site (d2fd5f0fcd); entries of an
  // included function must come along, or its indirect call stays unpatched.
  { name: ".alt_call_sites", entrySize: 4 },
  { name: ".bug_frames.0", entrySize: 8 },
  { name: ".bug_frames.1", entrySize: 8 },
  { name: ".bug_frames.2", entrySize: 8 },
  // An assertion's frame is followed by a second one holding its message.
  { name: ".bug_frames.3", entrySize: 16 },
];

const PC_RELATIVE = new Set([R_X86_64_PC32, R_X86_64_PLT32]);

export class ObjectModel {
  readonly elf: ElfFile;
  /** The source file name of its STT_FILE symbol: Xen prefixes local symbols with it. */
  readonly sourceName: string | undefined;
  readonly units: Unit[] = [];
  private readonly unitBySymbol = new Map<number, Unit>();
  private readonly relasBySection = new Map<number, ElfRela[]>();

  constructor(
    readonly file: string,
    bytes: Uint8Array,
  ) {
    this.elf = parseElf(bytes, file);
    for (const s of this.elf.sections) {
      if (s.type !== SHT_RELA) continue;
      const list = this.relasBySection.get(s.info) ?? [];
      const place = this.elf.section(s.info);
      const code =
        place && isCode(place) && place.type !== SHT_NOBITS ? this.elf.data(place) : undefined;
      list.push(
        ...this.elf
          .relocations(s)
          .map((r) =>
            code && PC_RELATIVE.has(r.type)
              ? { ...r, pcBias: pcRelativeBias(code, Number(r.offset)) }
              : r,
          ),
      );
      this.relasBySection.set(s.info, list);
    }
    for (const list of this.relasBySection.values())
      list.sort((a, b) => Number(a.offset - b.offset));
    this.sourceName = this.elf.symbols().find((s) => s.type === STT_FILE && s.name)?.name;

    for (const sym of this.elf.symbols()) {
      if (sym.type !== STT_FUNC && sym.type !== STT_OBJECT) continue;
      if (sym.shndx === SHN_UNDEF || sym.shndx >= SHN_LORESERVE || !sym.name) continue;
      const section = this.elf.section(sym.shndx);
      if (!section || !(section.flags & SHF_ALLOC)) continue;
      const start = Number(sym.value);
      const size = sym.size;
      const relas = this.relocationsIn(section, start, size).map((r) => ({
        ...r,
        offset: r.offset - BigInt(start),
      }));
      const unit: Unit = {
        kind: sym.type === STT_FUNC ? "function" : "object",
        name: sym.name,
        xenName: this.xenName(sym),
        symbol: sym,
        section,
        start,
        size,
        relas,
      };
      this.units.push(unit);
      this.unitBySymbol.set(sym.index, unit);
    }
  }

  /** The name Xen's symbol table gives a symbol of this object (xen/tools/symbols.c). */
  xenName(sym: ElfSymbol): string {
    return sym.bind === STB_LOCAL && this.sourceName ? `${this.sourceName}#${sym.name}` : sym.name;
  }

  relocations(section: ElfSection): ElfRela[] {
    return this.relasBySection.get(section.index) ?? [];
  }

  relocationsIn(section: ElfSection, start: number, size: number): ElfRela[] {
    return this.relocations(section).filter(
      (r) => r.offset >= BigInt(start) && r.offset < BigInt(start + size),
    );
  }

  symbol(index: number): ElfSymbol {
    const sym = this.elf.symbols()[index];
    if (!sym) throw this.elf.error(`relocation names symbol ${index}, which does not exist`);
    return sym;
  }

  bytes(section: ElfSection, start = 0, size = section.size): Uint8Array {
    if (section.type === SHT_NOBITS) return new Uint8Array(size);
    return this.elf.data(section).subarray(start, start + size);
  }

  /** The unit of `section` covering `offset` (functions before objects). */
  unitAt(section: ElfSection, offset: number): Unit | undefined {
    let found: Unit | undefined;
    for (const u of this.units) {
      if (u.section.index !== section.index) continue;
      if (offset < u.start || offset >= u.start + Math.max(u.size, 1)) continue;
      if (!found || (found.kind === "object" && u.kind === "function")) found = u;
    }
    return found;
  }

  /**
   * The function or data object a relocation target lies in: the symbol's own when it
   * names one, else the unit around the place (the PC-relative probe first).
   */
  unitOf(t: Extract<RelocationTarget, { kind: "section" }>): Unit | undefined {
    if (t.symbol.type === STT_FUNC || t.symbol.type === STT_OBJECT) {
      return this.unitBySymbol.get(t.symbol.index);
    }
    return this.unitAt(t.section, t.probe) ?? this.unitAt(t.section, t.offset);
  }

  /**
   * Where a relocation points, as a section and offset, or an undefined symbol's name.
   * A PC-relative reference's addend is biased by the distance from the field to the end
   * of the instruction (-4 for most): `probe` is the offset most likely inside the target.
   */
  target(rela: ElfRela): RelocationTarget {
    const sym = this.symbol(rela.symbolIndex);
    if (sym.shndx === SHN_UNDEF) return { kind: "undefined", name: sym.name, symbol: sym };
    const section = this.elf.section(sym.shndx);
    if (!section || sym.shndx >= SHN_LORESERVE) {
      throw this.elf.error(
        `relocation against ${sym.name || "a symbol"} in special section ${sym.shndx}`,
      );
    }
    const offset = Number(sym.value + rela.addend);
    // In code the compiler biases a PC-relative addend by the rest of the instruction;
    // in data (`.long target - .`) there is no instruction and no bias.
    const bias = (rela as ModelRela).pcBias ?? 0;
    const probe = PC_RELATIVE.has(rela.type) ? offset + bias : offset;
    return { kind: "section", section, offset, probe, symbol: sym };
  }

  /**
   * A description of where a relocation points that does not depend on where the
   * compiler placed things: a function or object by name and offset, a string by its
   * text, anonymous read-only data by its content. Equal descriptions in two builds
   * mean the same target.
   */
  describeTarget(rela: ElfRela): string {
    const t = this.target(rela);
    if (t.kind === "undefined") return `extern ${t.name}${signed(rela.addend)}`;
    const { section } = t;
    const unit = this.unitOf(t);
    if (unit) {
      const what = unit.kind === "object" && !isWritable(section) ? `=${this.digest(unit)}` : "";
      return `${unit.kind} ${stripCloneNumber(unit.name)}${what}${signed(BigInt(t.offset - unit.start))}`;
    }
    if (section.flags & SHF_MERGE && section.flags & SHF_STRINGS) {
      // The string the reference reaches, not the bytes before it (another string's tail,
      // which moves when strings are added or reordered).
      return `string ${JSON.stringify(cString(this.bytes(section), t.probe))}`;
    }
    const content = createHash("sha256").update(this.bytes(section)).digest("hex").slice(0, 16);
    return `section ${baseSectionName(section.name)}=${content}${signed(BigInt(t.offset))}`;
  }

  /** A digest of a unit's bytes and of what its relocations point at. */
  digest(unit: Unit): string {
    const hash = createHash("sha256").update(this.bytes(unit.section, unit.start, unit.size));
    for (const r of unit.relas) {
      // An object pointing at itself (a list head) must not recurse.
      const target =
        this.symbol(r.symbolIndex).index === unit.symbol.index ? "self" : this.describeTarget(r);
      hash.update(`|${r.offset}:${r.type}:${target}`);
    }
    return hash.digest("hex").slice(0, 16);
  }

  /** The entries of a special section, each with its relocations (offsets within the entry). */
  specialEntries(name: string, entrySize: number): SpecialEntry[] {
    const section = this.elf.sectionNamed(name);
    if (!section) return [];
    const relas = this.relocations(section);
    const entries: SpecialEntry[] = [];
    for (let at = 0; at + entrySize <= section.size; at += entrySize) {
      const inside = relas
        .filter((r) => r.offset >= BigInt(at) && r.offset < BigInt(at + entrySize))
        .map((r) => ({ ...r, offset: r.offset - BigInt(at) }));
      const anchor = inside.find((r) => r.offset === 0n);
      const target = anchor && this.target(anchor);
      const unit =
        target?.kind === "section" && target.section.flags & SHF_EXECINSTR
          ? this.unitAt(target.section, Number(withoutLineBits(BigInt(target.offset))))
          : undefined;
      entries.push({ section, at, size: entrySize, relas: inside, unit });
    }
    return entries;
  }
}

/** A relocation of a code section knows the distance from its field to its instruction's end. */
type ModelRela = ElfRela & { pcBias?: number };

/**
 * How far the end of the instruction holding a RIP-relative field at `field` lies past the
 * field's start: 4, plus the immediate that follows the displacement. The compiler biases
 * the addend by it (`cmpb $0, once(%rip)` has addend -5), so the target is addend + bias.
 * Decodes only what matters: a ModRM byte with mod 00, r/m 101 just before the field, and
 * the opcodes whose immediate follows it (Intel SDM vol. 2, opcode map, table ).
 * Anything else (a call, a jump, a plain load or store) has no immediate: 4.
 */
export function pcRelativeBias(code: Uint8Array, field: number): number {
  const modrm = code[field - 1];
  if (modrm === undefined || (modrm & 0xc7) !== 0x05) return 4;
  const reg = (modrm >> 3) & 7;
  const op = code[field - 2];
  const escape = code[field - 3] === 0x0f;
  if (code[field - 4] === 0x0f && code[field - 3] === 0x3a) return 5; // 0f 3a: all take an imm8
  // An operand-size prefix before the opcode (and its REX) makes a full immediate 2 bytes.
  const operandSize16 = (at: number) => {
    for (let i = at - 1; i >= Math.max(0, at - 4); i--) {
      const b = code[i]!;
      if (b === 0x66) return true;
      if ((b & 0xf0) !== 0x40 && b !== 0xf0 && b !== 0xf2 && b !== 0xf3) return false;
    }
    return false;
  };
  if (escape) {
    // bt/bts/btr/btc with an immediate; shld/shrd imm8; SSE/AVX forms with an imm8.
    if (op === 0xba || op === 0xa4 || op === 0xac) return 5;
    if (
      op !== undefined &&
      (op === 0x70 || op === 0xc2 || op === 0xc4 || op === 0xc5 || op === 0xc6)
    )
      return 5;
    return 4;
  }
  switch (op) {
    case 0x80:
    case 0x82:
    case 0x83:
    case 0xc0:
    case 0xc1:
    case 0xc6:
    case 0x6b:
      return 5;
    case 0x81:
    case 0xc7:
    case 0x69:
      return operandSize16(field - 2) ? 6 : 8;
    case 0xf6:
      return reg <= 1 ? 5 : 4;
    case 0xf7:
      return reg <= 1 ? (operandSize16(field - 2) ? 6 : 8) : 4;
    default:
      return 4;
  }
}

export type RelocationTarget =
  | { kind: "undefined"; name: string; symbol: ElfSymbol }
  | { kind: "section"; section: ElfSection; offset: number; probe: number; symbol: ElfSymbol };

export interface SpecialEntry {
  section: ElfSection;
  /** Offset of the entry in its section. */
  at: number;
  size: number;
  relas: ElfRela[];
  /** The function whose code the entry is about. */
  unit: Unit | undefined;
}

/**
 * A bug frame's displacements carry its line number above their low 24 bits
 * (xen/arch/x86/include/asm/bug.h); in an object, the place is in the low bits.
 */
export function withoutLineBits(addend: bigint): bigint {
  return addend & 0xffffffn;
}

/** A split-off cold part (`foo.cold`): entered only from its function, and jumping back in. */
export function isColdPart(unit: Unit): boolean {
  return unit.name.endsWith(".cold");
}

/**
 * Code sections without function symbols that belong to the functions around them:
 * alternatives' replacements and exception fixups. They are copied whole, under their own
 * name, which Xen's loader looks them up by.
 */
export const SUPPORT_CODE_SECTIONS: ReadonlySet<string> = new Set([
  ".altinstr_replacement",
  ".fixup",
]);

export function isWritable(section: ElfSection): boolean {
  // .data.rel.ro holds constants with relocations: written only while loading.
  return Boolean(section.flags & SHF_WRITE) && !section.name.startsWith(".data.rel.ro");
}

export function isCode(section: ElfSection): boolean {
  return Boolean(section.flags & SHF_EXECINSTR);
}

/** `foo.isra.0` and `foo.isra.3` are the same clone built twice; `buf.12` the same static. */
export function stripCloneNumber(name: string): string {
  return name.replace(/\.\d+$/, "");
}

/** A section's name without the compiler's numbering (`.rodata.str1.1` stays as it is). */
function baseSectionName(name: string): string {
  return name.replace(/\.\d+$/, "");
}

function signed(n: bigint): string {
  return n < 0n ? `${n}` : `+${n}`;
}

function cString(data: Uint8Array, at: number): string {
  if (at < 0 || at >= data.length) return "";
  let end = data.indexOf(0, at);
  if (end < 0) end = data.length;
  return Buffer.from(data.subarray(at, end)).toString("latin1");
}

export function isSectionSymbol(sym: ElfSymbol): boolean {
  return sym.type === STT_SECTION;
}
