/**
 * What a patch changed in one object: functions compared symbol by symbol between the
 * base's build and the patched build, with the correlations a rebuild needs (renumbered
 * clones and statics, strings compared by text, bug frames without their line numbers),
 * and what a livepatch cannot do refused with the reason.
 */
import { R_X86_64_PC32, R_X86_64_PLT32 } from "../elf/constants.js";
import type { ElfSection } from "../elf/reader.js";
import { HOOK_SECTIONS } from "../xen/abi.js";
import { type XenVersion, hasChange } from "../xen/version.js";
import { ASSEMBLY_FUNCTION_SYMBOLS } from "../xen/changes.js";
import { ARCH_PATCH_INSN_SIZE, endbrLength } from "../xen/abi.js";
import {
  type ObjectModel,
  SPECIAL_SECTIONS,
  SUPPORT_CODE_SECTIONS,
  UNREGISTERED_TABLES,
  type Unit,
  isCode,
  isColdPart,
  isWritable,
  stripCloneNumber,
  withoutLineBits,
} from "./object-model.js";

export interface ChangedFunction {
  /** The function in the patched object. */
  unit: Unit;
  /** The same function in the base's object. */
  original: Unit;
  /** Why it differs, for the log. */
  why: string;
}

/** A change to init code: refused, or on request left out of the payload and reported. */
export interface IgnoredChange {
  /** The function or data in the hypervisor's terms (`file#name` when static), or the object. */
  name: string;
  object: string;
  why: string;
}

export interface ObjectDiff {
  original: ObjectModel;
  patched: ObjectModel;
  /** Functions whose code or references changed: they get a function entry. */
  changed: ChangedFunction[];
  /** Functions only the patched object has. */
  added: Unit[];
  /** Hook sections (`LIVEPATCH_*_HOOK`) the patch added. */
  hooks: ElfSection[];
  /** What a livepatch cannot do, each naming the function or data. */
  refusals: string[];
  /** Changes to init code, which ran at boot: refused unless the caller ignores them. */
  initChanges: IgnoredChange[];
  /** The base's version of each patched unit that has one. */
  pairs: Map<Unit, Unit>;
}

/** Pairs units of the two objects: by name, then by name without the clone number. */
function pairUnits(original: readonly Unit[], patched: readonly Unit[]): Map<Unit, Unit> {
  const pairs = new Map<Unit, Unit>();
  const key = (u: Unit) => `${u.kind} ${isCode(u.section) ? "x" : "d"} ${u.name}`;
  const byName = new Map(original.map((u) => [key(u), u]));
  const unpaired: Unit[] = [];
  for (const u of patched) {
    const o = byName.get(key(u));
    if (o) {
      pairs.set(u, o);
      byName.delete(key(u));
    } else unpaired.push(u);
  }
  // Renumbered clones and statics: only when the stripped name is unambiguous on both sides.
  const strippedKey = (u: Unit) => `${u.kind} ${stripCloneNumber(u.name)}`;
  const group = (units: Iterable<Unit>) => {
    const m = new Map<string, Unit[]>();
    for (const u of units) m.set(strippedKey(u), [...(m.get(strippedKey(u)) ?? []), u]);
    return m;
  };
  const left = group(byName.values());
  for (const [k, list] of group(unpaired)) {
    const candidates = left.get(k);
    if (list.length === 1 && candidates?.length === 1) pairs.set(list[0]!, candidates[0]!);
  }
  return pairs;
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

/** The units a function's relocations point at, in its own object. */
function referencedUnits(model: ObjectModel, fn: Unit): Set<Unit> {
  const found = new Set<Unit>();
  for (const r of fn.relas) {
    const t = model.target(r);
    const unit = t.kind === "section" ? model.unitOf(t) : undefined;
    if (unit) found.add(unit);
  }
  return found;
}

/**
 * Function-local statics (`calls.0`, `calls.1`) renumbered by a patch that adds another
 * of the same name: each is paired through the functions that use it, which already are.
 */
function pairStaticsByUser(
  original: ObjectModel,
  patched: ObjectModel,
  pairs: Map<Unit, Unit>,
): void {
  const pairedOriginals = new Set(pairs.values());
  const functions = patched.units.filter((u) => u.kind === "function");
  for (const data of patched.units) {
    if (data.kind !== "object" || pairs.has(data)) continue;
    const users = functions.filter((f) => referencedUnits(patched, f).has(data));
    if (users.length === 0 || !users.every((u) => pairs.has(u))) continue;
    const name = stripCloneNumber(data.name);
    const candidates = users
      .map((u) =>
        [...referencedUnits(original, pairs.get(u)!)].filter(
          (o) =>
            o.kind === "object" && !pairedOriginals.has(o) && stripCloneNumber(o.name) === name,
        ),
      )
      .reduce((a, b) => a.filter((x) => b.includes(x)));
    if (candidates.length === 1) {
      pairs.set(data, candidates[0]!);
      pairedOriginals.add(candidates[0]!);
    }
  }
}

export interface DiffOptions {
  /**
   * Whether the patch moves an unchanged line `from` to `to` (see linesMovedBy in
   * series.ts): a function whose code differs only by such a number is said to.
   */
  lineMoved?: (from: number, to: number) => boolean;
  /**
   * The hypervisor's version: a refusal of untyped assembly says from which version
   * assembly routines can be patched (ASSEMBLY_FUNCTION_SYMBOLS).
   */
  xenVersion?: Pick<XenVersion, "major" | "minor" | "patch" | "text">;
}

/**
 * Whether a code section is entry code (`.text.entry`, `.text.entry.*`): under XPTI the
 * per-CPU restricted page tables map only it, the stacks, IDT, TSS and stubs
 * (setup_cpu_root_pgt() in xen/arch/x86/smpboot.c), and code there runs before the switch
 * to Xen's full page tables, where a payload's text is not mapped.
 */
export function isEntryCode(section: Pick<ElfSection, "name">): boolean {
  return section.name === ".text.entry" || section.name.startsWith(".text.entry.");
}

/** Why a change to entry code is refused, naming the routine or place. */
export function entryCodeRefusal(what: string, object: string, section: string): string {
  return `${what} (${object}) is in ${section}, entry code that runs under XPTI before Xen switches to its full page tables; only .text.entry is mapped there (setup_cpu_root_pgt()), not a payload's text, so it cannot be livepatched`;
}

/**
 * Why changed code outside any function symbol is refused. Before Xen 4.19 assembly has
 * no FUNC()/END() annotations, so the refusal says from which version it can be patched.
 */
export function untypedCodeRefusal(where: string, version: DiffOptions["xenVersion"]): string {
  if (version && !hasChange(version, ASSEMBLY_FUNCTION_SYMBOLS)) {
    return `${where} changed, and is assembly without function types or sizes: Xen ${version.text} writes its assembly routines as untyped labels (ENTRY()/GLOBAL(), size 0), which cannot be patched routine by routine; assembly routines can be patched from Xen 4.19 on, where FUNC()/END() give them a type and a size`;
  }
  return `${where} changed, and holds code outside any function symbol (assembly without FUNC()/END(), or .type @function and .size): it cannot be patched function by function`;
}

/** A call is PC32 or PLT32 as the compiler likes; Xen's loader applies both alike. */
const relocationKind = (type: number) => (type === R_X86_64_PLT32 ? R_X86_64_PC32 : type);

export function diffObjects(
  original: ObjectModel,
  patched: ObjectModel,
  options: DiffOptions = {},
): ObjectDiff {
  const pairs = pairUnits(original.units, patched.units);
  pairStaticsByUser(original, patched, pairs);
  const diff: ObjectDiff = {
    original,
    patched,
    changed: [],
    added: [],
    hooks: [],
    refusals: [],
    initChanges: [],
    pairs,
  };
  const where = (u: Unit) => `${u.xenName} (${patched.file})`;

  for (const unit of patched.units) {
    const before = pairs.get(unit);
    if (unit.kind === "object") {
      if (before) checkData(before, unit);
      continue;
    }
    if (!before) {
      if (isInit(unit))
        diff.initChanges.push({
          name: unit.xenName,
          object: patched.file,
          why: "new init code: a livepatch is applied after boot, so it would never run",
        });
      else diff.added.push(unit);
      continue;
    }
    const why = functionDifference(before, unit);
    if (!why) continue;
    if (isInit(unit)) {
      diff.initChanges.push({
        name: before.xenName,
        object: patched.file,
        why: `init code (${unit.section.name}), which ran at boot and is gone: ${why}`,
      });
      continue;
    }
    diff.changed.push({ unit, original: before, why });
  }

  // A split-off cold part is entered only from its function: the function is what changes.
  for (const c of [...diff.changed]) {
    if (!isColdPart(c.unit)) continue;
    diff.changed.splice(diff.changed.indexOf(c), 1);
    const parentName = c.unit.name.replace(/\.cold$/, "");
    const parent = patched.units.find((u) => u.kind === "function" && u.name === parentName);
    const parentBefore = parent && pairs.get(parent);
    if (parent && parentBefore && !diff.changed.some((d) => d.unit === parent)) {
      diff.changed.push({
        unit: parent,
        original: parentBefore,
        why: `its cold part ${c.unit.name} changed`,
      });
    }
  }
  // Assembly: entry code, other ways into a routine than its start, and copies that
  // would not run as the original does (see ObjectModel.entriesInto and copyIssues).
  // Their own cold parts, entered only from them, jump back into their bodies: no entry.
  const changedOriginals = new Set<Unit>(diff.changed.map((c) => c.original));
  for (const u of original.units) {
    if (isColdPart(u) && diff.changed.some((c) => `${c.original.name}.cold` === u.name))
      changedOriginals.add(u);
  }
  for (const c of diff.changed) {
    if (isEntryCode(c.unit.section) || isEntryCode(c.original.section)) {
      diff.refusals.push(entryCodeRefusal(c.original.xenName, patched.file, c.unit.section.name));
      continue;
    }
    const entries = original.entriesInto(c.original, changedOriginals);
    if (entries.length > 0) {
      diff.refusals.push(
        `${where(c.unit)} is entered elsewhere than at its start (${entries.join("; ")}): code entering there would keep running the hypervisor's old routine once its start jumps to the new one`,
      );
    }
  }
  for (const u of [...diff.changed.map((c) => c.unit), ...diff.added]) {
    for (const s of patched.elf.sections) {
      if (!UNREGISTERED_TABLES.has(s.name)) continue;
      const uses = patched.relocations(s).some((r) => {
        const t = patched.target(r);
        return (
          t.kind === "section" &&
          t.section.index === u.section.index &&
          t.probe >= u.start &&
          t.probe < u.start + u.size
        );
      });
      if (uses)
        diff.refusals.push(
          `${where(u)} has entries in ${s.name}, which Xen's livepatch loader does not register for a payload's code`,
        );
    }
  }
  for (const c of diff.changed) {
    // Xen writes the jump after an ENDBR64 at the start (arch_livepatch_apply()), as
    // assembly entry points and C functions built with CET-IBT have.
    const endbr = endbrLength(original.bytes(c.original.section, c.original.start, 4));
    if (c.original.symbol.size < ARCH_PATCH_INSN_SIZE + endbr) {
      diff.refusals.push(
        `${where(c.unit)} is ${c.original.symbol.size} bytes in the base, shorter than the ${ARCH_PATCH_INSN_SIZE}-byte jump a livepatch writes over it${endbr ? ` after its ENDBR64` : ""}`,
      );
    }
  }
  // A changed function's static that could not be paired would start afresh in the payload,
  // losing the hypervisor's live value: refuse rather than guess which static it is.
  for (const c of diff.changed) {
    for (const data of referencedUnits(patched, c.unit)) {
      if (data.kind !== "object" || pairs.has(data) || !isWritable(data.section)) continue;
      const namesakes = original.units.filter(
        (u) => u.kind === "object" && stripCloneNumber(u.name) === stripCloneNumber(data.name),
      );
      if (namesakes.length === 0) continue;
      diff.refusals.push(
        `${where(c.unit)} uses the static ${data.xenName}, named like the hypervisor's ${namesakes.map((u) => u.xenName).join(", ")}: which one it is cannot be told (give the statics distinct names)`,
      );
    }
  }
  // Hooks the patch defines (an earlier patch of a stack may have defined some already).
  for (const s of patched.elf.sections) {
    if (!(s.name in HOOK_SECTIONS)) continue;
    const before = original.elf.sectionNamed(s.name);
    const describe = (m: ObjectModel, sec: typeof s) =>
      m
        .relocations(sec)
        .map((r) => `${r.offset}:${m.describeTarget(r)}`)
        .join(" ");
    if (!before || describe(original, before) !== describe(patched, s)) diff.hooks.push(s);
  }
  checkLooseCode();
  diff.changed.sort((a, b) => a.unit.name.localeCompare(b.unit.name));
  return diff;

  function functionDifference(before: Unit, after: Unit): string | undefined {
    const a = original.bytes(before.section, before.start, before.size);
    const b = patched.bytes(after.section, after.start, after.size);
    if (a.length !== b.length) return `its size changed from ${a.length} to ${b.length} bytes`;
    const sameCode = Buffer.from(a).equals(Buffer.from(b));
    const sameRest = sameReferences(before, after) && sameSpecialEntries(before, after);
    if (!sameCode) {
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
    const sa = specialSignature(original, before).join("\n");
    const sb = specialSignature(patched, after).join("\n");
    if (sa !== sb) return "its alternatives, exception table or bug frame entries changed";
    return undefined;
  }

  function sameReferences(before: Unit, after: Unit): boolean {
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

  function sameSpecialEntries(before: Unit, after: Unit): boolean {
    return (
      specialSignature(original, before).join("\n") === specialSignature(patched, after).join("\n")
    );
  }

  function checkData(before: Unit, after: Unit): void {
    if (!isWritable(after.section)) return; // a changed constant is copied into the payload
    if (isInit(after)) {
      if (original.digest(before) !== patched.digest(after))
        diff.initChanges.push({
          name: before.xenName,
          object: patched.file,
          why: `init data (${after.section.name}) changed: it was used at boot and is gone`,
        });
      return;
    }
    if (before.size !== after.size) {
      diff.refusals.push(
        `${where(after)} changes size from ${before.size} to ${after.size} bytes: the hypervisor's live data keeps its old layout, which a livepatch cannot change`,
      );
    } else if (original.digest(before) !== patched.digest(after)) {
      diff.refusals.push(
        `${where(after)} has a new initial value: the hypervisor's copy is live and is not re-initialised by a livepatch (initialise it in a load hook instead)`,
      );
    }
  }

  /**
   * Code outside any function symbol (assembly without FUNC()/END() or .type, and the
   * UNLIKELY_START() code after the routines) cannot be patched by function.
   */
  function checkLooseCode(): void {
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
      const label = patched.describeOffset(s, at);
      diff.refusals.push(
        isEntryCode(s)
          ? entryCodeRefusal(`the code at ${label}`, patched.file, s.name)
          : untypedCodeRefusal(
              `${patched.file}: the code at ${label} in ${s.name}`,
              options.xenVersion,
            ),
      );
    }
  }
}

/** The first offset at which two byte strings differ (the shorter's length if one is a prefix). */
function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return Math.min(n, Math.max(0, b.length - 1));
}

function isInit(unit: Unit): boolean {
  return /^\.init\b|\.init\./.test(unit.section.name);
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
