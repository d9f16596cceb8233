/**
 * Classify: what each compared unit is to the payload, by the first row of CLASSES
 * whose predicate holds: a changed function (a function entry), a new one (carried),
 * init code or data (refused, or left out on request), live data the patch changes
 * (refused by check patchability), or nothing to do.
 */
import type { ObjectDiff } from "./changes.js";
import type { Comparison, UnitComparison } from "./compare.js";
import { type ObjectModel, type Unit } from "./object-model.js";
/** A row of the classification: a named predicate and what a unit it holds for becomes. */
interface UnitClass {
    name: string;
    holds: (c: UnitComparison) => boolean;
    /** Records the unit in the diff; `c.original` is set where `holds` says so. */
    record: (c: UnitComparison, diff: ObjectDiff) => void;
}
export declare const CLASSES: readonly UnitClass[];
/** The annotated diff of one object from its correlation and comparison. */
export declare function classify(original: ObjectModel, patched: ObjectModel, pairs: Map<Unit, Unit>, comparison: Comparison): ObjectDiff;
/**
 * An init-only file (compiled to X.o, renamed X.init.o): all of it is one init change.
 * Its correlation stays: another object's new code may name one of its globals.
 */
export declare function classifyInitOnly(original: ObjectModel, patched: ObjectModel, pairs: Map<Unit, Unit>): ObjectDiff;
export {};
