export interface XenVersion {
    major: number;
    minor: number;
    /** The point release (".5" -> 5); undefined on an unstable branch (master). */
    patch: number | undefined;
    /** As Xen prints it: "4.17.5", "4.23-unstable". */
    text: string;
}
/**
 * The version of the Xen tree at `root`, from `xen/Makefile` (XEN_VERSION,
 * XEN_SUBVERSION, XEN_EXTRAVERSION).
 *
 * @throws Error naming the file when it does not hold the three values.
 */
export declare function readXenVersion(root: string): Promise<XenVersion>;
/**
 * True when `version` is at least the first release of a change that was backported:
 * `since` lists, per minor version, the first point release that has it (the minor's
 * ".0" when it came with the release), and `from` the first minor that always has it.
 */
export declare function hasChange(version: Pick<XenVersion, "major" | "minor" | "patch">, change: {
    from: number;
    backports?: Record<number, number>;
}): boolean;
/**
 * fa49f4be41 "livepatch: do Xen build-id check earlier" (4.18.4+, 4.19.1+, 4.20): the
 * upload of a payload without `.livepatch.xen_depends` is refused with
 * "section .livepatch.xen_depends is missing" instead of ".livepatch.xen_depends is missing".
 */
export declare const XEN_BUILDID_CHECKED_EARLY: {
    from: number;
    backports: {
        18: number;
        19: number;
    };
};
/**
 * 4c3ce492ed "Pass buffer size to list sysctl" (4.21): XEN_SYSCTL_INTERFACE_VERSION 0x16,
 * and CONFIG_LIVEPATCH depends on CONFIG_SYSCTL (31aca815c7).
 */
export declare const SYSCTL_0X16: {
    from: number;
};
