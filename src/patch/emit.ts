/**
 * Writes the payload for a set of object diffs as one assembly source: the changed and
 * new functions with exactly what they reference, the special-section entries of those
 * functions, the patch's hooks, and a `.livepatch.funcs` entry per changed function.
 * Everything else becomes a reference by name that the hypervisor resolves against its
 * own symbols when it loads the payload. The payload-sources builder then assembles and
 * links it like any hand-written payload (notes, .modinfo, old_size, expectations).
 */
import { SHF_WRITE, SHT_NOBITS, STB_LOCAL } from "../elf/constants.js";
import { createHash } from "node:crypto";
import type { ElfRela, ElfSection } from "../elf/reader.js";
import {
  KSYM_NAME_LEN,
  LIVEPATCH_FUNC,
  LIVEPATCH_PAYLOAD_VERSION,
  RELOCATIONS,
  SECTION,
} from "../xen/abi.js";
import { type IgnoredChange, type ObjectDiff, isEntryCode } from "./object-diff.js";
import {
  SPECIAL_SECTIONS,
  SUPPORT_CODE_SECTIONS,
  type Unit,
  isCode,
  isColdPart,
  isWritable,
  withoutLineBits,
} from "./object-model.js";

export interface PatchedFunction {
  /** The function's name in the hypervisor (`file#name` when static). */
  name: string;
  object: string;
  size: number;
  why: string;
}

export interface PayloadSource {
  /** The assembly source of the payload. */
  text: string;
  functions: PatchedFunction[];
  /**
   * Functions the payload carries without a function entry: new ones (called from the
   * changed ones, or hooks) and the cold parts of the changed ones.
   */
  added: string[];
  /** Init changes left out of the payload on request. */
  ignored: IgnoredChange[];
  /** Every symbol name the payload defines (a later payload of a stack must not reuse one). */
  symbols: string[];
  /** Data and strings copied in, and references left to the hypervisor, for the log. */
  notes: string[];
}

export interface EmitOptions {
  /** Leave changes to init code out (and report them) instead of refusing the patch. */
  ignoreInitChanges?: boolean;
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

export class PatchRefusal extends Error {
  override name = "PatchRefusal";
  constructor(readonly reasons: string[]) {
    super(reasons.join("\n"));
  }
}

interface Block {
  label: string;
  section: string;
  flags: string;
  nobits: boolean;
  align: number;
  symbol?: { name: string; type: "function" | "object"; size: number };
  bytes: Uint8Array;
  relocs: Array<{ offset: number; type: string; target: string }>;
}

const quote = (name: string) => `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
const signed = (n: bigint) => (n === 0n ? "" : n < 0n ? `${n}` : `+${n}`);

/**
 * The payload source for the diffs of one patch (or one cumulative series). Throws a
 * PatchRefusal listing everything a livepatch cannot do, or when nothing changed.
 */
export function emitPayloadSource(
  diffs: readonly ObjectDiff[],
  options: EmitOptions = {},
): PayloadSource {
  const refusals = diffs.flatMap((d) => d.refusals);
  const initChanges = diffs.flatMap((d) => d.initChanges);
  const ignored = options.ignoreInitChanges ? initChanges : [];
  if (!options.ignoreInitChanges && initChanges.length > 0) {
    refusals.push(
      ...initChanges.map(
        (c) => `${c.name} (${c.object}) is ${c.why}; a livepatch cannot change it`,
      ),
      `to build the runtime part of the patch and leave the init changes out (listed in the report), set ignore-init-changes (--ignore-init-changes); or drop the init changes from the patch`,
    );
  }
  const blocks: Block[] = [];
  const notes: string[] = [];
  let nextLabel = 0;
  const newLabel = () => `.Lxlci${nextLabel++}`;
  // What has been placed in the payload: `${object}:${kind}:${index}` -> label or symbol.
  const placed = new Map<string, string>();
  const idOf = (diff: ObjectDiff) => diffs.indexOf(diff);
  const included = new Set<string>();
  const functions: PatchedFunction[] = [];
  const added: string[] = [];

  // Units whose code goes into the payload: changed and new functions.
  for (const diff of diffs) {
    for (const c of diff.changed) include(diff, c.unit);
    for (const u of diff.added) include(diff, u);
  }
  const funcEntries: Array<{ name: string; symbol: string; size: number }> = [];
  // New symbol names this payload defines, so two copies never share one either.
  const defined = new Set<string>();
  const suffix = `.lp${createHash("sha256")
    .update(options.payloadName ?? "")
    .digest("hex")
    .slice(0, 8)}`;
  for (const diff of diffs) {
    for (const c of diff.changed) {
      // The replacement is named like the function it replaces: Xen accepts that name
      // because it is a function entry's new_addr.
      const symbol = placeUnit(diff, c.unit, c.original.xenName, true);
      functions.push({
        name: c.original.xenName,
        object: diff.patched.file,
        size: c.unit.size,
        why: c.why,
      });
      funcEntries.push({ name: c.original.xenName, symbol, size: c.unit.size });
    }
    for (const u of diff.added) {
      added.push(placeUnit(diff, u, u.xenName));
    }
  }
  for (const diff of diffs) {
    for (const hook of diff.hooks) placeSection(diff, hook, hook.name);
  }
  for (const { name, entrySize } of SPECIAL_SECTIONS) placeSpecialEntries(name, entrySize);

  if (refusals.length > 0) throw new PatchRefusal(refusals);
  if (funcEntries.length === 0 && diffs.every((d) => d.hooks.length === 0)) {
    const recompiled = diffs.map((d) => d.patched.file).join(", ") || "none";
    if (ignored.length > 0)
      throw new PatchRefusal([
        `the patch changes only init code (${ignored.map((c) => c.name).join(", ")}): with the init changes ignored nothing is left to patch`,
      ]);
    throw new PatchRefusal([
      `the patch changes no function of the hypervisor's code (only comments, moved lines, unused code, or code the compiler produced identically); objects that differ: ${recompiled}`,
    ]);
  }

  const lines: string[] = [
    "/* Generated by xen-livepatch-ci's patch builder: the functions a patch changed. */",
  ];
  for (const f of functions) lines.push(`/* ${f.name}: ${f.why} */`);
  for (const b of blocks) lines.push(...blockLines(b));
  lines.push(...funcsLines(funcEntries));
  for (const c of ignored) lines.push(`/* ignored: ${c.name} (${c.object}): ${c.why} */`);
  return {
    text: lines.join("\n") + "\n",
    functions,
    added,
    ignored,
    symbols: [...defined],
    notes,
  };

  /** `name`, or when something else has it, `name.lp<hash of the payload name>` (numbered on). */
  function ownName(name: string): string {
    const taken = (n: string) => defined.has(n) || (options.nameTaken?.(n) ?? false);
    if (!taken(name)) return name;
    for (let i = 0; ; i++) {
      const tail = i === 0 ? suffix : `${suffix}.${i}`;
      const candidate = `${name.slice(0, MAX_SYMBOL_NAME - tail.length)}${tail}`;
      if (!taken(candidate)) {
        notes.push(`${name}: carried as ${candidate} (the name is the hypervisor's or taken)`);
        return candidate;
      }
    }
  }

  /**
   * What a reference by name from one object to another means in the payload: a global
   * that this payload carries (new, or changed and so replaced) is its copy here; a
   * function that was static in the base (`static` became global) is the hypervisor's
   * `file#name`; anything else is the name the hypervisor or an earlier payload exports.
   */
  function externalTarget(name: string): string {
    for (const diff of diffs) {
      const unit = diff.patched.units.find((u) => u.name === name && u.symbol.bind !== STB_LOCAL);
      if (!unit) continue;
      if (isIncluded(diff, unit)) return refName(placeUnit(diff, unit));
      const original = diff.pairs.get(unit);
      if (original && original.xenName !== name) return quote(original.xenName);
      if (!original) {
        // New in its object but not placed yet (data): it comes along as new data.
        notes.push(`${unit.xenName}: new, used from another object, carried in the payload`);
        if (unit.kind === "function") {
          include(diff, unit);
          const placedName = placeUnit(diff, unit, unit.xenName);
          added.push(placedName);
          return refName(placedName);
        }
        return refName(placeUnit(diff, unit, unit.xenName));
      }
    }
    return quote(name);
  }

  function include(diff: ObjectDiff, unit: Unit): void {
    included.add(`${idOf(diff)}:${unit.symbol.index}`);
  }

  function isIncluded(diff: ObjectDiff, unit: Unit): boolean {
    return included.has(`${idOf(diff)}:${unit.symbol.index}`);
  }

  /**
   * Places a function or data object; returns the name its references use. A symbol that
   * is not a function entry's replacement is a new symbol: when its name is taken (a copy
   * of the hypervisor's `foo.cold`, a clone's number reused), it is renamed
   * deterministically with the payload's suffix.
   */
  function placeUnit(
    diff: ObjectDiff,
    unit: Unit,
    symbolName?: string,
    replacement = false,
  ): string {
    const key = `${idOf(diff)}:unit:${unit.symbol.index}`;
    const done = placed.get(key);
    if (done) return done;
    // A function of the payload placed first as another's target keeps its own name, so
    // references by name from other objects find it.
    if (!symbolName && isIncluded(diff, unit)) {
      const changed = diff.changed.find((c) => c.unit === unit);
      symbolName = changed ? changed.original.xenName : unit.xenName;
      replacement = Boolean(changed);
    }
    if (symbolName && !replacement) symbolName = ownName(symbolName);
    if (symbolName) defined.add(symbolName);
    const name = symbolName ?? newLabel();
    placed.set(key, name);
    const model = diff.patched;
    const block: Block = {
      label: refName(name),
      section: `${sectionPrefix(unit.section)}.xlci.${blocks.length}`,
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
    blocks.push(block);
    block.relocs = unit.relas.map((r) => reloc(diff, r, Number(r.offset)));
    if (unit.kind === "function") {
      for (const issue of model.copyIssues(unit))
        refusals.push(
          `${unit.xenName} (${model.file}) cannot run from a payload as it is: it has ${issue}`,
        );
    }
    return name;
  }

  /** Places a whole section (strings, anonymous constants, replacement code, hooks). */
  function placeSection(diff: ObjectDiff, section: ElfSection, outputName?: string): string {
    const key = `${idOf(diff)}:section:${section.index}`;
    const done = placed.get(key);
    if (done) return done;
    const label = newLabel();
    placed.set(key, label);
    const model = diff.patched;
    const block: Block = {
      label,
      section: outputName ?? `${sectionPrefix(section)}.xlci.${blocks.length}`,
      flags: sectionFlags(section),
      nobits: section.type === SHT_NOBITS,
      align: Math.max(1, Number(section.addralign)),
      bytes: model.bytes(section),
      relocs: [],
    };
    blocks.push(block);
    block.relocs = model.relocations(section).map((r) => reloc(diff, r, Number(r.offset)));
    return label;
  }

  function placeSpecialEntries(name: string, entrySize: number): void {
    const parts: Array<{ diff: ObjectDiff; at: number; bytes: Uint8Array; relas: ElfRela[] }> = [];
    for (const diff of diffs) {
      for (const e of diff.patched.specialEntries(name, entrySize)) {
        if (!e.unit || !isIncluded(diff, e.unit)) continue;
        parts.push({
          diff,
          at: e.at,
          bytes: diff.patched.bytes(e.section, e.at, e.size),
          relas: e.relas,
        });
      }
    }
    if (parts.length === 0) return;
    const first = diffs.map((d) => d.patched.elf.sectionNamed(name)).find(Boolean)!;
    const block: Block = {
      label: newLabel(),
      section: name,
      flags: sectionFlags(first),
      nobits: false,
      align: Math.max(1, Number(first.addralign)),
      bytes: new Uint8Array(parts.length * entrySize),
      relocs: [],
    };
    blocks.push(block);
    parts.forEach((p, i) => {
      block.bytes.set(p.bytes, i * entrySize);
      for (const r of p.relas) {
        block.relocs.push(
          reloc(p.diff, r, i * entrySize + Number(r.offset), name.startsWith(".bug_frames")),
        );
      }
    });
    notes.push(
      `${name}: ${parts.length} entr${parts.length === 1 ? "y" : "ies"} of the changed functions`,
    );
  }

  function reloc(
    diff: ObjectDiff,
    r: ElfRela,
    offset: number,
    lineBits = false,
  ): Block["relocs"][number] {
    const model = diff.patched;
    // R_X86_64_NONE writes nothing: a copied reference must be one that is applied.
    const type = RELOCATIONS.get(r.type)?.width ? RELOCATIONS.get(r.type)?.name : undefined;
    if (!type) {
      refusals.push(
        `${model.file}: relocation type ${r.type} at +${r.offset} is not one Xen's loader applies`,
      );
      return { offset, type: "R_X86_64_NONE", target: "0" };
    }
    const high = lineBits ? r.addend - withoutLineBits(r.addend) : 0n;
    const target = targetExpression(diff, { ...r, addend: r.addend - high });
    return { offset, type, target: `${target}${signed(high)}` };
  }

  /** The expression for where a relocation of the patched object points, in the payload. */
  function targetExpression(diff: ObjectDiff, r: ElfRela): string {
    const model = diff.patched;
    const t = model.target(r);
    if (t.kind === "undefined") return `${externalTarget(t.name)}${signed(r.addend)}`;
    const unit = model.unitOf(t);
    if (unit) {
      const within = BigInt(t.offset - unit.start);
      const original = diff.pairs.get(unit);
      if (isIncluded(diff, unit)) {
        return `${refName(placeUnit(diff, unit))}${signed(within)}`;
      }
      if (unit.kind === "function") {
        // A split-off cold part jumps back into its function's body, which must be the
        // new one: it always comes along. Other unchanged functions stay the hypervisor's.
        if (original && !isColdPart(unit)) return `${quote(original.xenName)}${signed(within)}`;
        include(diff, unit);
        const name = placeUnit(diff, unit, unit.xenName);
        added.push(name);
        return `${refName(name)}${signed(within)}`;
      }
      if (
        original &&
        (isWritable(unit.section) || model.digest(unit) === diff.original.digest(original))
      ) {
        return `${quote(original.xenName)}${signed(within)}`;
      }
      if (!placed.has(`${idOf(diff)}:unit:${unit.symbol.index}`)) {
        notes.push(
          `${unit.xenName}: ${original ? "changed constant" : "new data"} copied into the payload`,
        );
      }
      return `${placeUnit(diff, unit)}${signed(within)}`;
    }
    if (
      isCode(t.section) &&
      !SUPPORT_CODE_SECTIONS.has(t.section.name) &&
      (isEntryCode(t.section) || model.units.some((u) => u.section.index === t.section.index))
    ) {
      // Assembly between or outside routines (a label with no FUNC() around it): a copy
      // of the whole section would be another hypervisor's code, not a reference to it.
      refusals.push(
        `${model.file}: a changed function reaches ${model.describeOffset(t.section, t.probe)} in ${t.section.name}, code outside any function symbol, which a payload can neither name nor copy`,
      );
      return "0";
    }
    if (
      isCode(t.section) ||
      !isWritable(t.section) ||
      !diff.original.elf.sectionNamed(t.section.name)
    ) {
      const keepName = SUPPORT_CODE_SECTIONS.has(t.section.name) ? t.section.name : undefined;
      return `${placeSection(diff, t.section, keepName)}${signed(BigInt(t.offset))}`;
    }
    refusals.push(
      `${model.file}: a changed function uses anonymous writable data in ${t.section.name}, which cannot be shared with the hypervisor's copy by name`,
    );
    return "0";
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

function blockLines(b: Block): string[] {
  const lines = [
    `\t.section ${quote(b.section)},"${b.flags}",${b.nobits ? "@nobits" : "@progbits"}`,
    `\t.balign ${b.align}`,
  ];
  if (b.symbol) lines.push(`\t.type ${quote(b.symbol.name)},@${b.symbol.type}`);
  lines.push(`${b.label}:`);
  if (b.nobits) lines.push(`\t.skip ${b.bytes.length}`);
  else {
    for (let i = 0; i < b.bytes.length; i += 16) {
      lines.push(
        `\t.byte ${[...b.bytes.subarray(i, i + 16)].map((x) => `0x${x.toString(16)}`).join(",")}`,
      );
    }
  }
  if (b.symbol) lines.push(`\t.size ${quote(b.symbol.name)},${b.symbol.size}`);
  for (const r of b.relocs) lines.push(`\t.reloc ${b.label}+${r.offset},${r.type},${r.target}`);
  return lines;
}

function funcsLines(
  entries: ReadonlyArray<{ name: string; symbol: string; size: number }>,
): string[] {
  if (entries.length === 0) return [];
  const lines = [`\t.section ".rodata.xlci.names","a",@progbits`];
  entries.forEach((e, i) => lines.push(`.Lxlci_name${i}:`, `\t.asciz ${quote(e.name)}`));
  lines.push(`\t.section ${quote(SECTION.funcs)},"aw",@progbits`, "\t.balign 8");
  entries.forEach((e, i) => {
    lines.push(
      `\t.quad .Lxlci_name${i}`,
      `\t.quad ${quote(e.symbol)}`,
      "\t.quad 0 /* old_addr: the hypervisor looks the name up */",
      `\t.long ${e.size}`,
      "\t.long 0 /* old_size: filled in from xen-syms */",
      `\t.byte ${LIVEPATCH_PAYLOAD_VERSION}`,
      `\t.skip ${LIVEPATCH_FUNC.size - 33}`,
    );
  });
  return lines;
}
