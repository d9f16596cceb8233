import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { ConfigurationError } from "../util/errors.js";
import { CommandError, runCommand } from "../util/exec.js";
import { exists } from "../util/fs.js";
import type { XenSourceTree } from "./types.js";

/**
 * The version the built-in example and the tests pin: bookworm's main suite (point release
 * 12.13). Not what `xen-source: debian` means (that is apt's candidate, debian-policy.ts).
 */
export const DEFAULT_DEBIAN_XEN_VERSION = "4.17.5+72-g01140da4e8-1";

export interface FetchDebianSourceOptions {
  /** Debian version of the `xen` source package. */
  version: string;
  cacheDir: string;
  logFile?: string;
}

// Written into an unpacked tree last, so a tree without it is never used.
const UNPACKED_STAMP = ".unpacked";

/**
 * Downloads Debian's `xen` source package with apt (the archive address comes from the
 * machine's apt configuration) and unpacks it, once per version, under
 * `<cacheDir>/source/`. Safe to call from several processes at once: each works in its
 * own temporary directory and the first rename wins.
 */
export async function fetchDebianSource(opts: FetchDebianSourceOptions): Promise<XenSourceTree> {
  const { version } = opts;
  // A Debian version ([epoch:]upstream[-revision]); also keeps the cache paths below sane.
  if (!/^[0-9][A-Za-z0-9.+~:-]*$/.test(version)) {
    throw new ConfigurationError("xen-source", `'${version}' is not a Debian package version`);
  }
  const sourceDir = join(resolve(opts.cacheDir), "source");
  const root = join(sourceDir, `xen-${version}`);
  const tree: XenSourceTree = { root, identity: { kind: "debian", package: "xen", version } };

  if (!(await exists(join(root, UNPACKED_STAMP)))) {
    const dsc = await download(version, join(sourceDir, `download-${version}`), opts.logFile);
    await unpack(dsc, root, opts.logFile);
  }
  await assertXenTree(root);
  return tree;
}

/** Returns the .dsc path, downloading the package unless an earlier run did. */
async function download(version: string, dir: string, logFile?: string): Promise<string> {
  const dscName = `xen_${version.replace(/^\d+:/, "")}.dsc`;
  const dsc = join(dir, dscName);
  if (await exists(dsc)) return dsc;

  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    await runCommand("apt-get", ["source", "--download-only", `xen=${version}`], {
      cwd: tmp,
      logFile,
    });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    if (!(err instanceof CommandError)) throw err;
    throw await sourceUnavailable(version, err);
  }
  if (!(await exists(join(tmp, dscName)))) {
    throw new Error(`apt-get source xen=${version} succeeded but left no ${dscName} in ${tmp}`);
  }
  await moveIntoPlace(tmp, dir, dscName);
  return dsc;
}

/**
 * Why `apt-get source xen=VERSION` failed, in the user's terms: what apt said, which suites
 * list that version (`apt-cache madison`), and which listed versions apt can fetch (each
 * tried with `--dsc-only`, a few kilobytes), or, for a version no suite lists, the versions
 * it knows and how to add another release's suites. Never another version in its place:
 * a payload built on it would not load into the hypervisor asked for.
 */
async function sourceUnavailable(version: string, err: CommandError): Promise<ConfigurationError> {
  const aptSays = aptErrors(err);
  const listed = await debianSourceVersions();
  const suites = listed.filter((l) => l.version === version).map((l) => l.suite);
  if (suites.length > 0) {
    const others = [...new Set(listed.map((l) => l.version))].filter((v) => v !== version);
    const fetchable: string[] = [];
    for (const other of others) if (await sourceDownloads(other)) fetchable.push(other);
    return new ConfigurationError(
      "xen-source",
      `Debian's archive lists xen=${version} in ${suites.join(", ")}, but apt could not download it (${aptSays}). ` +
        `Versions apt can fetch: ${fetchable.join(", ") || "none"}. ` +
        `Nothing was built: try again where the archive serves it, give debian:VERSION for a version your hosts run, ` +
        `or give the tree as a path or git URL.`,
    );
  }
  const known = listed.map((l) => `${l.version} (${l.suite})`).join(", ") || "none";
  return new ConfigurationError(
    "xen-source",
    `apt has no Debian source package xen=${version} (${aptSays}); the versions it knows: ${known}. ` +
      `For another Debian release's Xen, run scripts/provision.sh with XLCI_DEBIAN_SUITES=SUITE ` +
      `(e.g. trixie for Debian 13's 4.20); it also adds the deb-src entries and runs apt-get update.`,
  );
}

/** apt's "E:" lines, joined: what it said when a command failed. */
export function aptErrors(err: CommandError): string {
  const lines = err.stderr.split("\n").filter((l) => l.startsWith("E:"));
  return lines.join(" ") || err.message.split("\n")[0]!;
}

/** True when apt can download `xen=version`'s .dsc (into a directory removed afterwards). */
async function sourceDownloads(version: string): Promise<boolean> {
  const tmp = await mkdtemp(join(tmpdir(), "xlci-dsc-"));
  try {
    await runCommand("apt-get", ["source", "--download-only", "--dsc-only", `xen=${version}`], {
      cwd: tmp,
    });
    return true;
  } catch (err) {
    if (err instanceof CommandError) return false;
    throw err;
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** The `xen` source versions apt knows, each with the suite that lists it. */
export async function debianSourceVersions(): Promise<Array<{ version: string; suite: string }>> {
  const out = await runCommand("apt-cache", ["madison", "xen"]).catch(() => ({ stdout: "" }));
  return out.stdout
    .split("\n")
    .map((line) => /^\s*xen \| (\S+) \| \S+ (\S+?)\/\S+ Sources$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: m[1]!, suite: m[2]! }));
}

async function unpack(dsc: string, root: string, logFile?: string): Promise<void> {
  const tmp = `${root}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  // --no-copy: do not leave a copy of the orig tarball next to the tree.
  await runCommand("dpkg-source", ["--no-check", "--no-copy", "-x", dsc, tmp], { logFile });
  await writeFile(join(tmp, UNPACKED_STAMP), "");
  await moveIntoPlace(tmp, root, UNPACKED_STAMP);
}

/**
 * Moves a finished temporary directory to `dest`, unless another process got there first.
 * A `dest` without `doneMarker` is a leftover of an interrupted run and is replaced.
 */
async function moveIntoPlace(tmp: string, dest: string, doneMarker: string): Promise<void> {
  if (!(await exists(join(dest, doneMarker)))) await rm(dest, { recursive: true, force: true });
  try {
    await rename(tmp, dest);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Throws a ConfigurationError unless `root` looks like a Xen source tree with livepatch support. */
export async function assertXenTree(root: string): Promise<void> {
  const required = ["xen/Makefile", "xen/common/livepatch.c"];
  const missing = [];
  for (const file of required) if (!(await exists(join(root, file)))) missing.push(file);
  if (missing.length === 0) return;
  const found = await readdir(root).then(
    (names) => (names.length ? `it holds ${names.sort().slice(0, 12).join(", ")}` : "it is empty"),
    () => "it does not exist",
  );
  throw new ConfigurationError(
    "xen-source",
    `${root} is not a Xen source tree (missing ${missing.join(", ")}): ${found}`,
  );
}

/** The hypervisor Debian ships for a source version: its binary package, unpacked. */
export interface DebianHypervisorPackage {
  /** Binary package name, e.g. xen-hypervisor-4.17-amd64. */
  package: string;
  version: string;
  /** The package's `/boot/xen-*.gz`, as a Debian host boots it. */
  image: string;
  /** The same image decompressed (the multiboot ELF QEMU's `-kernel` takes). */
  bootImage: string;
  /** The package's `/boot/xen-*.efi`, when it ships one. */
  efi?: string;
  /** The package's `/boot/xen-*.config`: the configuration it was built with. */
  config?: string;
}

const PACKAGE_STAMP = ".unpacked";

/**
 * Downloads and unpacks (once per version, under `<cacheDir>/debian-binary/`) the
 * `xen-hypervisor-*-amd64` package built from the Debian source tree at `root`, so a base
 * rebuilt from that source can be compared with what Debian ships. The package name comes
 * from the tree's debian/control; the version is the source's (Debian builds both from one
 * upload).
 *
 * @throws ConfigurationError (input `xen-source`) when the tree names no amd64 hypervisor
 *   package or apt cannot download it (fetchHypervisorPackage).
 */
export async function fetchDebianHypervisor(opts: {
  root: string;
  version: string;
  cacheDir: string;
  logFile?: string;
}): Promise<DebianHypervisorPackage> {
  const control = await readFile(join(opts.root, "debian", "control"), "utf8").catch(() => "");
  const pkg = /^Package: (xen-hypervisor-[0-9.]+-amd64)\s*$/m.exec(control)?.[1];
  if (!pkg) {
    throw new ConfigurationError(
      "xen-source",
      `${join(opts.root, "debian", "control")} names no xen-hypervisor-*-amd64 package to compare the base with`,
    );
  }
  return fetchHypervisorPackage({ ...opts, package: pkg });
}

/**
 * Downloads and unpacks Debian's binary package `package=version` (a
 * `xen-hypervisor-*-amd64`), once per version, under `<cacheDir>/debian-binary/`.
 *
 * @throws ConfigurationError (input `xen-source`) when apt cannot download it.
 */
export async function fetchHypervisorPackage(opts: {
  package: string;
  version: string;
  cacheDir: string;
  logFile?: string;
}): Promise<DebianHypervisorPackage> {
  const pkg = opts.package;
  const dir = join(resolve(opts.cacheDir), "debian-binary", `${pkg}_${opts.version}`);
  if (!(await exists(join(dir, PACKAGE_STAMP)))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    try {
      await runCommand("apt-get", ["download", `${pkg}=${opts.version}`], {
        cwd: tmp,
        ...(opts.logFile ? { logFile: opts.logFile } : {}),
      });
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      if (!(err instanceof CommandError)) throw err;
      throw new ConfigurationError(
        "xen-source",
        `apt cannot download Debian's ${pkg}=${opts.version} (${aptErrors(err)}). ` +
          `Run 'apt-get update' (scripts/provision.sh does), or give the hypervisor you run as expected-build-id.`,
      );
    }
    const deb = (await readdir(tmp)).find((n) => n.endsWith(".deb"));
    if (!deb) throw new Error(`apt-get download ${pkg}=${opts.version} left no .deb in ${tmp}`);
    await runCommand("dpkg-deb", ["-x", join(tmp, deb), join(tmp, "root")], {
      ...(opts.logFile ? { logFile: opts.logFile } : {}),
    });
    const boot = join(tmp, "root", "boot");
    const gz = (await readdir(boot)).find((n) => /^xen-.*\.gz$/.test(n));
    if (!gz) throw new Error(`${deb} has no /boot/xen-*.gz`);
    await writeFile(join(tmp, "xen"), gunzipSync(await readFile(join(boot, gz))));
    await writeFile(join(tmp, PACKAGE_STAMP), "");
    await moveIntoPlace(tmp, dir, PACKAGE_STAMP);
  }
  const boot = join(dir, "root", "boot");
  const names = await readdir(boot);
  const find = (re: RegExp) => names.find((n) => re.test(n));
  const efi = find(/^xen-.*\.efi$/);
  const config = find(/^xen-.*\.config$/);
  return {
    package: pkg,
    version: opts.version,
    image: join(boot, find(/^xen-.*\.gz$/)!),
    bootImage: join(dir, "xen"),
    ...(efi ? { efi: join(boot, efi) } : {}),
    ...(config ? { config: join(boot, config) } : {}),
  };
}
