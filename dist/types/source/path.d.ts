import type { XenSourceTree } from "./types.js";
/** sha256 over every file's relative path, executable bit and content, in sorted order. */
export declare function treeDigest(root: string): Promise<string>;
export declare function localSource(path: string): Promise<XenSourceTree>;
