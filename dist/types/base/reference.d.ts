/**
 * The hypervisor the base must be, bit for bit: a payload names one build-id in
 * `.livepatch.xen_depends` and loads only into that build. The reference is what the user
 * runs: the `expected-build-id` they give (a hex id, their xen-syms or boot image), or,
 * for Debian's source package, the hypervisor Debian ships from that source.
 */
import { type XenSyms } from "../livepatch/xen-syms.js";
import type { DebianHypervisorPackage } from "../source/debian.js";
import { ConfigurationError } from "../util/errors.js";
/** How the rebuilt base compares with the hypervisor users run. */
export interface BaseReference {
    /** Where the reference came from. */
    readonly kind: "debian-package" | "expected-build-id";
    /** "Debian's xen-hypervisor-4.17-amd64 4.17.5+72-g01140da4e8-1", or the id/file given. */
    readonly description: string;
    /** The reference's build-id (hex). */
    readonly buildId: string;
    /** The file the build-id was read from, when there is one. */
    readonly file?: string;
    readonly identical: boolean;
}
/** The rebuilt base is not the hypervisor users run: no payload built on it would load there. */
export declare class BaseMismatchError extends ConfigurationError {
    name: string;
}
/**
 * Compares the rebuilt base with what users run and says how.
 *
 * - `expected` (the `expected-build-id` input), when given, is the reference: a hex
 *   build-id, or a path to a xen-syms, a boot image (`/boot/xen-*.gz`, the multiboot
 *   `xen`) or a `xen.efi` (whose id is the 16-byte CodeView signature Xen reports when
 *   booted by EFI; compared with the base's `xen.efi`, `rebuiltEfi`).
 * - Otherwise `debian`, the package Debian ships from the same source, is the reference.
 *
 * On a mismatch the error names the embedded build values that differ (compiler, date and
 * time, changeset, the distribution's version and maintainer, build host, user, domain),
 * read from the reference file, or from Debian's package when its build-id is the one
 * expected.
 *
 * @returns undefined when there is nothing to compare with.
 * @throws ConfigurationError (`expected-build-id`) for an unreadable file or malformed id;
 *   BaseMismatchError when the build-ids differ.
 */
export declare function compareWithReference(opts: {
    rebuilt: XenSyms;
    /** The base's xen.efi build-id, when the build made one. */
    rebuiltEfiBuildId?: string;
    expected?: string;
    debian?: DebianHypervisorPackage;
    /** The input that most likely made the difference (named in the error). */
    blame: string;
}): Promise<BaseReference | undefined>;
