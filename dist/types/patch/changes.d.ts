/**
 * The annotated model the builder's passes share: for each recompiled object, its two
 * versions, how their symbols correlate, and what each pass found in them. Correlate
 * (correlate.ts) fills `pairs`; compare and classify (compare.ts, classify.ts) fill the
 * rest; check patchability (patchability.ts) reads it all and is the one place that refuses.
 */
import type { ElfSection } from "../elf/reader.js";
import type { XenVersion } from "../xen/version.js";
import type { ObjectModel, Unit } from "./object-model.js";
export interface ChangedFunction {
    /** The function in the patched object. */
    unit: Unit;
    /** The same function in the base's object. */
    original: Unit;
    /** Why it differs, for the log. */
    why: string;
}
/** A change to init code: refused, or on request left out of the payload and reported. */
export interface IgnoredChange {
    /** The function or data in the hypervisor's terms (`file#name` when static), or the object. */
    name: string;
    object: string;
    why: string;
}
/** Live (writable, runtime) data whose size or initial value the patch changes. */
export interface LiveDataChange {
    unit: Unit;
    original: Unit;
    change: "size" | "initial value";
}
/** Read-only data (a `static const` table) whose contents or size the patch changes. */
export interface ChangedConstant {
    unit: Unit;
    original: Unit;
}
/** Changed code outside any function symbol: where it first differs. */
export interface LooseCodeChange {
    section: ElfSection;
    at: number;
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
    /** Changes to init code, which ran at boot: refused unless the caller ignores them. */
    initChanges: IgnoredChange[];
    /** Live data the patch changes (refused: the hypervisor's copy keeps its old state). */
    liveData: LiveDataChange[];
    /**
     * Read-only data the patch changes: refused unless copy-changed-constants gives the
     * payload its own copy (its readers reference the copy and so are patched).
     */
    changedConstants: ChangedConstant[];
    /** Changed code outside any function symbol (refused). */
    looseCode: LooseCodeChange[];
    /** The base's version of each patched unit that has one. */
    pairs: Map<Unit, Unit>;
    /** The hypervisor's version, which some refusals name (DiffOptions.xenVersion). */
    xenVersion?: DiffOptions["xenVersion"];
}
/**
 * What the include pass met that a payload cannot carry, for check patchability to
 * refuse: a copied function that would not run from elsewhere, a relocation Xen's loader
 * does not apply, code outside any function symbol, anonymous writable data.
 */
export type InclusionProblem = {
    kind: "copy";
    unit: Unit;
    object: string;
    issue: string;
} | {
    kind: "relocation";
    object: string;
    type: number;
    offset: bigint;
} | {
    kind: "loose code";
    object: string;
    where: string;
    section: string;
} | {
    kind: "anonymous data";
    object: string;
    section: string;
};
export interface DiffOptions {
    /**
     * Whether the patch moves an unchanged line `from` to `to` (see linesMovedBy in
     * series.ts): a function whose code differs only by such a number is said to.
     */
    lineMoved?: (from: number, to: number) => boolean;
    /**
     * The hypervisor's version: a refusal of untyped assembly says from which version
     * assembly routines can be patched (ASSEMBLY_FUNCTION_SYMBOLS).
     */
    xenVersion?: Pick<XenVersion, "major" | "minor" | "patch" | "text">;
}
