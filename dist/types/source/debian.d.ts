import { CommandError } from "../util/exec.js";
import type { XenSourceTree } from "./types.js";
/**
 * The version the built-in example and the tests pin: bookworm's main suite (point release
 * 12.13). Not what `xen-source: debian` means (that is apt's candidate, debian-policy.ts).
 */
export declare const DEFAULT_DEBIAN_XEN_VERSION = "4.17.5+72-g01140da4e8-1";
export interface FetchDebianSourceOptions {
    /** Debian version of the `xen` source package. */
    version: string;
    cacheDir: string;
    logFile?: string;
}
/**
 * Downloads Debian's `xen` source package with apt (the archive address comes from the
 * machine's apt configuration) and unpacks it, once per version, under
 * `<cacheDir>/source/`. Safe to call from several processes at once: each works in its
 * own temporary directory and the first rename wins.
 */
export declare function fetchDebianSource(opts: FetchDebianSourceOptions): Promise<XenSourceTree>;
/** apt's "E:" lines, joined: what it said when a command failed. */
export declare function aptErrors(err: CommandError): string;
/** The `xen` source versions apt knows, each with the suite that lists it. */
export declare function debianSourceVersions(): Promise<Array<{
    version: string;
    suite: string;
}>>;
/** Throws a ConfigurationError unless `root` looks like a Xen source tree with livepatch support. */
export declare function assertXenTree(root: string): Promise<void>;
/** The hypervisor Debian ships for a source version: its binary package, unpacked. */
export interface DebianHypervisorPackage {
    /** Binary package name, e.g. xen-hypervisor-4.17-amd64. */
    package: string;
    version: string;
    /** The package's `/boot/xen-*.gz`, as a Debian host boots it. */
    image: string;
    /** The same image decompressed (the multiboot ELF QEMU's `-kernel` takes). */
    bootImage: string;
    /** The package's `/boot/xen-*.efi`, when it ships one. */
    efi?: string;
    /** The package's `/boot/xen-*.config`: the configuration it was built with. */
    config?: string;
}
/**
 * Downloads and unpacks (once per version, under `<cacheDir>/debian-binary/`) the
 * `xen-hypervisor-*-amd64` package built from the Debian source tree at `root`, so a base
 * rebuilt from that source can be compared with what Debian ships. The package name comes
 * from the tree's debian/control; the version is the source's (Debian builds both from one
 * upload).
 *
 * @throws ConfigurationError (input `xen-source`) when the tree names no amd64 hypervisor
 *   package or apt cannot download it (fetchHypervisorPackage).
 */
export declare function fetchDebianHypervisor(opts: {
    root: string;
    version: string;
    cacheDir: string;
    logFile?: string;
}): Promise<DebianHypervisorPackage>;
/**
 * Downloads and unpacks Debian's binary package `package=version` (a
 * `xen-hypervisor-*-amd64`), once per version, under `<cacheDir>/debian-binary/`.
 *
 * @throws ConfigurationError (input `xen-source`) when apt cannot download it.
 */
export declare function fetchHypervisorPackage(opts: {
    package: string;
    version: string;
    cacheDir: string;
    logFile?: string;
}): Promise<DebianHypervisorPackage>;
