import type { IgnoredChange, ObjectDiff } from "./changes.js";
import { type IncludeOptions, type PatchedFunction, type PayloadPlan } from "./include.js";
export { PatchRefusal } from "./patchability.js";
export type { PatchedFunction } from "./include.js";
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
export interface EmitOptions extends IncludeOptions {
    /** Leave changes to init code out (and report them) instead of refusing the patch. */
    ignoreInitChanges?: boolean;
    /** Copy changed read-only data into the payload instead of refusing the patch. */
    copyChangedConstants?: boolean;
}
/**
 * The payload source for the diffs of one patch (or one cumulative series): include,
 * check patchability, emit. Throws a PatchRefusal listing everything a livepatch cannot
 * do, or when nothing changed. (buildPatchPayloads runs the same passes with the data
 * layouts' refusals added.)
 */
export declare function emitPayloadSource(diffs: readonly ObjectDiff[], options?: EmitOptions): PayloadSource;
/** The payload's source and what it carries, from its plan and the init changes left out. */
export declare function payloadSource(plan: PayloadPlan, ignored: readonly IgnoredChange[]): PayloadSource;
