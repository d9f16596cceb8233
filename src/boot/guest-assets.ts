// The dom0 the boot test runs: Debian's kernel (a PV-capable `vmlinuz`), the two kernel
// modules that give dom0 its /proc/xen (`xen-privcmd`, `xenfs`) with whatever they depend
// on, and a static busybox for the initramfs. All come from the distribution's packages
// through apt, so the archive address is the machine's apt configuration.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import * as zlib from "node:zlib";
import { promisify } from "node:util";
import { parseElf } from "../elf/reader.js";
import { MissingProgramError, runCommand } from "../util/exec.js";
import { exists } from "../util/fs.js";

export interface GuestAssets {
  /** The dom0 kernel image (bzImage) Xen loads as its first multiboot module. */
  kernel: string;
  /** Uncompressed `.ko` files, in the order to insmod them (dependencies first). */
  modules: string[];
  /** A statically linked busybox. */
  busybox: string;
  /** The kernel's release, e.g. `6.1.0-56-amd64` (what `uname -r` says in dom0). */
  kernelVersion: string;
}

export interface FetchGuestAssetsOptions {
  cacheDir: string;
  /** apt and dpkg output is appended here. */
  logFile?: string;
}

/** The modules dom0 needs for `mount -t xenfs xenfs /proc/xen` (xenfs needs privcmd). */
export const DOM0_MODULES = ["xen-privcmd", "xenfs"] as const;
const KERNEL_META_PACKAGE = "linux-image-amd64";
const BUSYBOX_PACKAGE = "busybox-static";
// Written last; a directory without it is a leftover of an interrupted run.
const STAMP = "assets.json";

/** Where fetchGuestAssets keeps the dom0 pieces (what the GitHub cache entry holds). */
export function guestAssetsDir(cacheDir: string): string {
  return join(resolve(cacheDir), "guest");
}

/**
 * Identifies what the guest directory holds apart from the archive's current packages:
 * a change to the packages, the modules or the stamp's format makes a new cache key.
 */
export function guestAssetsRecipe(): string {
  const recipe = JSON.stringify([KERNEL_META_PACKAGE, BUSYBOX_PACKAGE, DOM0_MODULES, STAMP, 1]);
  return createHash("sha256").update(recipe).digest("hex").slice(0, 16);
}

/**
 * Downloads and unpacks the dom0 pieces into `<cacheDir>/guest/`, once: a later call
 * finds the stamp and returns what the first one found, without running anything.
 * Delete that directory to pick up a newer kernel.
 */
export async function fetchGuestAssets(opts: FetchGuestAssetsOptions): Promise<GuestAssets> {
  const dir = guestAssetsDir(opts.cacheDir);
  const cached = await readStamp(dir);
  if (cached) return cached;

  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    const kernelPackage = await resolveKernelPackage(opts.logFile);
    const debs = join(tmp, "debs");
    const root = join(tmp, "root");
    await mkdir(debs);
    await runCommand("apt-get", ["download", kernelPackage, BUSYBOX_PACKAGE], {
      cwd: debs,
      logFile: opts.logFile,
    });
    for (const deb of (await readdir(debs)).filter((n) => n.endsWith(".deb")).sort()) {
      await runCommand("dpkg", ["-x", join(debs, deb), root], { logFile: opts.logFile });
    }

    const kernelVersion = kernelPackage.slice("linux-image-".length);
    const modulesRoot = await firstExisting(
      [join(root, "lib/modules", kernelVersion), join(root, "usr/lib/modules", kernelVersion)],
      `${kernelPackage} has no lib/modules/${kernelVersion}`,
    );
    const vmlinuz = await firstExisting(
      [join(root, "boot", `vmlinuz-${kernelVersion}`), join(modulesRoot, "vmlinuz")],
      `${kernelPackage} has no boot/vmlinuz-${kernelVersion}`,
    );
    const busybox = await firstExisting(
      [join(root, "bin/busybox"), join(root, "usr/bin/busybox")],
      `${BUSYBOX_PACKAGE} has no bin/busybox`,
    );

    // Keep only what the guest needs: the kernel and busybox, and the modules uncompressed.
    await copyFile(vmlinuz, join(tmp, `vmlinuz-${kernelVersion}`));
    await copyFile(busybox, join(tmp, "busybox"));
    await mkdir(join(tmp, "modules"));
    const read = moduleReader(join(tmp, "scratch"), opts.logFile);
    const modules: string[] = [];
    for (const rel of await moduleLoadOrder(modulesRoot, DOM0_MODULES, read)) {
      const ko = `modules/${basename(rel).replace(MODULE_FILE, ".ko")}`;
      await writeFile(join(tmp, ko), await read(join(modulesRoot, rel)));
      modules.push(ko);
    }
    for (const scratch of [debs, root, join(tmp, "scratch")]) {
      await rm(scratch, { recursive: true, force: true });
    }

    const stamp: Stamp = {
      kernelPackage,
      kernelVersion,
      kernel: `vmlinuz-${kernelVersion}`,
      busybox: "busybox",
      modules,
    };
    await writeFile(join(tmp, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    await moveIntoPlace(tmp, dir);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const fetched = await readStamp(dir);
  if (!fetched) throw new Error(`guest assets were unpacked but ${join(dir, STAMP)} is unusable`);
  return fetched;
}

interface Stamp {
  kernelPackage: string;
  kernelVersion: string;
  /** Paths relative to the guest directory. */
  kernel: string;
  busybox: string;
  modules: string[];
}

async function readStamp(dir: string): Promise<GuestAssets | undefined> {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(await readFile(join(dir, STAMP), "utf8")) as Stamp;
  } catch {
    return undefined;
  }
  const assets: GuestAssets = {
    kernel: join(dir, stamp.kernel),
    modules: stamp.modules.map((m) => join(dir, m)),
    busybox: join(dir, stamp.busybox),
    kernelVersion: stamp.kernelVersion,
  };
  for (const file of [assets.kernel, assets.busybox, ...assets.modules]) {
    if (!(await exists(file))) return undefined;
  }
  return assets;
}

/** `linux-image-amd64` is a meta package; the kernel is the versioned package it depends on. */
async function resolveKernelPackage(logFile?: string): Promise<string> {
  const { stdout } = await runCommand("apt-cache", ["depends", KERNEL_META_PACKAGE], { logFile });
  const found = parseKernelDependency(stdout);
  if (!found) {
    throw new Error(
      `apt-cache depends ${KERNEL_META_PACKAGE} names no linux-image-<version> package:\n${stdout}`,
    );
  }
  return found;
}

/** The first `Depends: linux-image-<version>` of `apt-cache depends` output. */
export function parseKernelDependency(aptCacheDepends: string): string | undefined {
  for (const line of aptCacheDepends.split("\n")) {
    const m = /^\s*\|?Depends:\s*(linux-image-[0-9][\w.+~-]*)\s*$/.exec(line);
    if (m?.[1]) return m[1];
  }
  return undefined;
}

// --- kernel modules --------------------------------------------------------------------

/** Module names treat '-' and '_' alike (`xen-privcmd` is loaded as `xen_privcmd`). */
function canonicalName(name: string): string {
  return name.replaceAll("-", "_");
}

const MODULE_FILE = /\.ko(\.(?:xz|zst|gz))?$/;

function moduleNameOf(path: string): string {
  return canonicalName(basename(path).replace(MODULE_FILE, ""));
}

/**
 * The modules (paths relative to the modules directory) to load for `wanted`, each after
 * the ones it depends on; built-in modules are left out. Dependencies come from
 * modules.dep when the package ships one (Debian generates it at install time, so an
 * unpacked package usually has none), else from each module's `.modinfo` `depends=`.
 */
export async function moduleLoadOrder(
  modulesRoot: string,
  wanted: readonly string[],
  read: ModuleReader,
): Promise<string[]> {
  const builtin = new Set(
    (await readFile(join(modulesRoot, "modules.builtin"), "utf8").catch(() => ""))
      .split("\n")
      .filter(Boolean)
      .map(moduleNameOf),
  );
  const depFile = await readFile(join(modulesRoot, "modules.dep"), "utf8").catch(() => undefined);
  const pathOf = new Map<string, string>();
  let dependsOn: (rel: string) => Promise<string[]>;
  if (depFile !== undefined) {
    const deps = parseModulesDep(depFile);
    for (const rel of deps.keys()) pathOf.set(moduleNameOf(rel), rel);
    dependsOn = (rel) => Promise.resolve(deps.get(rel) ?? []);
  } else {
    for (const rel of await listModules(modulesRoot)) pathOf.set(moduleNameOf(rel), rel);
    dependsOn = async (rel) => {
      const names = modinfoDepends(await read(join(modulesRoot, rel)), rel);
      return names.filter((n) => !builtin.has(canonicalName(n))).map((n) => locate(n));
    };
  }
  const locate = (name: string): string => {
    const rel = pathOf.get(canonicalName(name));
    if (!rel) throw new Error(`kernel module '${name}' is not in ${modulesRoot}`);
    return rel;
  };

  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = async (rel: string): Promise<void> => {
    if (order.includes(rel)) return;
    if (visiting.has(rel))
      throw new Error(`kernel modules depend on each other in a cycle at ${rel}`);
    visiting.add(rel);
    for (const dep of await dependsOn(rel)) await visit(dep);
    visiting.delete(rel);
    order.push(rel);
  };
  for (const name of wanted) {
    if (builtin.has(canonicalName(name))) continue;
    await visit(locate(name));
  }
  return order;
}

/** modules.dep: `path: dep dep ...`, paths relative to the modules directory. */
export function parseModulesDep(text: string): Map<string, string[]> {
  const deps = new Map<string, string[]>();
  for (const line of text.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    deps.set(
      line.slice(0, colon).trim(),
      line
        .slice(colon + 1)
        .trim()
        .split(/\s+/)
        .filter(Boolean),
    );
  }
  return deps;
}

/** The `depends=` list of a module's `.modinfo` section (NUL-separated key=value strings). */
export function modinfoDepends(ko: Uint8Array, name: string): string[] {
  const elf = parseElf(ko, name);
  const modinfo = elf.sectionNamed(".modinfo");
  if (!modinfo) throw new Error(`${name}: kernel module without a .modinfo section`);
  const entries = Buffer.from(elf.data(modinfo)).toString("latin1").split("\0");
  const depends = entries.find((e) => e.startsWith("depends="));
  return (depends?.slice("depends=".length) ?? "").split(",").filter(Boolean);
}

async function listModules(root: string): Promise<string[]> {
  const names = await readdir(root, { recursive: true });
  return names.filter((n) => MODULE_FILE.test(n)).sort();
}

// --- compressed modules ----------------------------------------------------------------

/** Reads a module's uncompressed bytes. */
export type ModuleReader = (path: string) => Promise<Uint8Array>;

/**
 * Decompresses in memory where node:zlib can (gzip; zstd on a Node that has it), else
 * with the command-line tool on a copy in `scratchDir` (xz has no node:zlib codec).
 */
export function moduleReader(scratchDir: string, logFile?: string): ModuleReader {
  return async (path) => {
    const data = await readFile(path);
    if (path.endsWith(".ko")) return data;
    if (path.endsWith(".gz")) return promisify(zlib.gunzip)(data);
    if (path.endsWith(".zst") && typeof zlib.zstdDecompress === "function") {
      return promisify(zlib.zstdDecompress)(data);
    }
    await mkdir(scratchDir, { recursive: true });
    const copy = join(scratchDir, basename(path));
    await writeFile(copy, data);
    const plain = await decompressWithTool(copy, logFile);
    try {
      return await readFile(plain);
    } finally {
      await rm(plain, { force: true });
    }
  };
}

const TOOLS: Record<string, { program: string; debianPackage: string }> = {
  ".xz": { program: "xz", debianPackage: "xz-utils" },
  ".zst": { program: "zstd", debianPackage: "zstd" },
};

/** Decompresses `file` (ending .xz or .zst) in place of itself; returns the new path. */
async function decompressWithTool(file: string, logFile?: string): Promise<string> {
  const ext = file.slice(file.lastIndexOf("."));
  const tool = TOOLS[ext];
  if (!tool) throw new Error(`${file}: no way to decompress '${ext}' files`);
  try {
    await runCommand(tool.program, ["--decompress", "--force", "--quiet", file], { logFile });
  } catch (err) {
    if (err instanceof MissingProgramError) {
      throw new Error(
        `${basename(file)} is ${ext.slice(1)}-compressed and '${tool.program}' is not installed: install the Debian package '${tool.debianPackage}'`,
        { cause: err },
      );
    }
    throw err;
  }
  return file.slice(0, -ext.length);
}

// --- small helpers ---------------------------------------------------------------------

async function firstExisting(candidates: string[], problem: string): Promise<string> {
  for (const c of candidates) if (await exists(c)) return c;
  throw new Error(`${problem} (looked for ${candidates.join(", ")})`);
}

/** Renames a finished temporary directory into place unless another process got there first. */
async function moveIntoPlace(tmp: string, dest: string): Promise<void> {
  if (!(await exists(join(dest, STAMP)))) await rm(dest, { recursive: true, force: true });
  try {
    await rename(tmp, dest);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOTEMPTY" && code !== "EEXIST") throw err;
  }
}
