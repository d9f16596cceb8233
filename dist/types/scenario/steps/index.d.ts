import type { StepKind } from "./kind.js";
declare const TABLE: readonly [StepKind<import("./payload.js").PayloadAction<"upload">>, StepKind<import("./apply.js").ApplyAction>, StepKind<import("./payload.js").PayloadAction<"revert">>, StepKind<import("./payload.js").PayloadAction<"replace">>, StepKind<import("./payload.js").PayloadAction<"unload">>, StepKind<import("./run.js").RunAction>, StepKind<import("./key.js").KeyAction>, StepKind<import("./list.js").ListAction>];
type ActionOf<K> = K extends StepKind<infer A> ? A : never;
/** A step's action: one of STEP_KINDS' actions, told apart by `kind`. */
export type StepAction = ActionOf<(typeof TABLE)[number]>;
/** The table, each row taken as a kind of any action (it is given only its own). */
export declare const STEP_KINDS: readonly StepKind<StepAction>[];
/** The keys that name an action, in the table's order. */
export declare const ACTION_KEYS: readonly StepAction["kind"][];
/** The kind of an action. */
export declare function stepKind<A extends StepAction>(action: A): StepKind<A>;
export {};
