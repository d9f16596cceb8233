/**
 * Every kind of scenario step, in the order messages list them. A new kind is a module of
 * this folder (see kind.ts) and its row here.
 */
import { apply } from "./apply.js";
import { key } from "./key.js";
import type { StepKind } from "./kind.js";
import { list } from "./list.js";
import { replace } from "./replace.js";
import { revert } from "./revert.js";
import { run } from "./run.js";
import { unload } from "./unload.js";
import { upload } from "./upload.js";

const TABLE = [upload, apply, revert, replace, unload, run, key, list] as const;

type ActionOf<K> = K extends StepKind<infer A> ? A : never;

/** A step's action: one of STEP_KINDS' actions, told apart by `kind`. */
export type StepAction = ActionOf<(typeof TABLE)[number]>;

/** The table, each row taken as a kind of any action (it is given only its own). */
export const STEP_KINDS = TABLE as unknown as readonly StepKind<StepAction>[];

/** The keys that name an action, in the table's order. */
export const ACTION_KEYS: readonly StepAction["kind"][] = STEP_KINDS.map((k) => k.key);

/** The kind of an action. */
export function stepKind<A extends StepAction>(action: A): StepKind<A> {
  return STEP_KINDS.find((k) => k.key === action.kind) as unknown as StepKind<A>;
}
