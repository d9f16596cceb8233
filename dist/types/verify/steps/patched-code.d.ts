/**
 * Beyond the loader: what arch_livepatch_apply() (xen/arch/x86/livepatch.c) overwrites, as
 * instructions. No loader checks this; a patch that breaks it is accepted and crashes or
 * misbehaves once the patched code runs.
 */
import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import { type StepContext } from "./context.js";
import type { EntryLabel, OldFunction } from "./old-function.js";
/**
 * The 5-byte jump or the NOP run (after ENDBR64 where the function starts with one) must
 * end on an instruction boundary inside the function, and no direct branch of xen-syms may
 * land inside the overwritten bytes other than at their start.
 */
export declare function checkPatchedInstructions(ctx: StepContext, f: LivepatchFuncEntry, old: OldFunction | undefined, replaces: boolean, { label, where }: EntryLabel): void;
