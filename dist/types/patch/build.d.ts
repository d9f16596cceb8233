import { type BuildXenBaseOptions, type XenBase } from "../base/xen.js";
import { type ExpectationsMode, type SourcePayload } from "../payload/sources.js";
import type { XenSourceIdentity } from "../source/types.js";
import { type IgnoredChange } from "./object-diff.js";
import { type PatchedFunction } from "./emit.js";
export type PatchMode = "stacked" | "independent" | "cumulative";
export interface BuildPatchPayloadsOptions {
    base: XenBase;
    /** How the base was built: the patched tree is rebuilt the same way. */
    baseOptions: BuildXenBaseOptions;
    source: XenSourceIdentity;
    /** Patch files, in series order. */
    patches: readonly string[];
    mode: PatchMode;
    expectations: ExpectationsMode;
    metadata?: Readonly<Record<string, string>>;
    /**
     * Build the runtime part of a patch that also changes init code, listing the init
     * changes as ignored, instead of refusing it (the `ignore-init-changes` input).
     */
    ignoreInitChanges?: boolean;
    /**
     * Build even when a structure or union the changed units use changes its layout (the
     * `allow-layout-changes` input), for an author who handled the live instances; the
     * change is then a warning in the payload's notes instead of a refusal.
     */
    allowLayoutChanges?: boolean;
    outDir: string;
    /** Where each payload's generated source is kept (the run's output directory). */
    sourcesDir: string;
    logFile?: string;
}
export interface PatchPayload extends SourcePayload {
    /** The patches the payload was built from, with their digests. */
    patches: Array<{
        path: string;
        sha256: string;
    }>;
    functions: PatchedFunction[];
    added: string[];
    /** Init code the patch changes, left out on request (`ignoreInitChanges`). */
    ignored: IgnoredChange[];
}
export declare function buildPatchPayloads(opts: BuildPatchPayloadsOptions): Promise<PatchPayload[]>;
/**
 * Whether a changed object is boot code, and why: x86 boot code is built as 32-bit
 * objects, and from Xen 4.20 `arch/x86/boot/` also holds 64-bit ones (built-in-32.o made
 * by tools/combine_two_binaries.py, reloc-trampoline.o; aa9045e771, db8acf31f9), so the
 * directory is boot code too. `path` is the object's path in the tree (`xen/...`).
 */
export declare function bootCode(path: string, bytes: Uint8Array): string | undefined;
