/**
 * What a patch changed in one object: the per-object passes in order, correlate
 * (correlate.ts), compare (compare.ts) and classify (classify.ts), giving the annotated
 * diff (changes.ts) that check patchability and the include pass read.
 */
import { classify } from "./classify.js";
import type { DiffOptions, ObjectDiff } from "./changes.js";
import { compare } from "./compare.js";
import { correlate } from "./correlate.js";
import type { ObjectModel } from "./object-model.js";
import { objectRefusals } from "./patchability.js";

export type {
  ChangedFunction,
  DiffOptions,
  IgnoredChange,
  LiveDataChange,
  LooseCodeChange,
  ObjectDiff,
} from "./changes.js";
export { embeddedLineChange } from "./compare.js";
export { isEntryCode } from "./sections.js";

/**
 * The annotated diff of one object, its units correlated, compared and classified, with
 * the refusals check patchability finds in it alone (to look at one object: the builder
 * runs the passes itself and checks the payload as a whole in checkPatchability).
 */
export function diffObjects(
  original: ObjectModel,
  patched: ObjectModel,
  options: DiffOptions = {},
): ObjectDiff & { refusals: string[] } {
  const diff = objectPasses(original, patched, options);
  return { ...diff, refusals: objectRefusals(diff) };
}

/** Correlate, compare and classify one object's two versions. */
export function objectPasses(
  original: ObjectModel,
  patched: ObjectModel,
  options: DiffOptions = {},
): ObjectDiff {
  const pairs = correlate(original, patched);
  const diff = classify(original, patched, pairs, compare(original, patched, pairs, options));
  return options.xenVersion ? { ...diff, xenVersion: options.xenVersion } : diff;
}
