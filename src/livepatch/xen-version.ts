/**
 * Which Xen a tree or hypervisor is, to the patch level: the loader's checks and messages,
 * the guest tool's interface and the build change within a minor version (a backport in
 * 4.18.4 makes it behave like 4.20, 4.18.3 like 4.17), so the minor number alone is not
 * enough. See ../shared/xen-versions.md for the changes and their commits.
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
  change: { from: number; backports?: Record<number, number> },
): boolean {
  if (version.major !== 4) return version.major > 4;
  if (version.minor >= change.from) return true;
  const first = change.backports?.[version.minor];
  return first !== undefined && (version.patch ?? 0) >= first;
}

/**
 * fa49f4be41 "livepatch: do Xen build-id check earlier" (4.18.4+, 4.19.1+, 4.20): the
 * upload of a payload without `.livepatch.xen_depends` is refused with
 * "section .livepatch.xen_depends is missing" instead of ".livepatch.xen_depends is missing".
 */
export const XEN_BUILDID_CHECKED_EARLY = { from: 20, backports: { 18: 4, 19: 1 } };

/**
 * 4c3ce492ed "Pass buffer size to list sysctl" (4.21): XEN_SYSCTL_INTERFACE_VERSION 0x16,
 * and CONFIG_LIVEPATCH depends on CONFIG_SYSCTL (31aca815c7).
 */
export const SYSCTL_0X16 = { from: 21 };

/**
 * df2209f9b7 "xen: introduce xen/linkage.h" and b3a9037550, 837e5144ac (4.19): x86
 * assembly routines are written as FUNC()/END() pairs, which give them a function type
 * and a size; before, ENTRY()/GLOBAL() gave untyped labels of size 0 (xen-versions.md §5).
 */
export const ASSEMBLY_FUNCTION_SYMBOLS = { from: 19 };
