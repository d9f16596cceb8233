import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import { type StepContext } from "./context.js";
import type { EntryLabel, OldFunction } from "./old-function.js";
export declare function checkExpectation(ctx: StepContext, f: LivepatchFuncEntry, oldFunction: OldFunction | undefined, { label, where }: EntryLabel): void;
