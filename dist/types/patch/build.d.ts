import { type BuildXenBaseOptions, type XenBase } from "../base/xen.js";
import { type ExpectationsMode, type SourcePayload } from "../payload/sources.js";
import type { XenSourceIdentity } from "../source/types.js";
import type { IgnoredChange } from "./changes.js";
import { type PatchedFunction } from "./include.js";
import { type PatchFile } from "./series.js";
export { bootCode } from "./patchability.js";
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
    /**
     * Copy read-only data the patch changes into the payload, patching its runtime readers,
     * instead of refusing it (`copy-changed-constants`).
     */
    copyChangedConstants?: boolean;
    /** Refuse a patch's files outside xen/ instead of leaving them out (`refuse-outside-xen`). */
    refuseOutsideXen?: boolean;
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
    /** Files the patches change outside xen/, left out of the build (`patch: path`). */
    leftOut: string[];
}
/**
 * Builds a payload per patch (stacked, independent) or one for the series (cumulative).
 * Throws a ConfigurationError (input `patches`) listing every reason a patch cannot be a
 * livepatch, and a PayloadCompileError when the patched hypervisor does not build.
 */
export declare function buildPatchPayloads(opts: BuildPatchPayloadsOptions): Promise<PatchPayload[]>;
/**
 * Why a patch cannot change the hypervisor's code, decided by its text before anything is
 * copied or compiled: every file it changes is Kconfig (the base's .config is fixed, and a
 * livepatch changes code, not the configuration it was built with) or documentation.
 * Undefined when a file may change what is compiled (source, header, Makefile, script).
 */
export declare function nothingToCompile(patch: PatchFile): string | undefined;
/**
 * The makes that rebuild `goals` (paths of objects under xen/, as make takes them), in
 * order, each a `make -jN` of its goals: one make of them all, except that of two or more
 * goals directly in arch/x86 all but the first wait for a second make. Xen's single-object
 * goals each run a sub-make of their own, and two of arch/x86's at once both regenerate
 * arch/x86/asm-macros.i ("fixdep: error opening file: arch/x86/.asm-macros.i.d"); in a
 * patch's tree it is always out of date, as kbuild remakes a file whose command line
 * changed and the tree's -ffile-prefix-map names the tree.
 */
export declare function rebuildBatches(goals: readonly string[]): string[][];
