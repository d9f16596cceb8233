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
 * When each compiled object of the tree's hypervisor was last written (`mtime:size`), by
 * its path in the tree (`xen/...`): the name reports and refusals give it. A rebuild's
 * objects are those whose stamp it changed; only they are read (rebuiltObjects).
 */
export declare function objectStamps(tree: string): Promise<Map<string, string>>;
/**
 * The objects a rebuild wrote (their stamps changed from `was` to `now`, or are new), for
 * recompiledObjects: `after` their bytes now, `before` their bytes before it, from
 * `earlier` (what an earlier step of a stack left) or else the base's tree (new objects
 * have none).
 */
export declare function rebuiltObjects(tree: string, baseTree: string, was: ReadonlyMap<string, string>, now: ReadonlyMap<string, string>, earlier: ReadonlyMap<string, Buffer>): Promise<{
    before: Map<string, Buffer>;
    after: Map<string, Buffer>;
}>;
/**
 * The objects the rebuild changed, sorted by path. Throws a ConfigurationError when one
 * is boot code, which no livepatch reaches (patchability.ts bootCodeRefusal decides).
 */
export declare function recompiledObjects(before: ReadonlyMap<string, Buffer>, after: ReadonlyMap<string, Buffer>): RecompiledObject[];
