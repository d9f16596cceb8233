export interface GuestAssets {
    /** The dom0 kernel image (bzImage) Xen loads as its first multiboot module. */
    kernel: string;
    /** Uncompressed `.ko` files, in the order to insmod them (dependencies first). */
    modules: string[];
    /** A statically linked busybox. */
    busybox: string;
    /** The kernel's release, e.g. `6.1.0-56-amd64` (what `uname -r` says in dom0). */
    kernelVersion: string;
}
export interface FetchGuestAssetsOptions {
    cacheDir: string;
    /** apt and dpkg output is appended here. */
    logFile?: string;
}
/** The modules dom0 needs for `mount -t xenfs xenfs /proc/xen` (xenfs needs privcmd). */
export declare const DOM0_MODULES: readonly ["xen-privcmd", "xenfs"];
/** Where fetchGuestAssets keeps the dom0 pieces (what the GitHub cache entry holds). */
export declare function guestAssetsDir(cacheDir: string): string;
/**
 * Identifies what the guest directory holds apart from the archive's current packages:
 * a change to the packages, the modules or the stamp's format makes a new cache key.
 */
export declare function guestAssetsRecipe(): string;
/**
 * Downloads and unpacks the dom0 pieces into `<cacheDir>/guest/`, once: a later call
 * finds the stamp and returns what the first one found, without running anything.
 * Delete that directory to pick up a newer kernel.
 */
export declare function fetchGuestAssets(opts: FetchGuestAssetsOptions): Promise<GuestAssets>;
/** The first `Depends: linux-image-<version>` of `apt-cache depends` output. */
export declare function parseKernelDependency(aptCacheDepends: string): string | undefined;
/**
 * The modules (paths relative to the modules directory) to load for `wanted`, each after
 * the ones it depends on; built-in modules are left out. Dependencies come from
 * modules.dep when the package ships one (Debian generates it at install time, so an
 * unpacked package usually has none), else from each module's `.modinfo` `depends=`.
 */
export declare function moduleLoadOrder(modulesRoot: string, wanted: readonly string[], read: ModuleReader): Promise<string[]>;
/** modules.dep: `path: dep dep ...`, paths relative to the modules directory. */
export declare function parseModulesDep(text: string): Map<string, string[]>;
/** The `depends=` list of a module's `.modinfo` section (NUL-separated key=value strings). */
export declare function modinfoDepends(ko: Uint8Array, name: string): string[];
/** Reads a module's uncompressed bytes. */
export type ModuleReader = (path: string) => Promise<Uint8Array>;
/**
 * Decompresses in memory where node:zlib can (gzip; zstd on a Node that has it), else
 * with the command-line tool on a copy in `scratchDir` (xz has no node:zlib codec).
 */
export declare function moduleReader(scratchDir: string, logFile?: string): ModuleReader;
