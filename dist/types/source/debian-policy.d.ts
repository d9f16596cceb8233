/** The binary packages Debian ships the hypervisor in, one per Xen branch. */
export declare const HYPERVISOR_PACKAGES = "xen-hypervisor-*-amd64";
/** The release scripts/provision.sh adds on a machine that is not Debian (Ubuntu runners). */
export declare const FALLBACK_DEBIAN_RELEASE = "bookworm";
/** One version of one binary package in apt's version table. */
export interface PolicyVersion {
    /** e.g. xen-hypervisor-4.17-amd64 */
    package: string;
    /** e.g. 4.17.7+13-g2445b30a44-0+deb12u1 */
    version: string;
    /** The version's pin priority (500 for a release's own suites, 1 for provision.sh's extra ones). */
    priority: number;
    /** The suites listing it, in apt's order, e.g. ["bookworm-security"]. */
    suites: string[];
}
/**
 * Parses `apt-cache policy PACKAGE...` output: per package, its version table. Lines of
 * the installed-status file (`/var/lib/dpkg/status`) name no suite and are left out.
 */
export declare function parseAptPolicy(text: string): PolicyVersion[];
/** True for the suites of `release`: itself, and its -security, -updates, -backports... */
export declare function inRelease(suite: string, release: string): boolean;
/**
 * What apt would install for `release`: among the versions its suites list, the highest pin
 * priority, then the highest version (apt's own rule for a candidate, apt-pkg/policy.cc,
 * over that release's suites only, so a suite added at priority 1 for another release never
 * counts).
 *
 * @returns undefined when no suite of `release` lists a hypervisor package.
 */
export declare function releaseCandidate(table: readonly PolicyVersion[], release: string): PolicyVersion | undefined;
/**
 * Orders two Debian versions as dpkg does (deb-version(7): epoch, then upstream version and
 * revision compared as alternating non-digit and digit runs, `~` before anything).
 *
 * @returns negative, 0 or positive, as `a` is older than, equal to or newer than `b`.
 */
export declare function compareDebianVersions(a: string, b: string): number;
/**
 * The Debian release this machine runs (`VERSION_CODENAME` of /etc/os-release), or, on
 * another distribution, the one scripts/provision.sh adds for it (bookworm).
 */
export declare function runnerRelease(osRelease: string): string;
/**
 * The `xen` source version a binary package version was built from: the same, less a
 * binary-only rebuild's `+bN` (Debian Policy 5.6.12 on binNMUs).
 */
export declare function sourceVersionOf(binaryVersion: string): string;
/** apt's version table of every `xen-hypervisor-*-amd64` package. */
export declare function hypervisorPolicy(): Promise<PolicyVersion[]>;
/** A release given as `debian:RELEASE`: a lower-case name where a version starts with a digit. */
export declare function isReleaseName(value: string): boolean;
/**
 * The hypervisor apt would install now for `release` (default: the machine's, see
 * runnerRelease).
 *
 * @throws ConfigurationError (`xen-source`) when no suite of that release lists one, naming
 *   the suites apt does know and how to add the release's.
 */
export declare function debianCandidate(release?: string): Promise<PolicyVersion>;
