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
export declare function hasChange(version: Pick<XenVersion, "major" | "minor" | "patch">, change: Pick<XenChange, "from" | "backports">): boolean;
/**
 * A change to Xen that came with minor version `from` and was backported to earlier minors:
 * `backports` gives, per minor, the first point release that has it. `commit` is upstream's
 * (master's) commit id.
 */
export interface XenChange {
    readonly commit: string;
    readonly from: number;
    readonly backports?: Readonly<Record<number, number>>;
}
/**
 * The releases that have `change`, as people write them: "4.18.4+, 4.19.1+, 4.20+".
 */
export declare function describeChange(change: Pick<XenChange, "from" | "backports">): string;
