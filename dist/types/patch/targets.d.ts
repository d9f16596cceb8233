/** What a targeted rebuild makes, or why a full one is needed. */
export type RebuildPlan = {
    kind: "objects";
    objects: string[];
} | {
    kind: "full";
    reason: string;
};
/**
 * The objects (relative to `xen/`, as make takes them) that depend on `changed` (paths in
 * the tree, `xen/...`), or a full rebuild when the records cannot tell: a file that is not
 * C or assembly (`.S`) source or a header (a Makefile, Kconfig, a new file nothing depends on yet), a header
 * of the generated asm-offsets.h (whose regeneration only the full build does), or an
 * init-only object (made from another object by the full build).
 */
export declare function planRebuild(tree: string, changed: readonly string[]): Promise<RebuildPlan>;
