import { ObjectModel } from "./object-model.js";
/** One object the rebuild changed, with the version it is compared with. */
export interface RecompiledObject {
    /** The base's version (an empty object for a new file; itself for a new init-only file). */
    original: ObjectModel;
    patched: ObjectModel;
    /** An init-only file (compiled to X.o, renamed X.init.o): judged as a whole. */
    initOnly: boolean;
}
/**
 * Every compiled object of the tree's hypervisor, by its path in the tree (`xen/...`):
 * the name reports and refusals give it.
 */
export declare function objectContents(tree: string): Promise<Map<string, Buffer>>;
/**
 * The objects the rebuild changed, sorted by path. Throws a ConfigurationError when one
 * is boot code, which no livepatch reaches.
 */
export declare function recompiledObjects(before: ReadonlyMap<string, Buffer>, after: ReadonlyMap<string, Buffer>): RecompiledObject[];
/**
 * Whether a changed object is boot code, and why: x86 boot code is built as 32-bit
 * objects, and from Xen 4.20 `arch/x86/boot/` also holds 64-bit ones (built-in-32.o made
 * by tools/combine_two_binaries.py, reloc-trampoline.o; aa9045e771, db8acf31f9), so the
 * directory is boot code too. `path` is the object's path in the tree (`xen/...`).
 */
export declare function bootCode(path: string, bytes: Uint8Array): string | undefined;
