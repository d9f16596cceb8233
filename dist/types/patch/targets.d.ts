/** What a targeted rebuild makes, or why a full one is needed. */
export type RebuildPlan = {
    kind: "objects";
    objects: string[];
}
/** `asmOffsets`: the reason is a changed input of asm-offsets.h. */
 | {
    kind: "full";
    reason: string;
    asmOffsets?: boolean;
};
/**
 * The objects (relative to `xen/`, as make takes them) that depend on `changed` (paths in
 * the tree, `xen/...`), or a full rebuild when the records cannot tell: a file that is not
 * C or assembly (`.S`) source or a header (a Makefile, Kconfig, a new file nothing depends on yet), a header
 * of the generated asm-offsets.h (whose regeneration only the full build does), or an
 * init-only object (made from another object by the full build).
 */
export declare function planRebuild(tree: string, changed: readonly string[], 
/** The patch leaves asm-offsets.h as it is (see asm-offsets.ts): its inputs are headers like others. */
opts?: {
    asmOffsetsUnchanged?: boolean;
}): Promise<RebuildPlan>;
