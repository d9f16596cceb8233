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
export declare function readOnlyStores(diff: ObjectDiff): ReadOnlyStore[];
/** The per-CPU variables (DEFINE_PER_CPU) the patch adds to the object: no base counterpart. */
export declare function newPerCpuData(diff: ObjectDiff): Unit[];
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
export declare function changedConstants(diff: ObjectDiff): Array<{
    unit: Unit;
    global: boolean;
    readers: ConstantReaders;
}>;
