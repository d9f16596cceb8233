// The guest's control tool: a static `xen-livepatch` built from the same tree as the
// hypervisor, so it speaks exactly that hypervisor's sysctl interface version and needs
// no shared libraries in the guest's initramfs.
import { createHash } from "node:crypto";
import { appendFile, chmod, copyFile, mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { CommandError, MissingProgramError, runCommand } from "../util/exec.js";
import type { XenBase } from "./xen.js";
import { withLock } from "../util/lock.js";
import { exists, sha256File } from "../util/fs.js";

export interface BuildGuestToolOptions {
  base: XenBase;
  /** The result goes to `<cacheDir>/guest-tool/<base.key>/xen-livepatch`. */
  cacheDir: string;
  jobs?: number;
  /** Where the build's output goes; defaults to `<cacheDir>/guest-tool/<base.key>.log`. */
  logFile?: string;
}

export interface GuestTool {
  /** The static `xen-livepatch` executable. */
  path: string;
  /** True when an earlier build was reused and nothing ran. */
  cached: boolean;
}

/** One command of the build; run without a shell, `env` added to the inherited one. */
export interface GuestToolStep {
  /** Names the step in error messages. */
  name: string;
  cmd: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

/**
 * The tools/libs libraries `xen-livepatch` needs, in build order: each comes after the
 * ones it uses (tools/libs/uselibs.mk), so the reverse is a valid static link order.
 */
export const GUEST_TOOL_LIBS = [
  "toolcore",
  "toollog",
  "evtchn",
  "gnttab",
  "call",
  "foreignmemory",
  "devicemodel",
  "ctrl",
] as const;

/** Leaves out every part of the tree but the C tools and their libraries. */
export const CONFIGURE_FLAGS = [
  "--disable-xen",
  "--disable-docs",
  "--disable-stubdom",
  "--disable-ocamltools",
  "--disable-golang",
  "--disable-seabios",
  "--disable-xsmpolicy",
  "--disable-pvshim",
  "--disable-monitors",
  "--with-system-qemu=/usr/bin/qemu-system-x86_64",
] as const;

/** Files `./configure` needs that Debian's source package deletes (patches 0001, 0002). */
export const CONFIGURE_OUTPUTS = [
  "configure",
  "tools/configure",
  "tools/config.h.in",
  "config.guess",
  "config.sub",
] as const;

const PROVISION_HINT = "scripts/provision.sh installs what the guest tool build needs";

/**
 * The commands that build `<tree>/tools/misc/xen-livepatch`, in order. Only tools/ is
 * built, so the hypervisor objects under xen/ stay as they are.
 */
export function guestToolSteps(opts: {
  /** The built Xen tree (absolute). */
  tree: string;
  jobs: number;
  /** The tree lacks its configure scripts (see CONFIGURE_OUTPUTS): generate them first. */
  regenerateConfigure: boolean;
}): GuestToolStep[] {
  const { tree } = opts;
  // Tools sort and format by locale; C keeps output and error text the same everywhere.
  const env = { LC_ALL: "C" };
  const jobs = `-j${opts.jobs}`;
  const steps: GuestToolStep[] = [];
  if (opts.regenerateConfigure) {
    // Xen's configure.ac files m4_include their macros, so there is no aclocal.m4 to make
    // (and no automake needed); --install puts back config.guess and config.sub.
    steps.push({
      name: "autoreconf",
      cmd: "autoreconf",
      args: ["--install", "--force"],
      cwd: tree,
      env: { ...env, ACLOCAL: "true" },
    });
  }
  steps.push(
    { name: "configure", cmd: "./configure", args: [...CONFIGURE_FLAGS], cwd: tree, env },
    { name: "tools/include", cmd: "make", args: ["-C", "tools/include", jobs], cwd: tree, env },
    ...GUEST_TOOL_LIBS.map((lib) => ({
      name: `tools/libs/${lib}`,
      cmd: "make",
      args: ["-C", `tools/libs/${lib}`, jobs],
      cwd: tree,
      env,
    })),
  );
  // The Makefile links libxenctrl.a itself once nosharedlibs=y; the libraries it uses
  // follow it, users before what they use.
  const dependencies = GUEST_TOOL_LIBS.filter((lib) => lib !== "ctrl")
    .reverse()
    .map((lib) => join(tree, "tools", "libs", lib, `libxen${lib}.a`));
  steps.push({
    name: "tools/misc/xen-livepatch",
    cmd: "make",
    args: [
      "-C",
      "tools/misc",
      "xen-livepatch",
      "nosharedlibs=y",
      "LDFLAGS=-static",
      `APPEND_LDFLAGS=${dependencies.join(" ")}`,
    ],
    cwd: tree,
    env,
  });
  return steps;
}

/** A step of the guest tool build failed; the message says which, why, and where the log is. */
export class GuestToolBuildError extends Error {
  override name = "GuestToolBuildError";
  constructor(
    readonly step: string,
    readonly logFile: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// configure's words for a missing dependency, and the Debian package that provides it.
const CONFIGURE_PACKAGE_HINTS: Array<[RegExp, string]> = [
  [/yajl/i, "libyajl-dev"],
  [/zlib/i, "zlib1g-dev"],
  [/uuid/i, "uuid-dev"],
  [/curses/i, "libncurses-dev"],
  [/iasl/i, "acpica-tools"],
  [/pkg-config/i, "pkg-config"],
  [/python development/i, "python3-dev"],
  [/python interpreter/i, "python3"],
];

/**
 * The first `configure: error:` line of configure's output (the top-level script adds
 * "./configure failed for tools" after the one that says why), with the Debian package
 * that provides what it misses when that is recognisable. Undefined when there is none.
 */
export function configureFailureSummary(output: string): string | undefined {
  const line = /^.*configure: error: .*$/m.exec(output)?.[0].trim();
  if (!line) return undefined;
  const pkg = CONFIGURE_PACKAGE_HINTS.find(([pattern]) => pattern.test(line))?.[1];
  const hint = pkg
    ? `install the Debian package '${pkg}' (${PROVISION_HINT})`
    : `a system package is probably missing (${PROVISION_HINT})`;
  return `${line}\n${hint}`;
}

/**
 * Builds the static `xen-livepatch` in the base's tree and keeps a copy under
 * `<cacheDir>/guest-tool/<base.key>/`, or returns that copy when it is already there.
 * A lock lets one process build while others wait for its result.
 */
export async function buildGuestTool(opts: BuildGuestToolOptions): Promise<GuestTool> {
  const dir = guestToolDir(opts.cacheDir, opts.base.key);
  const path = join(dir, "xen-livepatch");
  const logFile = opts.logFile ?? `${dir}.log`;
  const recipe = recipeId();

  if (await stampIsValid(dir, recipe)) return { path, cached: true };
  // The lock belongs to the tree, where the build runs, whatever cacheDir the copy goes to.
  return withLock(`${opts.base.tree}.guest-tool.lock`, async () => {
    // Another process may have built it while this one waited.
    if (await stampIsValid(dir, recipe)) return { path, cached: true };
    await build();
    return { path, cached: false };
  });

  async function build(): Promise<void> {
    const tree = opts.base.tree;
    await mkdir(dir, { recursive: true });
    await mkdir(dirname(logFile), { recursive: true });
    await appendFile(
      logFile,
      `# xen-livepatch-ci: guest tool for base ${opts.base.key} at ${new Date().toISOString()}\n`,
    );
    const steps = guestToolSteps({
      tree,
      jobs: opts.jobs ?? availableParallelism(),
      regenerateConfigure: !(await allExist(tree, CONFIGURE_OUTPUTS)),
    });
    for (const step of steps) {
      try {
        await runCommand(step.cmd, step.args, { cwd: step.cwd, env: step.env, logFile });
      } catch (err) {
        throw stepFailure(step, err, tree, logFile);
      }
    }

    const built = join(tree, "tools", "misc", "xen-livepatch");
    // Copy, then rename: a reader never sees a half-written executable.
    const tmp = join(dir, `.xen-livepatch.${process.pid}`);
    await copyFile(built, tmp);
    await chmod(tmp, 0o755);
    await rename(tmp, path);
    const stamp: Stamp = { baseKey: opts.base.key, recipe, sha256: await sha256File(path) };
    await writeFile(join(dir, STAMP), JSON.stringify(stamp, null, 2) + "\n");
  }
}

function stepFailure(
  step: GuestToolStep,
  err: unknown,
  tree: string,
  logFile: string,
): GuestToolBuildError {
  const headline = `Building xen-livepatch in ${tree} failed at '${step.name}' (log: ${logFile})`;
  let detail = err instanceof Error ? err.message : String(err);
  if (err instanceof MissingProgramError && err.program === "autoreconf") {
    detail =
      `'autoreconf' was not found on PATH; the tree has no configure script (Debian's ` +
      `source deletes it), so it must be generated: install the Debian package 'autoconf' ` +
      `(${PROVISION_HINT})`;
  } else if (err instanceof CommandError && step.name === "configure") {
    detail = configureFailureSummary(`${err.stdout}\n${err.stderr}`) ?? detail;
  }
  return new GuestToolBuildError(step.name, logFile, `${headline}:\n${detail}`, { cause: err });
}

const STAMP = "stamp.json";

/** Where buildGuestTool keeps the tool of the base with key `baseKey`. */
export function guestToolDir(cacheDir: string, baseKey: string): string {
  return join(resolve(cacheDir), "guest-tool", baseKey);
}

interface Stamp {
  baseKey: string;
  /** Which recipe built it: a changed recipe rebuilds. */
  recipe: string;
  sha256: string;
}

/** Identifies the recipe: the steps for a placeholder tree, which leave paths and jobs out. */
export function recipeId(): string {
  const steps = guestToolSteps({ tree: "/tree", jobs: 1, regenerateConfigure: true });
  return createHash("sha256").update(JSON.stringify(steps)).digest("hex").slice(0, 16);
}

async function stampIsValid(dir: string, recipe: string): Promise<boolean> {
  const text = await readFile(join(dir, STAMP), "utf8").catch(() => null);
  if (text === null) return false;
  let stamp: Partial<Stamp>;
  try {
    stamp = JSON.parse(text) as Partial<Stamp>;
  } catch {
    return false;
  }
  if (stamp.recipe !== recipe) return false;
  // A copy that was deleted or changed since is not one to hand out.
  const actual = await sha256File(join(dir, "xen-livepatch")).catch(() => null);
  return actual === stamp.sha256;
}

async function allExist(root: string, files: readonly string[]): Promise<boolean> {
  for (const file of files) if (!(await exists(join(root, file)))) return false;
  return true;
}
