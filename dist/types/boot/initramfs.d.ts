export type InitramfsEntry = {
    type: "dir";
    path: string;
    mode?: number;
}
/** Contents from `data`, or read from the host file `source` while the archive is written. */
 | {
    type: "file";
    path: string;
    mode?: number;
    data: string | Uint8Array;
} | {
    type: "file";
    path: string;
    mode?: number;
    source: string;
} | {
    type: "symlink";
    path: string;
    target: string;
} | {
    type: "chardev";
    path: string;
    mode?: number;
    major: number;
    minor: number;
};
/** An archive path: relative, '/'-separated, no empty, '.' or '..' components. */
export declare function normalizeArchivePath(path: string): string;
/**
 * Adds the parent directories an entry needs and no earlier entry made (the kernel's
 * unpacker does not create them), and rejects a path given twice.
 */
export declare function withParentDirs(entries: readonly InitramfsEntry[]): InitramfsEntry[];
/**
 * Writes `entries` as a gzip'd newc cpio archive to `outPath` (via a temporary file, so a
 * half-written archive is never left under that name). Parent directories are added
 * where missing; everything is owned by root with a zero timestamp.
 */
export declare function buildInitramfs(entries: readonly InitramfsEntry[], outPath: string): Promise<void>;
