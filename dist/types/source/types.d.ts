/**
 * Where a Xen source tree came from. Everything cached or built from the tree is keyed by
 * this, so it must name the exact content: a package version, a resolved commit, or a
 * digest of a directory's files. Each `switch` on `kind` fails to compile until it
 * handles a new kind.
 */
export type XenSourceIdentity = DebianSourceIdentity | GitSourceIdentity | PathSourceIdentity;
export interface DebianSourceIdentity {
    kind: "debian";
    package: "xen";
    /** Debian version, e.g. "4.17.5+72-g01140da4e8-1". */
    version: string;
}
export interface GitSourceIdentity {
    kind: "git";
    url: string;
    /** The ref asked for (branch, tag or commit); "" for the remote's HEAD. */
    ref: string;
    /** The commit it resolved to. */
    commit: string;
}
export interface PathSourceIdentity {
    kind: "path";
    path: string;
    /** HEAD of the checkout, when the directory is a git work tree. */
    commit?: string;
    /** True when the files differ from `commit` (or there is no commit). */
    dirty: boolean;
    /** sha256 over the tree's files (without .git): what the cache is keyed by. */
    digest: string;
}
/** An unpacked Xen source tree: `root` holds `xen/`, `Config.mk`, ... */
export interface XenSourceTree {
    root: string;
    identity: XenSourceIdentity;
    /** When the source was last changed (its commit date): the default build date. */
    sourceDate?: Date;
}
