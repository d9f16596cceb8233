/**
 * Classify: what each compared unit is to the payload, by the first row of CLASSES
 * whose predicate holds: a changed function (a function entry), a new one (carried),
 * init code or data (refused, or left out on request), live data the patch changes
 * (refused by check patchability), or nothing to do.
 */
import type { ChangedFunction, ObjectDiff } from "./changes.js";
import type { Comparison, UnitComparison } from "./compare.js";
import { type ObjectModel, type Unit, isColdPart } from "./object-model.js";
import { isWritable } from "./sections.js";

/** A row of the classification: a named predicate and what a unit it holds for becomes. */
interface UnitClass {
  name: string;
  holds: (c: UnitComparison) => boolean;
  /** Records the unit in the diff; `c.original` is set where `holds` says so. */
  record: (c: UnitComparison, diff: ObjectDiff) => void;
}

const isFunction = (c: UnitComparison) => c.unit.kind === "function";
const isData = (c: UnitComparison) => c.unit.kind === "object" && c.original !== undefined;
const isInit = (unit: Unit) => /^\.init\b|\.init\./.test(unit.section.name);
const initChange = (diff: ObjectDiff, name: string, why: string) =>
  diff.initChanges.push({ name, object: diff.patched.file, why });

export const CLASSES: readonly UnitClass[] = [
  {
    name: "new init code",
    holds: (c) => isFunction(c) && !c.original && isInit(c.unit),
    record: (c, diff) =>
      initChange(
        diff,
        c.unit.xenName,
        "new init code: a livepatch is applied after boot, so it would never run",
      ),
  },
  {
    name: "new function",
    holds: (c) => isFunction(c) && !c.original,
    record: (c, diff) => diff.added.push(c.unit),
  },
  {
    name: "changed init code",
    holds: (c) => isFunction(c) && c.difference !== undefined && isInit(c.unit),
    record: (c, diff) =>
      initChange(
        diff,
        c.original!.xenName,
        `init code (${c.unit.section.name}), which ran at boot and is gone: ${c.difference}`,
      ),
  },
  {
    name: "changed function",
    holds: (c) => isFunction(c) && c.difference !== undefined,
    record: (c, diff) =>
      diff.changed.push({ unit: c.unit, original: c.original!, why: c.difference! }),
  },
  {
    // A changed constant is copied into the payload where the new code uses it, when
    // asked (copy-changed-constants); check patchability refuses it otherwise.
    name: "constant",
    holds: (c) => isData(c) && !isWritable(c.unit.section),
    record: (c, diff) => {
      if (c.valueChanged || c.sizeChanged)
        diff.changedConstants.push({ unit: c.unit, original: c.original! });
    },
  },
  {
    name: "changed init data",
    holds: (c) => isData(c) && isInit(c.unit) && c.valueChanged === true,
    record: (c, diff) =>
      initChange(
        diff,
        c.original!.xenName,
        `init data (${c.unit.section.name}) changed: it was used at boot and is gone`,
      ),
  },
  {
    name: "resized live data",
    holds: (c) => isData(c) && !isInit(c.unit) && c.sizeChanged === true,
    record: (c, diff) =>
      diff.liveData.push({ unit: c.unit, original: c.original!, change: "size" }),
  },
  {
    name: "reinitialised live data",
    holds: (c) => isData(c) && !isInit(c.unit) && c.valueChanged === true,
    record: (c, diff) =>
      diff.liveData.push({ unit: c.unit, original: c.original!, change: "initial value" }),
  },
];

/** The annotated diff of one object from its correlation and comparison. */
export function classify(
  original: ObjectModel,
  patched: ObjectModel,
  pairs: Map<Unit, Unit>,
  comparison: Comparison,
): ObjectDiff {
  const diff: ObjectDiff = {
    original,
    patched,
    changed: [],
    added: [],
    hooks: comparison.hooks,
    initChanges: [],
    liveData: [],
    changedConstants: [],
    looseCode: comparison.looseCode,
    pairs,
  };
  for (const c of comparison.units) CLASSES.find((k) => k.holds(c))?.record(c, diff);
  diff.changed = foldColdParts(diff.changed, patched, pairs);
  return diff;
}

/**
 * A split-off cold part is entered only from its function: the function is what changes
 * (`its cold part foo.cold changed`). Sorted by name, the order of the function entries.
 */
function foldColdParts(
  found: readonly ChangedFunction[],
  patched: ObjectModel,
  pairs: ReadonlyMap<Unit, Unit>,
): ChangedFunction[] {
  const changed = [...found];
  for (const c of found) {
    if (!isColdPart(c.unit)) continue;
    changed.splice(changed.indexOf(c), 1);
    const parentName = c.unit.name.replace(/\.cold$/, "");
    const parent = patched.units.find((u) => u.kind === "function" && u.name === parentName);
    const parentBefore = parent && pairs.get(parent);
    if (parent && parentBefore && !changed.some((d) => d.unit === parent)) {
      changed.push({
        unit: parent,
        original: parentBefore,
        why: `its cold part ${c.unit.name} changed`,
      });
    }
  }
  return changed.sort((a, b) => a.unit.name.localeCompare(b.unit.name));
}

/**
 * An init-only file (compiled to X.o, renamed X.init.o): all of it is one init change.
 * Its correlation stays: another object's new code may name one of its globals.
 */
export function classifyInitOnly(
  original: ObjectModel,
  patched: ObjectModel,
  pairs: Map<Unit, Unit>,
): ObjectDiff {
  return {
    original,
    patched,
    changed: [],
    added: [],
    hooks: [],
    initChanges: [
      {
        name: patched.file,
        object: patched.file,
        why: "an init-only file (linked as .init), which ran at boot and is gone",
      },
    ],
    liveData: [],
    changedConstants: [],
    looseCode: [],
    pairs,
  };
}
