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
import { type ObjectInstruction, decodeObjectCode } from "../livepatch/xen-code.js";
import {
  type ElfFile,
  type ElfRela,
  type ElfSection,
  type ElfSymbol,
  parseElf,
} from "../elf/reader.js";
import { createHash } from "node:crypto";
import { pcRelativeBias } from "./rip-relative.js";
import {
  SPECIAL_SECTIONS,
  SUPPORT_CODE_SECTIONS,
  UNREGISTERED_TABLES,
  isCode,
  isWritable,
  stripCloneNumber,
  withoutLineBits,
} from "./sections.js";

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
  /**
   * The symbol's size; for the only symbol of a code section, up to the section's end
   * (code that inline assembly placed after the function belongs to it).
   */
  size: number;
  /** Relocations with offsets relative to `start`. */
  relas: ElfRela[];
}

const PC_RELATIVE = new Set([R_X86_64_PC32, R_X86_64_PLT32]);

export class ObjectModel {
  readonly elf: ElfFile;
  /** The source file name of its STT_FILE symbol: Xen prefixes local symbols with it. */
  readonly sourceName: string | undefined;
  readonly units: Unit[] = [];
  private readonly unitBySymbol = new Map<number, Unit>();
  private readonly relasBySection = new Map<number, ElfRela[]>();
  /** Code sections shared by several routines, decoded (see decodeSharedCode). */
  private readonly shared = new Map<number, SharedCode>();
  /** Section bytes with the fields of synthesized relocations zeroed, by section index. */
  private readonly masked = new Map<number, Uint8Array>();

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
    this.sourceName = this.elf.symbols().find((s) => s.type === STT_FILE && s.name)?.name;

    const symbols = this.elf.symbols().filter((sym) => {
      if (sym.type !== STT_FUNC && sym.type !== STT_OBJECT) return false;
      if (sym.shndx === SHN_UNDEF || sym.shndx >= SHN_LORESERVE || !sym.name) return false;
      const section = this.elf.section(sym.shndx);
      return Boolean(section && section.flags & SHF_ALLOC);
    });
    // The only symbol of a code section owns the whole rest of it: inline assembly can
    // put code after the function's end (context_switch()'s `ja` to a `ud2` with a bug
    // frame), which a copy of the function must take along.
    const extent = new Map<number, number>();
    for (const section of this.elf.sections) {
      const owned = symbols.filter((s) => s.shndx === section.index);
      const f = owned[0];
      if (owned.length !== 1 || f!.type !== STT_FUNC || !isCode(section)) continue;
      if (section.type === SHT_NOBITS || f!.size === 0) continue;
      const end = Number(f!.value) + f!.size;
      if (end < section.size) extent.set(f!.index, section.size - Number(f!.value));
    }
    const sized = (sym: ElfSymbol): ElfSymbol => ({
      ...sym,
      size: extent.get(sym.index) ?? sym.size,
    });
    // Assembly keeps several routines in one section: what the assembler resolved between
    // them becomes relocations before units take theirs (see decodeSharedCode).
    for (const section of this.elf.sections) {
      const functions = symbols
        .filter((s) => s.shndx === section.index && s.type === STT_FUNC)
        .map(sized);
      if (isSharedCode(section, functions)) this.decodeSharedCode(section, functions);
    }
    for (const list of this.relasBySection.values())
      list.sort((a, b) => Number(a.offset - b.offset));

    for (const sym of symbols) {
      const section = this.elf.section(sym.shndx)!;
      const start = Number(sym.value);
      const size = sized(sym).size;
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
    const data = this.masked.get(section.index) ?? this.elf.data(section);
    return data.subarray(start, start + size);
  }

  /**
   * Decodes a code section several routines share (assembly: FUNC()/END() pairs, the
   * UNLIKELY_START() code after them, padding) range by range, each function from its
   * start so data or padding cannot shift what follows. The assembler resolves a branch
   * or RIP-relative operand between two places of one section itself, leaving no
   * relocation: a copy of one routine in a payload would reach nowhere. Each such
   * 32-bit field that leaves its routine for a function of the section becomes a PC32
   * relocation against that function (and its bytes read as zero, so a routine compares
   * equal when only its neighbours moved); what cannot (an 8-bit jump out, a target
   * outside any function) is kept as a reason the routine cannot be copied.
   */
  private decodeSharedCode(section: ElfSection, functions: readonly ElfSymbol[]): void {
    const data = this.elf.data(section);
    const relocated = new Set(this.relocations(section).map((r) => Number(r.offset)));
    const ranges = codeRanges(section, functions);
    const info: SharedCode = { ranges, references: [], issues: new Map(), loose: [] };
    const masked = new Uint8Array(data);
    const functionAt = (offset: number) =>
      functions.find((f) => offset >= Number(f.value) && offset < Number(f.value) + f.size);
    const synthesized: ModelRela[] = [];
    for (const range of ranges) {
      const decoded = decodeObjectCode(data, range.start, range.end);
      const issues: string[] = [];
      if (decoded.invalidAt !== undefined)
        issues.push(`bytes at +${decoded.invalidAt - range.start} that are no x86 instruction`);
      const last = decoded.instructions.at(-1);
      if (range.function && decoded.invalidAt === undefined && (!last || !last.stops))
        issues.push(
          `no jump or return as its last instruction: it falls through into what follows it`,
        );
      for (const insn of decoded.instructions) {
        const ref = insn.pcRelative;
        if (!ref || relocated.has(ref.field)) continue;
        info.references.push({ from: range, insn, target: ref.target });
        if (ref.target >= range.start && ref.target < range.end) continue;
        const target = ref.size === 4 ? functionAt(ref.target) : undefined;
        if (!target) {
          issues.push(
            `${ref.size === 1 ? "a short jump" : "a reference"} at +${insn.offset - range.start} to ${this.describeOffset(section, ref.target)}, ${ref.size === 1 ? "which a copy elsewhere cannot reach" : "outside any function symbol, which a payload cannot name"}`,
          );
          continue;
        }
        const bias = insn.end - ref.field;
        synthesized.push({
          index: -1,
          entryOffset: -1,
          offset: BigInt(ref.field),
          symbolIndex: target.index,
          type: R_X86_64_PC32,
          addend: BigInt(ref.target - Number(target.value) - bias),
          pcBias: bias,
        });
        masked.fill(0, ref.field, ref.field + ref.size);
      }
      if (range.function) info.issues.set(range.function.index, issues);
      else {
        // Alignment between routines (CODE_FILL nops, long nops, int3) is no code.
        const code = decoded.instructions.filter((i) => !i.padding);
        if (decoded.invalidAt !== undefined || code.length > 0)
          info.loose.push({
            ...range,
            end:
              decoded.invalidAt === undefined
                ? decoded.instructions.findLast((i) => !i.padding)!.end
                : range.end,
          });
      }
    }
    this.shared.set(section.index, info);
    this.masked.set(section.index, masked);
    this.relasBySection.set(section.index, [...this.relocations(section), ...synthesized]);
  }

  /** `name+off` for a section offset, naming the nearest symbol at or before it. */
  describeOffset(section: ElfSection, offset: number): string {
    let best: ElfSymbol | undefined;
    for (const s of this.elf.symbols()) {
      if (s.shndx !== section.index || !s.name || s.type === STT_SECTION) continue;
      if (s.value > BigInt(offset)) continue;
      if (!best || s.value > best.value) best = s;
    }
    if (!best) return `${section.name}+0x${offset.toString(16)}`;
    const at = offset - Number(best.value);
    // Past the end of a sized symbol: the code after it (UNLIKELY_START() code, padding).
    if (best.size > 0 && at >= best.size)
      return `${section.name}+0x${offset.toString(16)} (after ${best.name})`;
    return `${best.name}${at ? `+0x${at.toString(16)}` : ""}`;
  }

  /**
   * Why a copy of this function elsewhere (in a payload) would not run as it does here:
   * found by decoding it when it shares its section (assembly). Empty for a function
   * alone in its section (C built with CONFIG_CC_SPLIT_SECTIONS).
   */
  copyIssues(unit: Unit): string[] {
    return this.shared.get(unit.section.index)?.issues.get(unit.symbol.index) ?? [];
  }

  /**
   * The ways into a function other than at its start, in this object: global labels
   * inside it (other objects may jump there), relocations from elsewhere (not its own
   * alternatives' replacements or fixups, which come along with it), special-section
   * entries of other code resuming in it, and branches the assembler resolved from other
   * code of its section. Code entering there would keep running the hypervisor's old
   * routine after a livepatch redirects its start. `except` names units whose references
   * do not count (they are patched too, and their copies reach the new routine).
   */
  entriesInto(unit: Unit, except: ReadonlySet<Unit> = new Set()): string[] {
    const { section, start, size } = unit;
    const inside = (offset: number) => offset > start && offset < start + size;
    const found: string[] = [];
    const from = (s: ElfSection, offset: number) => {
      const u = this.unitAt(s, offset);
      return u
        ? except.has(u) || u === unit
          ? undefined
          : u.xenName
        : this.describeOffset(s, offset);
    };
    for (const s of this.elf.symbols()) {
      if (s.shndx !== section.index || s.bind === STB_LOCAL || !s.name) continue;
      if (inside(Number(s.value)))
        found.push(`the global label ${s.name} at +${Number(s.value) - start}`);
    }
    const special = new Set(SPECIAL_SECTIONS.map((t) => t.name));
    for (const s of this.elf.sections) {
      if (!(s.flags & SHF_ALLOC) || special.has(s.name) || SUPPORT_CODE_SECTIONS.has(s.name))
        continue;
      if (UNREGISTERED_TABLES.has(s.name)) continue; // refused on their own (patchability.ts)
      // Anonymous read-only data only the routine itself reads (a jump table) is its own.
      let own: boolean | undefined;
      const ownTable = () =>
        (own ??=
          !isCode(s) &&
          !isWritable(s) &&
          this.referrers(s).length > 0 &&
          this.referrers(s).every((u) => u === unit || (u !== undefined && except.has(u))));
      for (const r of this.relocations(s)) {
        if (r.index === -1) continue; // synthesized from a resolved branch: see below
        const t = this.target(r);
        if (t.kind !== "section" || t.section.index !== section.index || !inside(t.probe)) continue;
        if (!this.unitAt(s, Number(r.offset)) && ownTable()) continue;
        const source = from(s, Number(r.offset));
        if (source) found.push(`a reference from ${source} to +${t.probe - start}`);
      }
    }
    for (const { name, entrySize } of SPECIAL_SECTIONS) {
      for (const e of this.specialEntries(name, entrySize)) {
        if (e.unit === unit || (e.unit && except.has(e.unit))) continue;
        for (const r of e.relas) {
          const t = this.target(r);
          if (t.kind !== "section" || t.section.index !== section.index) continue;
          // A bug frame's displacement carries its line number above the low 24 bits.
          const probe = name.startsWith(".bug_frames")
            ? Number(withoutLineBits(BigInt(t.offset)))
            : t.probe;
          if (inside(probe))
            found.push(
              `an entry of ${name}${e.unit ? ` for ${e.unit.xenName}` : ""} pointing to +${probe - start}`,
            );
        }
      }
    }
    for (const ref of this.shared.get(section.index)?.references ?? []) {
      if (!inside(ref.target) || ref.from.function?.index === unit.symbol.index) continue;
      const source = from(section, ref.insn.offset);
      if (source) found.push(`a jump or reference from ${source} to +${ref.target - start}`);
    }
    return [...new Set(found)];
  }

  /**
   * The units whose relocations reach into `target` (undefined for a place outside any
   * unit), in this object.
   */
  referrers(target: ElfSection): Array<Unit | undefined> {
    const found: Array<Unit | undefined> = [];
    for (const s of this.elf.sections) {
      if (!(s.flags & SHF_ALLOC)) continue;
      for (const r of this.relocations(s)) {
        const t = this.target(r);
        if (t.kind === "section" && t.section.index === target.index)
          found.push(this.unitAt(s, Number(r.offset)));
      }
    }
    return found;
  }

  /**
   * The code of a shared section outside any function (UNLIKELY_START() code, routines
   * without FUNC()/END()), each piece with its offset and, as `content`, its bytes and
   * what its relocations reach, alignment padding (nops, int3) left out: equal contents
   * in two builds mean that code is the same. Undefined for a section not decoded.
   */
  looseCode(section: ElfSection): Array<{ start: number; content: string }> | undefined {
    const info = this.shared.get(section.index);
    if (!info) return undefined;
    return info.loose.map((range) => {
      const size = range.end - range.start;
      const refs = this.relocationsIn(section, range.start, size).map(
        (r) => `${Number(r.offset) - range.start}:${this.describeTarget(r)}`,
      );
      const bytes = Buffer.from(this.bytes(section, range.start, size)).toString("hex");
      return { start: range.start, content: `${bytes} ${refs.join(" ")}` };
    });
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

/** A stretch of a shared code section: one function's bytes, or code outside any. */
interface CodeRange {
  start: number;
  end: number;
  function?: ElfSymbol;
}

interface SharedCode {
  ranges: CodeRange[];
  /** PC-relative fields the assembler resolved (no relocation), with where they point. */
  references: Array<{ from: CodeRange; insn: ObjectInstruction; target: number }>;
  /** Why each function (by symbol index) cannot be copied as it is. */
  issues: Map<number, string[]>;
  /** The ranges outside any function. */
  loose: CodeRange[];
}

/**
 * Whether a code section holds more than one function's bytes: several functions, or
 * code beside one (assembly). A function alone in its section (C built with
 * CONFIG_CC_SPLIT_SECTIONS) reaches everything else through relocations already.
 */
function isSharedCode(section: ElfSection, functions: readonly ElfSymbol[]): boolean {
  if (!isCode(section) || section.type === SHT_NOBITS || functions.length === 0) return false;
  if (functions.length > 1) return true;
  const f = functions[0]!;
  return f.value !== 0n || f.size !== section.size;
}

/** A shared section cut into its functions and the stretches between them. */
function codeRanges(section: ElfSection, functions: readonly ElfSymbol[]): CodeRange[] {
  const sorted = [...functions].filter((f) => f.size > 0).sort((a, b) => Number(a.value - b.value));
  const ranges: CodeRange[] = [];
  let at = 0;
  for (const f of sorted) {
    const start = Number(f.value);
    if (start < at) continue; // an alias or overlap: the first one covers it
    if (start > at) ranges.push({ start: at, end: start });
    ranges.push({ start, end: start + f.size, function: f });
    at = start + f.size;
  }
  if (at < section.size) ranges.push({ start: at, end: section.size });
  return ranges;
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

/** A split-off cold part (`foo.cold`): entered only from its function, and jumping back in. */
export function isColdPart(unit: Unit): boolean {
  return unit.name.endsWith(".cold");
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
