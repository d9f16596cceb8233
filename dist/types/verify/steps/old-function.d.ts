import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import type { LoadedFunc } from "../loader-model.js";
import type { FindingLocation } from "../rules.js";
import type { StepContext } from "./context.js";
/** The function a funcs entry patches, as far as xen-syms tells. */
export interface OldFunction {
    readonly name: string;
    /** Where the patch starts (old_addr as the loader will compute it). */
    readonly address?: bigint;
    /**
     * The function's size when `address` is its first byte (left out for an old_addr
     * inside a function, which is reported on its own and not as an old_size overrun).
     */
    readonly size?: number;
    readonly bytes?: Uint8Array;
}
/** One funcs entry as findings name it. */
export interface EntryLabel {
    readonly label: string;
    readonly where: FindingLocation;
}
/**
 * old_addr as prepare_payload() reads it, after relocation: "stop" when the entry goes no
 * further in the loader (or crashes it), undefined when the value is not known (then the
 * entry is judged from the file, fileOldFunction).
 */
export declare function loadedOldFunction(ctx: StepContext, lf: LoadedFunc | undefined, { label, where }: EntryLabel): OldFunction | "stop" | undefined;
/** livepatch_verify_distance() and where new_addr leads: "stop" when the loader refuses. */
export declare function checkNewAddr(ctx: StepContext, lf: LoadedFunc | undefined, old: OldFunction | undefined, { label, where }: EntryLabel): "stop" | undefined;
/**
 * Where the old function is (by name, through the old_addr relocation, or at an absolute
 * old_addr), its size from there to its end in xen-syms, and its code.
 */
export declare function fileOldFunction(ctx: StepContext, f: LivepatchFuncEntry, { label, where }: EntryLabel): OldFunction | undefined;
