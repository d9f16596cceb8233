/**
 * Correlate: which unit of the patched object is which unit of the base's object. By
 * kind and name first, then through renumbered clones and statics (`foo.isra.0`,
 * `calls.1`) where the match is unambiguous.
 */
import { type ObjectModel, type Unit } from "./object-model.js";
/** The base's unit of each patched unit that has one. */
export declare function correlate(original: ObjectModel, patched: ObjectModel): Map<Unit, Unit>;
/** The units a function's relocations point at, in its own object. */
export declare function referencedUnits(model: ObjectModel, fn: Unit): Set<Unit>;
