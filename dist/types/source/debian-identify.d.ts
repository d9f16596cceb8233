import { type PolicyVersion } from "./debian-policy.js";
/** The Debian package whose image has the host's build-id. */
export interface IdentifiedHypervisor extends PolicyVersion {
    /** Version of the `xen` source package it was built from (sourceVersionOf). */
    sourceVersion: string;
    /** How the host boots it: the multiboot image (`xen-*.gz`) or `xen.efi`. */
    boot: "multiboot" | "efi";
    buildId: string;
}
/** The build-id `expected` names: a hex id as given, or the id read from a hypervisor file. */
export declare function expectedBuildIdOf(expected: string): Promise<string>;
/**
 * Finds the Debian hypervisor package whose `/boot/xen-*.gz` (multiboot) or `xen-*.efi`
 * (EFI boot: its CodeView signature, xen/common/version.c) has the build-id `expected`
 * names, among the `xen-hypervisor-*-amd64` versions apt knows (only `release`'s suites,
 * when given). Each version's package is downloaded once (fetchHypervisorPackage, cached
 * under `<cacheDir>/debian-binary/`); apt's order of preference is tried first.
 *
 * @throws ConfigurationError (`expected-build-id`) when none matches, naming each version
 *   checked (and those apt could not download) and what to give instead.
 */
export declare function identifyDebianHypervisor(opts: {
    expected: string;
    release?: string;
    cacheDir: string;
    logFile?: string;
}): Promise<IdentifiedHypervisor>;
/** "Debian's xen-hypervisor-4.17-amd64 4.17.7+13-g2445b30a44-0+deb12u1 (bookworm-security)" */
export declare function describeDebianHypervisor(v: PolicyVersion): string;
