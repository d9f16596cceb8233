/**
 * Compare: how each correlated unit differs between the base's object and the patched
 * one, with what a rebuild changes without changing anything (calls as PC32 or PLT32,
 * bug frames' line numbers, a `__LINE__` moved by lines added above it). Also the
 * patched object's hook sections and its code outside any function symbol.
 */
import { R_X86_64_PC32, R_X86_64_PLT32 } from "../elf/constants.js";
import type { ElfSection } from "../elf/reader.js";
import { HOOK_SECTIONS } from "../xen/abi.js";
import type { DiffOptions, LooseCodeChange } from "./changes.js";
import { type ObjectModel, type Unit } from "./object-model.js";
import { SPECIAL_SECTIONS, SUPPORT_CODE_SECTIONS, isCode, withoutLineBits } from "./sections.js";

/** One patched unit and, when it has one, its base version and how they differ. */
export interface UnitComparison {
  unit: Unit;
  original?: Unit;
  /** A function's difference, for the log; undefined when it is the same. */
  difference?: string;
  /** A data object's: whether its size and its bytes or references changed. */
  sizeChanged?: boolean;
  valueChanged?: boolean;
}

export interface Comparison {
  /** Every unit of the patched object, in its order. */
  units: UnitComparison[];
  /** Hook sections the patched object defines anew or differently. */
  hooks: ElfSection[];
  looseCode: LooseCodeChange[];
}

/** A call is PC32 or PLT32 as the compiler likes; Xen's loader applies both alike. */
const relocationKind = (type: number) => (type === R_X86_64_PLT32 ? R_X86_64_PC32 : type);

export function compare(
  original: ObjectModel,
  patched: ObjectModel,
  pairs: ReadonlyMap<Unit, Unit>,
  options: DiffOptions = {},
): Comparison {
  const units = patched.units.map((unit): UnitComparison => {
    const before = pairs.get(unit);
    if (!before) return { unit };
    if (unit.kind === "object") {
      return {
        unit,
        original: before,
        sizeChanged: before.size !== unit.size,
        valueChanged: original.digest(before) !== patched.digest(unit),
      };
    }
    const difference = functionDifference(original, patched, before, unit, options);
    return { unit, original: before, ...(difference ? { difference } : {}) };
  });
  return {
    units,
    hooks: changedHooks(original, patched),
    looseCode: changedLooseCode(original, patched),
  };
}

function functionDifference(
  original: ObjectModel,
  patched: ObjectModel,
  before: Unit,
  after: Unit,
  options: DiffOptions,
): string | undefined {
  const a = original.bytes(before.section, before.start, before.size);
  const b = patched.bytes(after.section, after.start, after.size);
  if (a.length !== b.length) return `its size changed from ${a.length} to ${b.length} bytes`;
  const sameCode = Buffer.from(a).equals(Buffer.from(b));
  const sameSpecial = () =>
    specialSignature(original, before).join("\n") === specialSignature(patched, after).join("\n");
  if (!sameCode) {
    const sameRest = sameReferences(original, patched, before, after) && sameSpecial();
    const line = sameRest ? embeddedLineChange(a, b) : undefined;
    return line && options.lineMoved?.(line.from, line.to)
      ? `only a line number embedded in its code changed (${line.from} to ${line.to}): lines moved above a __LINE__ it passes on, as domain_crash() and dprintk() do`
      : "its code changed";
  }
  if (before.relas.length !== after.relas.length) return "it references other things";
  for (const [i, r] of after.relas.entries()) {
    const o = before.relas[i]!;
    const rt = patched.describeTarget(r);
    const ot = original.describeTarget(o);
    if (r.offset !== o.offset || relocationKind(r.type) !== relocationKind(o.type) || rt !== ot) {
      return `the reference at +${r.offset} changed from ${ot} to ${rt}`;
    }
  }
  if (!sameSpecial()) return "its alternatives, exception table or bug frame entries changed";
  return undefined;
}

function sameReferences(
  original: ObjectModel,
  patched: ObjectModel,
  before: Unit,
  after: Unit,
): boolean {
  return (
    before.relas.length === after.relas.length &&
    after.relas.every((r, i) => {
      const o = before.relas[i]!;
      return (
        r.offset === o.offset &&
        relocationKind(r.type) === relocationKind(o.type) &&
        patched.describeTarget(r) === original.describeTarget(o)
      );
    })
  );
}

/** The special-section entries about a function, without bug frames' line numbers. */
function specialSignature(model: ObjectModel, unit: Unit): string[] {
  const lines: string[] = [];
  for (const { name, entrySize } of SPECIAL_SECTIONS) {
    for (const e of model.specialEntries(name, entrySize)) {
      if (e.unit?.symbol.index !== unit.symbol.index) continue;
      const data = model.bytes(e.section, e.at, e.size);
      // Alternatives: cpuid and lengths matter; bug frames and the exception table hold
      // only displacements (and line numbers), which the relocations describe.
      const fields =
        name === ".altinstructions" ? Buffer.from(data.subarray(8)).toString("hex") : "";
      const refs = e.relas.map((r) => {
        const t = model.target(r);
        const where =
          t.kind === "section" && isCode(t.section) && name.startsWith(".bug_frames")
            ? model.describeTarget({ ...r, addend: withoutLineBits(r.addend) })
            : model.describeTarget(r);
        return `${r.offset}:${where}`;
      });
      lines.push(`${name} ${fields} ${refs.join(" ")}`);
    }
  }
  return lines.sort();
}

/** Hooks the patch defines (an earlier patch of a stack may have defined some already). */
function changedHooks(original: ObjectModel, patched: ObjectModel): ElfSection[] {
  const hooks: ElfSection[] = [];
  for (const s of patched.elf.sections) {
    if (!(s.name in HOOK_SECTIONS)) continue;
    const before = original.elf.sectionNamed(s.name);
    const describe = (m: ObjectModel, sec: typeof s) =>
      m
        .relocations(sec)
        .map((r) => `${r.offset}:${m.describeTarget(r)}`)
        .join(" ");
    if (!before || describe(original, before) !== describe(patched, s)) hooks.push(s);
  }
  return hooks;
}

/**
 * Code outside any function symbol (assembly without FUNC()/END() or .type, and the
 * UNLIKELY_START() code after the routines) that changed: where it first differs.
 */
function changedLooseCode(original: ObjectModel, patched: ObjectModel): LooseCodeChange[] {
  const changes: LooseCodeChange[] = [];
  for (const s of patched.elf.sections) {
    if (!isCode(s) || s.size === 0 || SUPPORT_CODE_SECTIONS.has(s.name)) continue;
    const o = original.elf.sectionNamed(s.name);
    const loose = patched.looseCode(s);
    let at: number;
    if (loose) {
      // Routines of the section are compared as units; what lies between them here.
      const before = (o && original.looseCode(o)) ?? [];
      const i = loose.findIndex((piece, n) => piece.content !== before[n]?.content);
      if (i < 0 && loose.length === before.length) continue;
      at = i < 0 ? s.size : loose[i]!.start;
    } else {
      if (patched.units.some((u) => u.section.index === s.index)) continue;
      const a = o ? original.bytes(o) : new Uint8Array();
      const b = patched.bytes(s);
      if (Buffer.from(a).equals(Buffer.from(b))) continue;
      at = firstDifference(a, b);
    }
    changes.push({ section: s, at });
  }
  return changes;
}

/** The first offset at which two byte strings differ (the shorter's length if one is a prefix). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return Math.min(n, Math.max(0, b.length - 1));
}

/**
 * Whether two equally long codes differ only in 32-bit immediates that read as line
 * numbers (1 to 65535) moved by one and the same distance: `__LINE__` passed on as an
 * argument (domain_crash(), dprintk()) after lines were added or removed above it.
 * Returns the first such number before and after, or undefined for any other difference.
 */
export function embeddedLineChange(
  a: Uint8Array,
  b: Uint8Array,
): { from: number; to: number } | undefined {
  if (a.length !== b.length) return undefined;
  const A = Buffer.from(a.buffer, a.byteOffset, a.length);
  const B = Buffer.from(b.buffer, b.byteOffset, b.length);
  let delta: number | undefined;
  let first: { from: number; to: number } | undefined;
  for (let p = 0; p < a.length; p++) {
    if (a[p] === b[p]) continue;
    // The immediate's low byte differs first; a carry may reach the bytes above it.
    let matched = false;
    for (let w = p; w >= Math.max(0, p - 3); w--) {
      if (w + 4 > a.length) continue;
      const from = A.readUInt32LE(w);
      const to = B.readUInt32LE(w);
      if (from === to || from < 1 || from > 0xffff || to < 1 || to > 0xffff) continue;
      if (delta !== undefined && to - from !== delta) continue;
      delta = to - from;
      first ??= { from, to };
      p = w + 3;
      matched = true;
      break;
    }
    if (!matched) return undefined;
  }
  return first;
}
