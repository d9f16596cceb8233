import type { DiffOptions, InclusionProblem, ObjectDiff } from "./changes.js";
import type { LayoutChange } from "./layout.js";
/** A patch a livepatch cannot be made of, with every reason. */
export declare class PatchRefusal extends Error {
    readonly reasons: string[];
    name: string;
    constructor(reasons: string[]);
}
/** A rule over one object's diff: the refusals it finds, each naming the function or data. */
interface ObjectCheck {
    name: string;
    refusals: (diff: ObjectDiff) => string[];
}
export declare const OBJECT_CHECKS: readonly ObjectCheck[];
/** The refusals of one object's diff, rule by rule. */
export declare function objectRefusals(diff: ObjectDiff): string[];
export interface PatchabilityInput {
    diffs: readonly ObjectDiff[];
    /** Refusals of data layouts (layoutFindings), first in the report. */
    layout?: readonly string[];
    /** Whether init changes are left out (ignore-init-changes) instead of refused. */
    ignoreInitChanges?: boolean;
    /** What the include pass could not carry. */
    problems?: readonly InclusionProblem[];
    /** How many function entries the payload would have. */
    functionEntries: number;
    /** Whether changed read-only data is copied into the payload (copy-changed-constants). */
    copyChangedConstants?: boolean;
}
/** Every reason the patch cannot be a livepatch, in report order; empty when it can. */
export declare function checkPatchability(input: PatchabilityInput): string[];
/**
 * Data layouts the changed units see differently (layout.ts): refusals, or with
 * allow-layout-changes warnings for the payload's notes. `users` names the changed
 * functions of each object, for the message.
 */
export declare function layoutFindings(layouts: readonly LayoutChange[], diffs: readonly ObjectDiff[], allowLayoutChanges: boolean): {
    refusals: string[];
    warnings: string[];
};
/**
 * Whether a changed object is boot code, and why: x86 boot code is built as 32-bit
 * objects, and from Xen 4.20 `arch/x86/boot/` also holds 64-bit ones (built-in-32.o made
 * by tools/combine_two_binaries.py, reloc-trampoline.o; aa9045e771, db8acf31f9), so the
 * directory is boot code too. `path` is the object's path in the tree (`xen/...`).
 */
export declare function bootCode(path: string, bytes: Uint8Array): string | undefined;
/**
 * The refusal of a changed object that is boot code (bootCode), or undefined. A whole
 * object is refused before it is compared: nothing of it can be patched.
 */
export declare function bootCodeRefusal(path: string, bytes: Uint8Array): string | undefined;
/** Why a change to entry code is refused, naming the routine or place. */
export declare function entryCodeRefusal(what: string, object: string, section: string): string;
/**
 * Why changed code outside any function symbol is refused. Before Xen 4.19 assembly has
 * no FUNC()/END() annotations, so the refusal says from which version it can be patched.
 */
export declare function untypedCodeRefusal(where: string, version: DiffOptions["xenVersion"]): string;
export {};
