import { XenSyms } from "./xen-syms.js";
export type HypervisorImageFormat = "xen-syms" | "elf-image" | "efi";
export interface HypervisorImage {
    readonly file: string;
    /** `xen-syms` (ELF64 with symbols), `elf-image` (the 32-bit multiboot `xen`), `efi` (PE). */
    readonly format: HypervisorImageFormat;
    /** True when the file was gzip-compressed (`xen-*.gz`). */
    readonly compressed: boolean;
    /**
     * The build-id the hypervisor reports (`xen-livepatch` and payloads' `xen_depends`), in
     * hex: the GNU build-id note (20 bytes) of an ELF; for EFI the 16-byte CodeView
     * signature, which Xen reports when booted from xen.efi (xen/common/version.c,
     * xen_build_init). Undefined when the file has none.
     */
    readonly buildId: string | undefined;
    /** The decompressed bytes. */
    readonly bytes: Uint8Array;
    /**
     * Up to `length` bytes at a hypervisor virtual address (0xffff82d04... on x86-64), or
     * undefined outside the loaded image. `start` is the address of the image's first loaded
     * byte, `_start` of the matching xen-syms (needed for the ELF image, whose program
     * header holds the physical load address).
     */
    bytesAt(address: bigint, length: number, start: bigint): Uint8Array | undefined;
}
/**
 * Reads a hypervisor file of any of the formats above.
 *
 * @throws Error naming the file when it is not one of them or is malformed.
 */
export declare function readHypervisorImage(path: string): Promise<HypervisorImage>;
/**
 * The build values `image` embeds (compile.h: compiler, date, changeset, the distribution's
 * version and maintainer, ...), by function name, read through the rebuilt `reference`'s
 * symbols: an image has none of its own, but its code lies where the reference's does
 * when both come from the same source, configuration and compiler version. A value whose
 * code is not where the reference's is (another compiler or .config) is looked up by the
 * reference's own value instead: present in the image means equal.
 *
 * @returns `values` read from the image, and `unknown`: names whose value the image holds
 *   neither where the reference's code says nor as the reference's own text.
 */
export declare function imageBuildInfo(image: HypervisorImage, reference: XenSyms): {
    values: Record<string, string>;
    unknown: string[];
};
