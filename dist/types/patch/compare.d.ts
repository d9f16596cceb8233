import type { ElfSection } from "../elf/reader.js";
import type { DiffOptions, LooseCodeChange } from "./changes.js";
import { type ObjectModel, type Unit } from "./object-model.js";
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
export declare function compare(original: ObjectModel, patched: ObjectModel, pairs: ReadonlyMap<Unit, Unit>, options?: DiffOptions): Comparison;
/**
 * Whether two equally long codes differ only in 32-bit immediates that read as line
 * numbers (1 to 65535) moved by one and the same distance: `__LINE__` passed on as an
 * argument (domain_crash(), dprintk()) after lines were added or removed above it.
 * Returns the first such number before and after, or undefined for any other difference.
 */
export declare function embeddedLineChange(a: Uint8Array, b: Uint8Array): {
    from: number;
    to: number;
} | undefined;
