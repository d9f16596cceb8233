import { ConfigurationError } from "../util/errors.js";
/** Security fixes are small; a megabyte of diff is a tree update, not a livepatch. */
export declare const MAX_PATCH_BYTES: number;
export interface Hunk {
    /** The `@@ -a,b +c,d @@` line. */
    header: string;
    oldStart: number;
    /** Lines the hunk spans before and after the patch (1 when the header omits it). */
    oldCount: number;
    newStart: number;
    newCount: number;
    /** 1-based line of the header in the patch file. */
    line: number;
}
export interface FilePatch {
    /** Path in the tree (after stripping `a/`), `xen/...`. */
    path: string;
    hunks: Hunk[];
}
export interface PatchFile {
    /** The path as given, resolved. */
    path: string;
    /** The payload name: the file's name without .patch/.diff, as [A-Za-z0-9_-]. */
    name: string;
    sha256: string;
    /** The files under `xen/` it changes: what the payload is built from. */
    files: FilePatch[];
    /** Files it changes outside `xen/`, left out of the build (tree paths, in patch order). */
    leftOut: string[];
}
/** What to do with a patch's files outside `xen/`: leave them out (listed), or refuse. */
export type OutsideXen = "leave-out" | "refuse";
export declare function patchPayloadName(path: string): string;
/**
 * Checks a patch's text; throws a ConfigurationError naming the patch and the line. Files
 * outside `xen/` are listed in `leftOut` (or, with `outside` "refuse", refused).
 */
export declare function parsePatch(path: string, text: string, outside?: OutsideXen): PatchFile;
export declare function readPatch(path: string, outside?: OutsideXen): Promise<PatchFile>;
/**
 * The mistake in a series whose patches give two payloads one name (payload names come
 * from the files' names, see patchPayloadName), if there is one.
 */
export declare function payloadNameClash(patches: readonly PatchFile[]): ConfigurationError | undefined;
/**
 * Applies a patch at `tree` (its root) with `git apply`, which refuses fuzz: a patch that
 * does not apply exactly is named with the file and the hunk that failed. The files it
 * leaves out (outside `xen/`) are not applied.
 */
export declare function applyPatch(patch: PatchFile, tree: string, logFile?: string): Promise<void>;
/** git apply's "patch failed: FILE:LINE" turned into the hunk of the patch file. */
export declare function applyFailure(patch: PatchFile, stderr: string): string;
/**
 * Whether some file of the patches has an unchanged line `from` that the patches move to
 * line `to`: what a `__LINE__` embedded in unchanged code turns into. Lines inside a hunk
 * (context included) are not counted as moved, lines between and after hunks are.
 */
export declare function linesMovedBy(patches: readonly PatchFile[]): (from: number, to: number) => boolean;
