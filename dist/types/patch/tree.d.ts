/** The linked sources of a patchable tree: paths in the tree, and the time they are older than. */
export interface LinkedSources {
    files: string[];
    /** Milliseconds: the base's `xen/.config`, the first thing its build wrote. */
    before: number;
}
/**
 * Makes `tree` (an empty directory) the base's hypervisor tree as sources.ts
 * copyHypervisorTree does: the top-level files and `config/` copied, `xen/` hard-linked
 * except what the base's build wrote (modified at or after its `xen/.config`), times kept.
 * Returns the linked files, or undefined when the base has no `xen/.config` (then it is a
 * plain copy).
 */
export declare function patchableTree(baseTree: string, tree: string, logFile?: string): Promise<LinkedSources | undefined>;
/**
 * Replaces each of `paths` (in the tree) that is still a link to the base's file with a
 * copy of it, times kept, so writing it leaves the base alone. Other paths (already
 * copies, perhaps patched by an earlier step; new files) are left as they are.
 */
export declare function breakLinks(baseTree: string, tree: string, paths: readonly string[]): Promise<void>;
/**
 * Throws when a linked source of the tree was written (its time is no longer older than
 * the base's build): the cached base then holds the write and must be rebuilt.
 */
export declare function unchangedSources(baseTree: string, tree: string, linked: LinkedSources): Promise<void>;
