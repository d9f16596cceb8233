/**
 * What a patch changed in one object: functions compared symbol by symbol between the
 * base's build and the patched build, with the correlations a rebuild needs (renumbered
 * clones and statics, strings compared by text, bug frames without their line numbers),
 * and what a livepatch cannot do refused with the reason.
 */
import type { ElfSection } from "../elf/reader.js";
import { type ObjectModel, type Unit } from "./object-model.js";
/** A jump to the new code is 5 bytes (e9 rel32): a shorter function cannot hold it. */
export declare const MIN_PATCHABLE_SIZE = 5;
export interface ChangedFunction {
    /** The function in the patched object. */
    unit: Unit;
    /** The same function in the base's object. */
    original: Unit;
    /** Why it differs, for the log. */
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
    /** The base's version of each patched unit that has one. */
    pairs: Map<Unit, Unit>;
}
export declare function diffObjects(original: ObjectModel, patched: ObjectModel): ObjectDiff;
