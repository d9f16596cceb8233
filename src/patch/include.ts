/**
 * Include: what goes into the payload, as a plan of blocks. The changed and new functions
 * with exactly what they reference, the special-section entries of those functions, the
 * patch's hooks, and a function entry per changed function. Everything else becomes a
 * reference by name that the hypervisor resolves against its own symbols when it loads
 * the payload. What cannot be carried is recorded as a problem for check patchability.
 */
import { createHash } from "node:crypto";
import { SHF_WRITE, SHT_NOBITS, STB_LOCAL } from "../elf/constants.js";
import type { ElfRela, ElfSection } from "../elf/reader.js";
import { KSYM_NAME_LEN, RELOCATIONS } from "../xen/abi.js";
import type { InclusionProblem, ObjectDiff } from "./changes.js";
import { type Unit, isColdPart } from "./object-model.js";
import {
  SPECIAL_SECTIONS,
  SUPPORT_CODE_SECTIONS,
  isCode,
  isWritable,
  withoutLineBits,
} from "./sections.js";
import { isEntryCode } from "./sections.js";

export interface PatchedFunction {
  /** The function's name in the hypervisor (`file#name` when static). */
  name: string;
  object: string;
  size: number;
  why: string;
}

/** One piece of the payload: a section of its own holding a copy, with its relocations. */
export interface Block {
  label: string;
  section: string;
  flags: string;
  nobits: boolean;
  align: number;
  symbol?: { name: string; type: "function" | "object"; size: number };
  bytes: Uint8Array;
  relocs: Array<{ offset: number; type: string; target: string }>;
}

/** A `.livepatch.funcs` entry: the hypervisor's function and its replacement's symbol. */
export interface FuncEntry {
  name: string;
  symbol: string;
  size: number;
}

export interface PayloadPlan {
  blocks: Block[];
  funcEntries: FuncEntry[];
  functions: PatchedFunction[];
  /**
   * Functions the payload carries without a function entry: new ones (called from the
   * changed ones, or hooks) and the cold parts of the changed ones.
   */
  added: string[];
  /** Every symbol name the payload defines (a later payload of a stack must not reuse one). */
  symbols: string[];
  /** Data and strings copied in, and references left to the hypervisor, for the log. */
  notes: string[];
  /** What cannot be carried (refused by check patchability). */
  problems: InclusionProblem[];
}

export interface IncludeOptions {
  /**
   * Whether the hypervisor's symbol table or an earlier payload of the stack has a name.
   * Xen refuses a payload whose new symbol has such a name (build_symbol_table() in
   * xen/common/livepatch.c: "duplicate new symbol"), so a copy gets a name of its own.
   */
  nameTaken?: (name: string) => boolean;
  /** The payload's name: what makes a renamed copy's name its own (`foo.cold.lp<hash>`). */
  payloadName?: string;
}

/** Xen keeps at most KSYM_NAME_LEN bytes of a symbol's name, with the NUL. */
const MAX_SYMBOL_NAME = KSYM_NAME_LEN - 1;

export const quote = (name: string) => `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const signed = (n: bigint) => (n === 0n ? "" : n < 0n ? `${n}` : `+${n}`);

/**
 * The plan of the payload for the diffs of one patch (or one cumulative series): the
 * changed functions first (each named like the function it replaces: Xen accepts that
 * name because it is a function entry's new_addr), then the new ones, the hooks, and the
 * special-section entries of what was included; what they reference follows as met.
 */
export function includeInPayload(
  diffs: readonly ObjectDiff[],
  options: IncludeOptions = {},
): PayloadPlan {
  const plan = new Inclusion(diffs, options);
  // Units whose code goes into the payload: changed and new functions.
  for (const diff of diffs) {
    for (const c of diff.changed) plan.include(diff, c.unit);
    for (const u of diff.added) plan.include(diff, u);
  }
  for (const diff of diffs) {
    for (const c of diff.changed) {
      const symbol = plan.placeUnit(diff, c.unit, c.original.xenName, true);
      const name = c.original.xenName;
      plan.functions.push({ name, object: diff.patched.file, size: c.unit.size, why: c.why });
      plan.funcEntries.push({ name, symbol, size: c.unit.size });
    }
    for (const u of diff.added) plan.added.push(plan.placeUnit(diff, u, u.xenName));
  }
  for (const diff of diffs) {
    for (const hook of diff.hooks) plan.placeSection(diff, hook, hook.name);
  }
  for (const { name, entrySize } of SPECIAL_SECTIONS) plan.placeSpecialEntries(name, entrySize);
  return {
    blocks: plan.blocks,
    funcEntries: plan.funcEntries,
    functions: plan.functions,
    added: plan.added,
    symbols: [...plan.defined],
    notes: plan.notes,
    problems: plan.problems,
  };
}

/** The include pass's state: what is placed, under which name, and what it found. */
class Inclusion {
  readonly blocks: Block[] = [];
  readonly funcEntries: FuncEntry[] = [];
  readonly functions: PatchedFunction[] = [];
  readonly added: string[] = [];
  readonly notes: string[] = [];
  readonly problems: InclusionProblem[] = [];
  /** New symbol names this payload defines, so two copies never share one either. */
  readonly defined = new Set<string>();
  /** What has been placed: `${object}:${kind}:${index}` -> label or symbol. */
  private readonly placed = new Map<string, string>();
  /** Units whose code goes into the payload, `${object}:${symbol index}`. */
  private readonly included = new Set<string>();
  private nextLabel = 0;
  private readonly suffix: string;

  constructor(
    private readonly diffs: readonly ObjectDiff[],
    private readonly options: IncludeOptions,
  ) {
    const hash = createHash("sha256").update(options.payloadName ?? "");
    this.suffix = `.lp${hash.digest("hex").slice(0, 8)}`;
  }

  private newLabel(): string {
    return `.Lxlci${this.nextLabel++}`;
  }

  private idOf(diff: ObjectDiff): number {
    return this.diffs.indexOf(diff);
  }

  include(diff: ObjectDiff, unit: Unit): void {
    this.included.add(`${this.idOf(diff)}:${unit.symbol.index}`);
  }

  isIncluded(diff: ObjectDiff, unit: Unit): boolean {
    return this.included.has(`${this.idOf(diff)}:${unit.symbol.index}`);
  }

  /** `name`, or when something else has it, `name.lp<hash of the payload name>` (numbered on). */
  private ownName(name: string): string {
    const taken = (n: string) => this.defined.has(n) || (this.options.nameTaken?.(n) ?? false);
    if (!taken(name)) return name;
    for (let i = 0; ; i++) {
      const tail = i === 0 ? this.suffix : `${this.suffix}.${i}`;
      const candidate = `${name.slice(0, MAX_SYMBOL_NAME - tail.length)}${tail}`;
      if (!taken(candidate)) {
        this.notes.push(`${name}: carried as ${candidate} (the name is the hypervisor's or taken)`);
        return candidate;
      }
    }
  }

  /**
   * Places a function or data object; returns the name its references use. A symbol that
   * is not a function entry's replacement is a new symbol: when its name is taken (a copy
   * of the hypervisor's `foo.cold`, a clone's number reused), it is renamed
   * deterministically with the payload's suffix.
   */
  placeUnit(diff: ObjectDiff, unit: Unit, symbolName?: string, replacement = false): string {
    const key = `${this.idOf(diff)}:unit:${unit.symbol.index}`;
    const done = this.placed.get(key);
    if (done) return done;
    // A function of the payload placed first as another's target keeps its own name, so
    // references by name from other objects find it.
    if (!symbolName && this.isIncluded(diff, unit)) {
      const changed = diff.changed.find((c) => c.unit === unit);
      symbolName = changed ? changed.original.xenName : unit.xenName;
      replacement = Boolean(changed);
    }
    if (symbolName && !replacement) symbolName = this.ownName(symbolName);
    if (symbolName) this.defined.add(symbolName);
    const name = symbolName ?? this.newLabel();
    this.placed.set(key, name);
    const model = diff.patched;
    const block: Block = {
      label: refName(name),
      section: `${sectionPrefix(unit.section)}.xlci.${this.blocks.length}`,
      flags: sectionFlags(unit.section),
      nobits: unit.section.type === SHT_NOBITS,
      align: Math.max(1, Number(unit.section.addralign)),
      ...(symbolName
        ? {
            symbol: {
              name: symbolName,
              type: unit.kind === "function" ? ("function" as const) : ("object" as const),
              size: unit.size,
            },
          }
        : {}),
      bytes: model.bytes(unit.section, unit.start, unit.size),
      relocs: [],
    };
    this.blocks.push(block);
    block.relocs = unit.relas.map((r) => this.reloc(diff, r, Number(r.offset)));
    if (unit.kind === "function") {
      for (const issue of model.copyIssues(unit))
        this.problems.push({ kind: "copy", unit, object: model.file, issue });
    }
    return name;
  }

  /** Places a whole section (strings, anonymous constants, replacement code, hooks). */
  placeSection(diff: ObjectDiff, section: ElfSection, outputName?: string): string {
    const key = `${this.idOf(diff)}:section:${section.index}`;
    const done = this.placed.get(key);
    if (done) return done;
    const label = this.newLabel();
    this.placed.set(key, label);
    const model = diff.patched;
    const block: Block = {
      label,
      section: outputName ?? `${sectionPrefix(section)}.xlci.${this.blocks.length}`,
      flags: sectionFlags(section),
      nobits: section.type === SHT_NOBITS,
      align: Math.max(1, Number(section.addralign)),
      bytes: model.bytes(section),
      relocs: [],
    };
    this.blocks.push(block);
    block.relocs = model.relocations(section).map((r) => this.reloc(diff, r, Number(r.offset)));
    return label;
  }

  /** The entries of a special section about the included functions, as one block. */
  placeSpecialEntries(name: string, entrySize: number): void {
    const parts: Array<{ diff: ObjectDiff; bytes: Uint8Array; relas: ElfRela[] }> = [];
    for (const diff of this.diffs) {
      for (const e of diff.patched.specialEntries(name, entrySize)) {
        if (!e.unit || !this.isIncluded(diff, e.unit)) continue;
        parts.push({ diff, bytes: diff.patched.bytes(e.section, e.at, e.size), relas: e.relas });
      }
    }
    if (parts.length === 0) return;
    const first = this.diffs.map((d) => d.patched.elf.sectionNamed(name)).find(Boolean)!;
    const block: Block = {
      label: this.newLabel(),
      section: name,
      flags: sectionFlags(first),
      nobits: false,
      align: Math.max(1, Number(first.addralign)),
      bytes: new Uint8Array(parts.length * entrySize),
      relocs: [],
    };
    this.blocks.push(block);
    parts.forEach((p, i) => {
      block.bytes.set(p.bytes, i * entrySize);
      for (const r of p.relas) {
        const offset = i * entrySize + Number(r.offset);
        block.relocs.push(this.reloc(p.diff, r, offset, name.startsWith(".bug_frames")));
      }
    });
    this.notes.push(
      `${name}: ${parts.length} entr${parts.length === 1 ? "y" : "ies"} of the changed functions`,
    );
  }

  private reloc(
    diff: ObjectDiff,
    r: ElfRela,
    offset: number,
    lineBits = false,
  ): Block["relocs"][number] {
    // R_X86_64_NONE writes nothing: a copied reference must be one that is applied.
    const type = RELOCATIONS.get(r.type)?.width ? RELOCATIONS.get(r.type)?.name : undefined;
    if (!type) {
      this.problems.push({
        kind: "relocation",
        object: diff.patched.file,
        type: r.type,
        offset: r.offset,
      });
      return { offset, type: "R_X86_64_NONE", target: "0" };
    }
    const high = lineBits ? r.addend - withoutLineBits(r.addend) : 0n;
    const target = this.targetExpression(diff, { ...r, addend: r.addend - high });
    return { offset, type, target: `${target}${signed(high)}` };
  }

  /** The expression for where a relocation of the patched object points, in the payload. */
  private targetExpression(diff: ObjectDiff, r: ElfRela): string {
    const model = diff.patched;
    const t = model.target(r);
    if (t.kind === "undefined") return `${this.externalTarget(t.name)}${signed(r.addend)}`;
    const unit = model.unitOf(t);
    if (unit) return this.unitTarget(diff, unit, BigInt(t.offset - unit.start));
    if (
      isCode(t.section) &&
      !SUPPORT_CODE_SECTIONS.has(t.section.name) &&
      (isEntryCode(t.section) || model.units.some((u) => u.section.index === t.section.index))
    ) {
      // Assembly between or outside routines (a label with no FUNC() around it): a copy
      // of the whole section would be another hypervisor's code, not a reference to it.
      const where = model.describeOffset(t.section, t.probe);
      this.problems.push({
        kind: "loose code",
        object: model.file,
        where,
        section: t.section.name,
      });
      return "0";
    }
    if (
      isCode(t.section) ||
      !isWritable(t.section) ||
      !diff.original.elf.sectionNamed(t.section.name)
    ) {
      const keepName = SUPPORT_CODE_SECTIONS.has(t.section.name) ? t.section.name : undefined;
      return `${this.placeSection(diff, t.section, keepName)}${signed(BigInt(t.offset))}`;
    }
    this.problems.push({ kind: "anonymous data", object: model.file, section: t.section.name });
    return "0";
  }

  /** Where a reference into a unit of the patched object points, `within` it. */
  private unitTarget(diff: ObjectDiff, unit: Unit, within: bigint): string {
    const original = diff.pairs.get(unit);
    if (this.isIncluded(diff, unit)) {
      return `${refName(this.placeUnit(diff, unit))}${signed(within)}`;
    }
    if (unit.kind === "function") {
      // A split-off cold part jumps back into its function's body, which must be the
      // new one: it always comes along. Other unchanged functions stay the hypervisor's.
      if (original && !isColdPart(unit)) return `${quote(original.xenName)}${signed(within)}`;
      this.include(diff, unit);
      const name = this.placeUnit(diff, unit, unit.xenName);
      this.added.push(name);
      return `${refName(name)}${signed(within)}`;
    }
    if (
      original &&
      (isWritable(unit.section) || diff.patched.digest(unit) === diff.original.digest(original))
    ) {
      return `${quote(original.xenName)}${signed(within)}`;
    }
    if (!this.placed.has(`${this.idOf(diff)}:unit:${unit.symbol.index}`)) {
      this.notes.push(
        `${unit.xenName}: ${original ? "changed constant" : "new data"} copied into the payload`,
      );
    }
    return `${this.placeUnit(diff, unit)}${signed(within)}`;
  }

  /**
   * What a reference by name from one object to another means in the payload: a global
   * that this payload carries (new, or changed and so replaced) is its copy here; a
   * function that was static in the base (`static` became global) is the hypervisor's
   * `file#name`; anything else is the name the hypervisor or an earlier payload exports.
   */
  private externalTarget(name: string): string {
    for (const diff of this.diffs) {
      const unit = diff.patched.units.find((u) => u.name === name && u.symbol.bind !== STB_LOCAL);
      if (!unit) continue;
      if (this.isIncluded(diff, unit)) return refName(this.placeUnit(diff, unit));
      const original = diff.pairs.get(unit);
      if (original && original.xenName !== name) return quote(original.xenName);
      if (!original) {
        // New in its object but not placed yet (data): it comes along as new data.
        this.notes.push(`${unit.xenName}: new, used from another object, carried in the payload`);
        if (unit.kind === "function") {
          this.include(diff, unit);
          const placedName = this.placeUnit(diff, unit, unit.xenName);
          this.added.push(placedName);
          return refName(placedName);
        }
        return refName(this.placeUnit(diff, unit, unit.xenName));
      }
    }
    return quote(name);
  }
}

function refName(name: string): string {
  return name.startsWith(".L") ? name : quote(name);
}

function sectionPrefix(section: ElfSection): string {
  if (isCode(section)) return ".text";
  if (section.type === SHT_NOBITS) return ".bss";
  return isWritable(section) ? ".data" : ".rodata";
}

function sectionFlags(section: ElfSection): string {
  return `a${section.flags & SHF_WRITE ? "w" : ""}${isCode(section) ? "x" : ""}`;
}
