/**
 * What a payload's code may not do with the hypervisor's data at run time, found in one
 * object's diff for check patchability to refuse: store into memory Xen maps read-only
 * once it has booted, or bring per-CPU data of its own.
 */
import { STB_LOCAL } from "../elf/constants.js";
import { decodeMemoryStores, storeInto } from "../livepatch/xen-code.js";
import { isPerCpuSection, isReadOnlyAfterBoot } from "../xen/abi.js";
import type { ObjectDiff } from "./changes.js";
import type { Unit } from "./object-model.js";

/** A store of payload code into read-only-after-boot data: the function, instruction, variable. */
export interface ReadOnlyStore {
  unit: Unit;
  /** Offset of the instruction from the function's start. */
  at: number;
  instruction: string;
  variable: string;
  section: string;
}

/**
 * The stores of the changed and new functions (hook functions aside: Xen runs hooks while
 * that memory is writable) whose memory destination a relocation points into a section
 * Xen maps read-only after boot (isReadOnlyAfterBoot: `.data.ro_after_init`, `.rodata`).
 * Seen within the object only: a store into another object's `__ro_after_init` variable
 * is an undefined symbol here, and the verifier's rule `store-read-only` finds it.
 *
 * @throws Error when loadX86Decoder() has not run (the builder loads it with xen-syms).
 */
export function readOnlyStores(diff: ObjectDiff): ReadOnlyStore[] {
  const model = diff.patched;
  const hooks = new Set<Unit>();
  for (const section of diff.hooks) {
    for (const r of model.relocations(section)) {
      const t = model.target(r);
      const unit = t.kind === "section" ? model.unitOf(t) : undefined;
      if (unit) hooks.add(unit);
    }
  }
  const code = [...diff.changed.map((c) => c.unit), ...diff.added].filter((u) => !hooks.has(u));
  return code.flatMap((unit) => {
    const relocated = new Map(unit.relas.map((r) => [unit.start + Number(r.offset), r]));
    const bytes = model.elf.data(unit.section);
    return decodeMemoryStores(bytes, unit.start, unit.start + unit.size).flatMap((store) => {
      const r = relocated.get(store.field);
      const t = r && model.target(r);
      if (!t || t.kind !== "section" || !isReadOnlyAfterBoot(t.section.name)) return [];
      // A RIP-relative operand's addend counts back from the instruction's end.
      const place = t.offset + (store.end - store.field);
      const data = model.unitOf({ ...t, probe: place });
      const variable = data?.xenName ?? model.describeOffset(t.section, place);
      return [
        {
          unit,
          at: store.offset - unit.start,
          instruction: storeInto(store, variable),
          variable,
          section: t.section.name,
        },
      ];
    });
  });
}

/** The per-CPU variables (DEFINE_PER_CPU) the patch adds to the object: no base counterpart. */
export function newPerCpuData(diff: ObjectDiff): Unit[] {
  const paired = new Set(diff.pairs.keys());
  return diff.patched.units.filter(
    (u) => u.kind === "object" && isPerCpuSection(u.section.name) && !paired.has(u),
  );
}

/** Tables the compiler makes for one function (switch lookups, `__func__`): read only by it. */
const COMPILER_TABLE = /^(CSWTCH|__func__|__PRETTY_FUNCTION__)(\.\d+)?$/;

/** What reads a changed constant in its object: runtime and init functions, and data. */
export interface ConstantReaders {
  runtime: string[];
  init: string[];
  /** Data objects holding its address (a pointer the payload cannot move). */
  data: string[];
}

/**
 * The changed constants of an object a payload would have to copy (compiler-made tables
 * aside: their one reader is the function they belong to), each with its readers there.
 * Readers in other objects are not recompiled and keep the hypervisor's table.
 */
export function changedConstants(
  diff: ObjectDiff,
): Array<{ unit: Unit; global: boolean; readers: ConstantReaders }> {
  const model = diff.patched;
  return diff.changedConstants
    .filter((c) => !COMPILER_TABLE.test(c.unit.name))
    .map(({ unit }) => {
      const readers: ConstantReaders = { runtime: [], init: [], data: [] };
      const alone = model.units.filter((u) => u.section.index === unit.section.index).length === 1;
      for (const u of model.units) {
        // The compiler also reaches a table through a pointer just outside it (a loop's
        // base biased by its first index): in a section of its own, any offset is it.
        const reads = u.relas.some((r) => {
          const t = model.target(r);
          if (t.kind !== "section") return false;
          return model.unitOf(t) === unit || (alone && t.section.index === unit.section.index);
        });
        if (!reads || u === unit) continue;
        if (u.kind === "object") readers.data.push(u.xenName);
        else if (/^\.init\b|\.init\./.test(u.section.name)) readers.init.push(u.xenName);
        else readers.runtime.push(u.xenName);
      }
      return { unit, global: unit.symbol.bind !== STB_LOCAL, readers };
    });
}
