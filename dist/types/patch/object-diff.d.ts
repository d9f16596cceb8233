import type { DiffOptions, ObjectDiff } from "./changes.js";
import type { ObjectModel } from "./object-model.js";
export type { ChangedFunction, DiffOptions, IgnoredChange, LiveDataChange, LooseCodeChange, ObjectDiff, } from "./changes.js";
export { embeddedLineChange } from "./compare.js";
export { isEntryCode } from "./sections.js";
/**
 * The annotated diff of one object, its units correlated, compared and classified, with
 * the refusals check patchability finds in it alone (to look at one object: the builder
 * runs the passes itself and checks the payload as a whole in checkPatchability).
 */
export declare function diffObjects(original: ObjectModel, patched: ObjectModel, options?: DiffOptions): ObjectDiff & {
    refusals: string[];
};
/** Correlate, compare and classify one object's two versions. */
export declare function objectPasses(original: ObjectModel, patched: ObjectModel, options?: DiffOptions): ObjectDiff;
