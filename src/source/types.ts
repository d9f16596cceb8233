/**
 * Where a Xen source tree came from. Everything cached or built from the tree is keyed by
 * this, so it must name the exact content. Only Debian's source package exists today; a
 * local checkout (`{ kind: "path" }`) and a git ref (`{ kind: "git" }`) join this union,
 * and each `switch` on `kind` then fails to compile until it handles them.
 */
export type XenSourceIdentity = DebianSourceIdentity;

export interface DebianSourceIdentity {
  kind: "debian";
  package: "xen";
  /** Debian version, e.g. "4.17.5+72-g01140da4e8-1". */
  version: string;
}

/** An unpacked Xen source tree: `root` holds `xen/`, `Config.mk`, ... */
export interface XenSourceTree {
  root: string;
  identity: XenSourceIdentity;
}
