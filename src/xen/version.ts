/**
 * Which Xen a tree or hypervisor is, to the patch level. The minor number alone is not
 * enough: a backport in 4.18.4 makes it behave like 4.20, 4.18.3 like 4.17 (src/xen/changes.ts,
 * docs/xen-versions.md).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

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
export async function readXenVersion(root: string): Promise<XenVersion> {
  const file = join(root, "xen", "Makefile");
  const text = await readFile(file, "utf8");
  const value = (name: string) =>
    new RegExp(`^export ${name}\\s*\\??=\\s*(\\S*?)(?:\\$\\(XEN_VENDORVERSION\\))?\\s*$`, "m").exec(
      text,
    )?.[1];
  const major = Number(value("XEN_VERSION"));
  const minor = Number(value("XEN_SUBVERSION"));
  const extra = value("XEN_EXTRAVERSION");
  if (!Number.isInteger(major) || !Number.isInteger(minor) || extra === undefined)
    throw new Error(`${file} has no XEN_VERSION, XEN_SUBVERSION and XEN_EXTRAVERSION`);
  const point = /^\.(\d+)$/.exec(extra)?.[1];
  return {
    major,
    minor,
    patch: point === undefined ? undefined : Number(point),
    text: `${major}.${minor}${extra}`,
  };
}

/**
 * True when `version` is at least the first release of a change that was backported:
 * `since` lists, per minor version, the first point release that has it (the minor's
 * ".0" when it came with the release), and `from` the first minor that always has it.
 */
export function hasChange(
  version: Pick<XenVersion, "major" | "minor" | "patch">,
  change: Pick<XenChange, "from" | "backports">,
): boolean {
  if (version.major !== 4) return version.major > 4;
  if (version.minor >= change.from) return true;
  const first = change.backports?.[version.minor];
  return first !== undefined && (version.patch ?? 0) >= first;
}

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
export function describeChange(change: Pick<XenChange, "from" | "backports">): string {
  const backports = Object.entries(change.backports ?? {})
    .map(([minor, patch]) => [Number(minor), patch] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([minor, patch]) => `4.${minor}.${patch}+`);
  return [...backports, `4.${change.from}+`].join(", ");
}
