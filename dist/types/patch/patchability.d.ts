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
/** Why a change to entry code is refused, naming the routine or place. */
export declare function entryCodeRefusal(what: string, object: string, section: string): string;
/**
 * Why changed code outside any function symbol is refused. Before Xen 4.19 assembly has
 * no FUNC()/END() annotations, so the refusal says from which version it can be patched.
 */
export declare function untypedCodeRefusal(where: string, version: DiffOptions["xenVersion"]): string;
export {};
