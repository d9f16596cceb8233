import { type IgnoredChange, type ObjectDiff } from "./object-diff.js";
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
export declare class PatchRefusal extends Error {
    readonly reasons: string[];
    name: string;
    constructor(reasons: string[]);
}
/**
 * The payload source for the diffs of one patch (or one cumulative series). Throws a
 * PatchRefusal listing everything a livepatch cannot do, or when nothing changed.
 */
export declare function emitPayloadSource(diffs: readonly ObjectDiff[], options?: EmitOptions): PayloadSource;
