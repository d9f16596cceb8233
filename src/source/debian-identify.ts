/**
 * Which Debian hypervisor a host runs, from what its owner has: `xl info`'s build_id, the
 * `/boot/xen-*.gz` image or the `xen.efi` (the `expected-build-id` input). A payload loads
 * only into the build it names, so the run builds the version whose package has that id.
 */
import { readHypervisorImage } from "../livepatch/hypervisor-image.js";
import { ConfigurationError } from "../util/errors.js";
import { fetchHypervisorPackage } from "./debian.js";
import {
  HYPERVISOR_PACKAGES,
  type PolicyVersion,
  compareDebianVersions,
  hypervisorPolicy,
  inRelease,
  sourceVersionOf,
} from "./debian-policy.js";

/** The Debian package whose image has the host's build-id. */
export interface IdentifiedHypervisor extends PolicyVersion {
  /** Version of the `xen` source package it was built from (sourceVersionOf). */
  sourceVersion: string;
  /** How the host boots it: the multiboot image (`xen-*.gz`) or `xen.efi`. */
  boot: "multiboot" | "efi";
  buildId: string;
}

/** The build-id `expected` names: a hex id as given, or the id read from a hypervisor file. */
export async function expectedBuildIdOf(expected: string): Promise<string> {
  if (/^(?:[0-9a-f]{40}|[0-9a-f]{32})$/i.test(expected)) return expected.toLowerCase();
  const image = await readHypervisorImage(expected).catch((e: Error) => {
    throw new ConfigurationError(
      "expected-build-id",
      `${expected} is neither a build-id (40 or 32 hex digits) nor a readable hypervisor file: ${e.message}`,
    );
  });
  if (!image.buildId)
    throw new ConfigurationError("expected-build-id", `${expected} has no build-id`);
  return image.buildId;
}

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
export async function identifyDebianHypervisor(opts: {
  expected: string;
  release?: string;
  cacheDir: string;
  logFile?: string;
}): Promise<IdentifiedHypervisor> {
  const wanted = await expectedBuildIdOf(opts.expected);
  const table = (await hypervisorPolicy())
    .map((v) => ({
      ...v,
      suites: opts.release ? v.suites.filter((s) => inRelease(s, opts.release!)) : v.suites,
    }))
    .filter((v) => v.suites.length > 0)
    .sort((a, b) => b.priority - a.priority || compareDebianVersions(b.version, a.version));
  const checked: string[] = [];
  for (const entry of table) {
    const name = `${entry.package} ${entry.version} (${entry.suites.join(", ")})`;
    const pkg = await fetchHypervisorPackage({
      package: entry.package,
      version: entry.version,
      cacheDir: opts.cacheDir,
      ...(opts.logFile ? { logFile: opts.logFile } : {}),
    }).catch((e: unknown) => {
      if (e instanceof ConfigurationError) return undefined;
      throw e;
    });
    if (!pkg) {
      checked.push(`${name}: not downloadable`);
      continue;
    }
    const image = await readHypervisorImage(pkg.image);
    const efi = pkg.efi ? await readHypervisorImage(pkg.efi) : undefined;
    const sourceVersion = sourceVersionOf(entry.version);
    if (image.buildId === wanted)
      return { ...entry, sourceVersion, boot: "multiboot", buildId: wanted };
    if (efi?.buildId === wanted) return { ...entry, sourceVersion, boot: "efi", buildId: wanted };
    checked.push(
      `${name}: ${image.buildId ?? "no build-id"}${efi ? `, xen.efi ${efi.buildId}` : ""}`,
    );
  }
  throw new ConfigurationError(
    "expected-build-id",
    `no Debian ${HYPERVISOR_PACKAGES} apt knows${opts.release ? ` in ${opts.release}` : ""} has build-id ${wanted}; ` +
      `checked ${checked.join("; ") || "none (apt lists no such package)"}. ` +
      `If the host runs another Debian release's Xen, add its suites (scripts/provision.sh with XLCI_DEBIAN_SUITES=RELEASE); ` +
      `if it runs a Xen built elsewhere, give that build's source as xen-source (a path, or a git URL with xen-ref at its commit) with the same expected-build-id.`,
  );
}

/** "Debian's xen-hypervisor-4.17-amd64 4.17.7+13-g2445b30a44-0+deb12u1 (bookworm-security)" */
export function describeDebianHypervisor(v: PolicyVersion): string {
  return `Debian's ${v.package} ${v.version} (${v.suites.join(", ")})`;
}
