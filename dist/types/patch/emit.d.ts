import type { ObjectDiff } from "./object-diff.js";
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
    /** Data and strings copied in, and references left to the hypervisor, for the log. */
    notes: string[];
}
export declare class PatchRefusal extends Error {
    readonly reasons: string[];
    name: string;
    constructor(reasons: string[]);
}
/**
 * The payload source for the diffs of one patch (or one cumulative series). Throws a
 * PatchRefusal listing everything a livepatch cannot do, or when nothing changed.
 */
export declare function emitPayloadSource(diffs: readonly ObjectDiff[]): PayloadSource;
