/**
 * Which Debian hypervisor `xen-source: debian` means: what apt would install now. Read from
 * `apt-cache policy 'xen-hypervisor-*-amd64'` (the machine's apt configuration, with the
 * suites scripts/provision.sh adds), restricted to one Debian release's suites.
 */
import { readFile } from "node:fs/promises";
import { ConfigurationError } from "../util/errors.js";
import { runCommand } from "../util/exec.js";

/** The binary packages Debian ships the hypervisor in, one per Xen branch. */
export const HYPERVISOR_PACKAGES = "xen-hypervisor-*-amd64";

/** The release scripts/provision.sh adds on a machine that is not Debian (Ubuntu runners). */
export const FALLBACK_DEBIAN_RELEASE = "bookworm";

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
export function parseAptPolicy(text: string): PolicyVersion[] {
  const versions: PolicyVersion[] = [];
  let pkg: string | undefined;
  let current: PolicyVersion | undefined;
  for (const line of text.split("\n")) {
    const header = /^(\S+):$/.exec(line);
    if (header) {
      pkg = header[1];
      current = undefined;
      continue;
    }
    // " *** 4.17.5+72-g01140da4e8-1 500" (*** marks the installed one)
    const version = /^ (?:\*\*\*| {3}) (\S+) (-?\d+)$/.exec(line);
    if (version && pkg) {
      current = { package: pkg, version: version[1]!, priority: Number(version[2]), suites: [] };
      versions.push(current);
      continue;
    }
    // "        500 URI SUITE/COMPONENT ARCH Packages"
    const origin = /^\s+-?\d+ \S+ (\S+?)\/\S+ \S+ Packages$/.exec(line);
    if (origin && current && !current.suites.includes(origin[1]!)) current.suites.push(origin[1]!);
  }
  return versions;
}

/** True for the suites of `release`: itself, and its -security, -updates, -backports... */
export function inRelease(suite: string, release: string): boolean {
  return suite === release || suite.startsWith(`${release}-`);
}

/**
 * What apt would install for `release`: among the versions its suites list, the highest pin
 * priority, then the highest version (apt's own rule for a candidate, apt-pkg/policy.cc,
 * over that release's suites only, so a suite added at priority 1 for another release never
 * counts).
 *
 * @returns undefined when no suite of `release` lists a hypervisor package.
 */
export function releaseCandidate(
  table: readonly PolicyVersion[],
  release: string,
): PolicyVersion | undefined {
  let best: PolicyVersion | undefined;
  for (const entry of table) {
    const suites = entry.suites.filter((s) => inRelease(s, release));
    if (suites.length === 0) continue;
    const candidate = { ...entry, suites };
    if (
      !best ||
      candidate.priority > best.priority ||
      (candidate.priority === best.priority &&
        compareDebianVersions(candidate.version, best.version) > 0)
    )
      best = candidate;
  }
  return best;
}

/**
 * Orders two Debian versions as dpkg does (deb-version(7): epoch, then upstream version and
 * revision compared as alternating non-digit and digit runs, `~` before anything).
 *
 * @returns negative, 0 or positive, as `a` is older than, equal to or newer than `b`.
 */
export function compareDebianVersions(a: string, b: string): number {
  const split = (v: string) => {
    const colon = v.indexOf(":");
    const epoch = colon >= 0 ? Number(v.slice(0, colon)) : 0;
    const rest = colon >= 0 ? v.slice(colon + 1) : v;
    const dash = rest.lastIndexOf("-");
    return dash >= 0
      ? { epoch, upstream: rest.slice(0, dash), revision: rest.slice(dash + 1) }
      : { epoch, upstream: rest, revision: "" };
  };
  const x = split(a);
  const y = split(b);
  return (
    x.epoch - y.epoch || comparePart(x.upstream, y.upstream) || comparePart(x.revision, y.revision)
  );
}

/** dpkg's character order: `~` first, then the end of the string, letters, other characters. */
function order(c: string | undefined): number {
  if (c === undefined) return 0;
  if (c === "~") return -1;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c.charCodeAt(0) + 256;
}

function comparePart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    // The non-digit run, character by character.
    while ((i < a.length && !/\d/.test(a[i]!)) || (j < b.length && !/\d/.test(b[j]!))) {
      const ca = i < a.length && !/\d/.test(a[i]!) ? a[i] : undefined;
      const cb = j < b.length && !/\d/.test(b[j]!) ? b[j] : undefined;
      const diff = order(ca) - order(cb);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    // The digit run, as a number.
    let na = "";
    let nb = "";
    while (i < a.length && /\d/.test(a[i]!)) na += a[i++];
    while (j < b.length && /\d/.test(b[j]!)) nb += b[j++];
    const diff = Number(na || "0") - Number(nb || "0");
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The Debian release this machine runs (`VERSION_CODENAME` of /etc/os-release), or, on
 * another distribution, the one scripts/provision.sh adds for it (bookworm).
 */
export function runnerRelease(osRelease: string): string {
  const field = (name: string) =>
    new RegExp(`^${name}="?([^"\\n]*)"?$`, "m").exec(osRelease)?.[1] ?? "";
  return field("ID") === "debian" && field("VERSION_CODENAME")
    ? field("VERSION_CODENAME")
    : FALLBACK_DEBIAN_RELEASE;
}

/**
 * The `xen` source version a binary package version was built from: the same, less a
 * binary-only rebuild's `+bN` (Debian Policy 5.6.12 on binNMUs).
 */
export function sourceVersionOf(binaryVersion: string): string {
  return binaryVersion.replace(/\+b\d+$/, "");
}

/** apt's version table of every `xen-hypervisor-*-amd64` package. */
export async function hypervisorPolicy(): Promise<PolicyVersion[]> {
  const out = await runCommand("apt-cache", ["policy", HYPERVISOR_PACKAGES]);
  return parseAptPolicy(out.stdout);
}

/** A release given as `debian:RELEASE`: a lower-case name where a version starts with a digit. */
export function isReleaseName(value: string): boolean {
  return /^[a-z]+$/.test(value);
}

/**
 * The hypervisor apt would install now for `release` (default: the machine's, see
 * runnerRelease).
 *
 * @throws ConfigurationError (`xen-source`) when no suite of that release lists one, naming
 *   the suites apt does know and how to add the release's.
 */
export async function debianCandidate(release?: string): Promise<PolicyVersion> {
  const wanted =
    release ?? runnerRelease(await readFile("/etc/os-release", "utf8").catch(() => ""));
  const table = await hypervisorPolicy();
  const candidate = releaseCandidate(table, wanted);
  if (candidate) return candidate;
  const known = [...new Set(table.flatMap((v) => v.suites))];
  throw new ConfigurationError(
    "xen-source",
    `apt knows no ${HYPERVISOR_PACKAGES} in Debian ${wanted}'s suites (it knows ${known.join(", ") || "none"}). ` +
      `Run scripts/provision.sh with XLCI_DEBIAN_SUITES=${wanted} to add them, or give debian:VERSION.`,
  );
}
