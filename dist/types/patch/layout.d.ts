/** A type whose layout differs between the base and the patched build of a unit. */
export interface LayoutChange {
    /** `struct timers`, `union foo`. */
    type: string;
    /** The objects (`xen/common/timer.o`) whose units use it. */
    objects: string[];
    /** What differs, for a person: size and members moved, added, removed or retyped. */
    what: string;
}
export interface LayoutInput {
    /** The base's built tree and the patched one (each holding `xen/`). */
    baseTree: string;
    patchedTree: string;
    /** Changed objects, by path in the tree (`xen/common/timer.o`); new objects are skipped. */
    objects: readonly string[];
    /** The build's environment (compiler cache, PATH), as the rebuild ran. */
    env: Record<string, string | undefined>;
    logFile?: string;
}
/**
 * The layout changes of the types the changed units use. Units that are not C (assembly)
 * or that the base lacks are not compared. Throws MissingProgramError (naming Debian's
 * dwarves package) when `pahole` is not installed.
 */
export declare function compareLayouts(input: LayoutInput): Promise<LayoutChange[]>;
/** The compile command Xen's build recorded for `object` (kbuild's `cmd_<object> := ...`). */
export declare function recordedCommand(cmdFile: string, object: string): string | undefined;
/**
 * The recorded command turned into one that writes debug information to `out` and
 * nothing else: `-g` added, the dependency-file options and the output replaced.
 */
export declare function debugCommand(command: string, out: string): string | undefined;
interface Layout {
    text: string;
    size: string | undefined;
    members: Map<string, string>;
}
/**
 * pahole's output, type by type: `struct NAME {` ... `};` blocks at the top level, each
 * with its members (`type name; /* offset size *\/`) and its size comment.
 */
export declare function parsePahole(text: string): Map<string, Layout>;
export {};
