import type { InclusionProblem, ObjectDiff } from "./changes.js";
export interface PatchedFunction {
    /** The function's name in the hypervisor (`file#name` when static). */
    name: string;
    object: string;
    size: number;
    why: string;
}
/** One piece of the payload: a section of its own holding a copy, with its relocations. */
export interface Block {
    label: string;
    section: string;
    flags: string;
    nobits: boolean;
    align: number;
    symbol?: {
        name: string;
        type: "function" | "object";
        size: number;
    };
    bytes: Uint8Array;
    relocs: Array<{
        offset: number;
        type: string;
        target: string;
    }>;
}
/** A `.livepatch.funcs` entry: the hypervisor's function and its replacement's symbol. */
export interface FuncEntry {
    name: string;
    symbol: string;
    size: number;
}
export interface PayloadPlan {
    blocks: Block[];
    funcEntries: FuncEntry[];
    functions: PatchedFunction[];
    /**
     * Functions the payload carries without a function entry: new ones (called from the
     * changed ones, or hooks) and the cold parts of the changed ones.
     */
    added: string[];
    /** Every symbol name the payload defines (a later payload of a stack must not reuse one). */
    symbols: string[];
    /** Data and strings copied in, and references left to the hypervisor, for the log. */
    notes: string[];
    /** What cannot be carried (refused by check patchability). */
    problems: InclusionProblem[];
}
export interface IncludeOptions {
    /**
     * Whether the hypervisor's symbol table or an earlier payload of the stack has a name.
     * Xen refuses a payload whose new symbol has such a name (build_symbol_table() in
     * xen/common/livepatch.c: "duplicate new symbol"), so a copy gets a name of its own.
     */
    nameTaken?: (name: string) => boolean;
    /** The payload's name: what makes a renamed copy's name its own (`foo.cold.lp<hash>`). */
    payloadName?: string;
}
export declare const quote: (name: string) => string;
/**
 * The plan of the payload for the diffs of one patch (or one cumulative series): the
 * changed functions first (each named like the function it replaces: Xen accepts that
 * name because it is a function entry's new_addr), then the new ones, the hooks, and the
 * special-section entries of what was included; what they reference follows as met.
 */
export declare function includeInPayload(diffs: readonly ObjectDiff[], options?: IncludeOptions): PayloadPlan;
