import { createHash, randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import {
  access,
  appendFile,
  mkdir,
  readdir,
  readFile,
  rename,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { availableParallelism } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import type { XenSourceTree } from "../source/types.js";
import { type XenConfig, configKey, livepatchRequirements, mergedConfigText } from "./config.js";
import {
  type BuildRecipe,
  readDebianRecipe,
  upstreamRecipe,
  recipeCompiler,
  recipeEnv,
  recipeMakeArgs,
} from "./packaging.js";
import { ConfigurationError } from "../util/errors.js";
import { MissingProgramError, runCommand } from "../util/exec.js";
import { canonicalJson } from "../util/json.js";
import { withLock } from "../util/lock.js";
import { readStamp as readCheckedStamp, writeStamp } from "../util/stamp.js";
import { readElfFile } from "../elf/reader.js";
import { xenSymsProblem } from "../livepatch/xen-syms.js";
import { exists, sha256File } from "../util/fs.js";
import {
  type BuildValues,
  checkBuildValues,
  pinChangeset,
  sourceDefaults,
} from "./build-values.js";
import { type XenVersion, readXenVersion } from "../xen/version.js";

export interface XenBase {
  /** The built source tree (its `xen/` holds the objects livepatch builds reuse). */
  tree: string;
  /** ELF with symbols; its build-id is what payloads depend on. */
  xenSyms: string;
  /** The multiboot image QEMU boots with `-kernel`. */
  xenImage: string;
  key: string;
  /**
   * The distribution's recipe the base was built with (Debian's packaging in the tree), so
   * every later make in a copy of the tree (patches, payload sources) runs the same way.
   */
  recipe?: BuildRecipe;
  /** The build and packaging values the make runs had in their environment. */
  buildEnv: Record<string, string>;
  /** The tree's Xen version (xen/Makefile): which loader, guest tool and messages it has. */
  xenVersion: XenVersion;
  /** The configuration the hypervisor was built with. */
  config: {
    kind: XenConfig["kind"];
    /** sha256 of the final xen/.config. */
    digest: string;
    /** What was changed to make it livepatchable (e.g. CONFIG_LIVEPATCH=y turned on). */
    notes: string[];
  };
  /** True when an earlier build was reused and nothing ran. */
  cached: boolean;
}

export interface BuildXenBaseOptions {
  source: XenSourceTree;
  cacheDir: string;
  /** Overrides for the derived defaults (see build-values.ts, defaultBuildValues). */
  buildValues?: Partial<BuildValues>;
  /** Xen's defconfig unless given (see loadXenConfig). */
  config?: XenConfig;
  jobs?: number;
  /** Where make's output goes; defaults to `<cacheDir>/build/<key>.log`. */
  logFile?: string;
}

/** A failed base build: where it ran (the copy of the source) and its full log. */
export class XenBuildError extends Error {
  override name = "XenBuildError";
  constructor(
    readonly tree: string,
    readonly logFile: string,
    cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`Building the Xen base in ${tree} failed (log: ${logFile}):\n${message}`, { cause });
  }
}

export interface MakeInvocation {
  cmd: "make";
  args: string[];
  /** Added to the inherited environment. */
  env: Record<string, string>;
}

const STAMP = ".xlci-build.json";

/** The make runs of a base build, in order: defconfig, then the hypervisor; `cwd` is `tree`. */
export function xenMakeInvocations(opts: {
  /** The tree's absolute root (the packaging's make arguments name it). */
  tree: string;
  jobs: number;
  buildValues: BuildValues;
  /** PATH to run make with (ccache's compiler links first, when used). */
  path: string;
  ccacheDir?: string;
  /** The distribution's packaging values its patched tree embeds (see distributionValues). */
  distribution?: Record<string, string>;
  /** The distribution's make arguments and exports (see readDebianRecipe). */
  recipe?: BuildRecipe;
}): MakeInvocation[] {
  const env: Record<string, string> = {
    ...recipeEnv(opts.recipe, opts.tree),
    ...opts.distribution,
    // The given build values win over the packaging's (which set the date and time).
    ...opts.buildValues,
    PATH: opts.path,
    // Tools sort and format by locale; C keeps the output the same on every machine.
    LC_ALL: "C",
    ...(opts.ccacheDir ? { CCACHE_DIR: opts.ccacheDir } : {}),
  };
  const recipeArgs = recipeMakeArgs(opts.recipe, opts.tree);
  const jobs = `-j${opts.jobs}`;
  return [
    ["-C", "xen", "defconfig", ...recipeArgs],
    ["-C", "xen", jobs, ...recipeArgs],
  ].map((args) => ({ cmd: "make", args, env }));
}

/** 16 hex digits of sha256 over everything that changes the build's output. */
export function xenBuildKey(inputs: {
  source: XenSourceTree["identity"];
  config: string;
  compiler: string;
  buildValues: BuildValues;
  distribution?: Record<string, string>;
  recipe?: BuildRecipe;
}): string {
  return createHash("sha256").update(canonicalJson(inputs)).digest("hex").slice(0, 16);
}

/**
 * Where and under which key `buildXenBase` builds: everything that changes the output,
 * computed without building, so a cache can be restored before the build looks.
 */
export async function planXenBase(opts: BuildXenBaseOptions) {
  const cacheDir = resolve(opts.cacheDir);
  const recipe = (await readDebianRecipe(opts.source.root)) ?? upstreamRecipe();
  // Without a configuration of the user's, the packaging's own (what the distribution ships).
  const config: XenConfig =
    opts.config ??
    (recipe?.configFile
      ? {
          kind: "packaging",
          path: recipe.configFile,
          text: await readFile(join(opts.source.root, recipe.configFile), "utf8"),
        }
      : { kind: "defconfig" });
  const distribution = distributionValues(recipe);
  const given = opts.buildValues ?? {};
  checkBuildValues(given); // at once when options read them already
  const defaults = await sourceDefaults(opts.source, given, recipe);
  const added = Object.fromEntries(Object.entries(defaults).filter(([k]) => !(k in given)));
  checkBuildValues(added);
  const buildValues = { ...defaults, ...given };
  const compiler =
    (await runCommand(recipeCompiler(recipe) ?? "gcc", ["--version"])).stdout.split("\n")[0] ?? "";
  const key = xenBuildKey({
    source: opts.source.identity,
    config: configKey(config),
    compiler,
    buildValues,
    distribution,
    ...(recipe ? { recipe } : {}),
  });
  const tree = join(cacheDir, "build", key);
  return {
    cacheDir,
    config,
    distribution,
    recipe,
    buildValues,
    key,
    tree,
    ccacheDir: join(cacheDir, "ccache"),
  };
}

/**
 * Builds Xen's hypervisor (defconfig) from `source` in `<cacheDir>/build/<key>`, or returns
 * the earlier build with the same key. Several processes may ask at once: a lock lets one
 * build while the others wait for its result.
 */
export async function buildXenBase(opts: BuildXenBaseOptions): Promise<XenBase> {
  const plan = await planXenBase(opts);
  const { config, recipe, key, tree } = plan;
  const logFile = opts.logFile ?? `${tree}.log`;

  const earlier = await readStamp(tree, logFile);
  if (earlier) return earlier;
  // Only a process that held the lock can have finished (or spoilt) the entry since.
  let waited = false;
  const waiting = (who: string) => {
    waited = true;
    appendFile(logFile, `# waiting for ${who}\n`).catch(() => {});
  };
  return withLock(
    `${tree}.lock`,
    async () => {
      const finished = waited ? await readStamp(tree, logFile) : null;
      if (finished) return finished;
      try {
        return await build();
      } catch (err) {
        if (err instanceof ConfigurationError) throw err;
        throw new XenBuildError(tree, logFile, err);
      }
    },
    { onWait: waiting },
  );

  async function build(): Promise<XenBase> {
    await mkdir(dirname(logFile), { recursive: true });
    await appendFile(
      logFile,
      `# xen-livepatch-ci: base build ${key} at ${new Date().toISOString()}\n`,
    );
    // Start from a clean copy: a leftover tree from an interrupted build is not trusted.
    await rm(tree, { recursive: true, force: true });
    await runCommand("cp", ["-a", opts.source.root, tree], { logFile });
    if (plan.buildValues.XEN_CHANGESET !== undefined)
      await pinChangeset(tree, plan.buildValues.XEN_CHANGESET);

    const runs = await makeInvocations(opts, plan, tree, logFile);
    let configResult: XenBase["config"] | undefined;
    for (const [i, run] of runs.entries()) {
      await runCommand(run.cmd, run.args, { cwd: tree, env: run.env, logFile });
      // After defconfig: apply the user's configuration, and fail before the long build.
      if (i === 0) configResult = await configure(tree, config, run, logFile);
    }

    const xen = join(tree, "xen");
    const result: Omit<XenBase, "cached"> = {
      tree,
      xenSyms: join(xen, "xen-syms"),
      xenImage: join(xen, "xen"),
      key,
      xenVersion: await readXenVersion(tree),
      ...(recipe ? { recipe } : {}),
      buildEnv: { ...plan.distribution, ...plan.buildValues },
      config: configResult!,
    };
    for (const file of [result.xenSyms, result.xenImage]) {
      await access(file).catch(() => {
        throw new Error(`make finished but ${file} is missing`);
      });
    }
    await writeStamp(join(tree, STAMP), result, [result.xenSyms, result.xenImage]);
    return { ...result, cached: false };
  }
}

/**
 * The make runs of a base build with this machine's compiler cache and shims on PATH: the
 * base build runs them all, an incremental rebuild of a copy (a patched tree) the last.
 */
async function makeInvocations(
  opts: BuildXenBaseOptions,
  plan: Pick<
    Awaited<ReturnType<typeof planXenBase>>,
    "cacheDir" | "buildValues" | "distribution" | "recipe"
  >,
  tree: string,
  logFile: string,
): Promise<MakeInvocation[]> {
  const compiler = recipeCompiler(plan.recipe);
  const ccache = await setUpCcache(plan.cacheDir, logFile, compiler ? [compiler] : []);
  const shims = await setUpShims(plan.cacheDir);
  const path = [ccache?.binDir, shims, process.env.PATH].filter(Boolean).join(delimiter);
  return xenMakeInvocations({
    tree,
    jobs: opts.jobs ?? availableParallelism(),
    buildValues: plan.buildValues,
    path,
    ...(ccache ? { ccacheDir: ccache.cacheDir } : {}),
    distribution: plan.distribution,
    ...(plan.recipe ? { recipe: plan.recipe } : {}),
  });
}

/**
 * The make run that rebuilds the hypervisor in a copy of the base's tree (`tree`, the
 * copy's root, is also `cwd`) with exactly the base build's environment and arguments, so
 * only what a change touches is rebuilt, and rebuilt the same way.
 */
export async function xenRebuildInvocation(
  opts: BuildXenBaseOptions,
  tree: string,
  logFile: string,
): Promise<MakeInvocation> {
  const plan = await planXenBase(opts);
  const runs = await makeInvocations(opts, plan, tree, logFile);
  return runs[runs.length - 1]!;
}

/**
 * The arguments and environment for make in a copy of the base's tree (`tree`, its root):
 * the distribution's make arguments and the pinned values, so the copy builds like the
 * base. Without them a different compiler name alone makes Kconfig rebuild everything.
 */
export function xenMakeFor(
  base: Pick<XenBase, "recipe" | "buildEnv">,
  tree: string,
): { args: string[]; env: Record<string, string> } {
  return {
    args: recipeMakeArgs(base.recipe, tree),
    env: { ...recipeEnv(base.recipe, tree), ...base.buildEnv, LC_ALL: "C" },
  };
}

/** The base's in-tree test payloads (xen/test/livepatch), once built by buildXenTests. */
export interface XenTests {
  dir: string;
  /** Absolute paths of the `*.livepatch` files, sorted. */
  payloads: string[];
  /** True when an earlier build was reused. */
  cached: boolean;
}

const TESTS_STAMP = ".xlci-tests.json";

/**
 * Builds the in-tree test payloads (`make -C xen tests`) on top of a finished base, in its
 * tree, once: they are not part of the base's cache key, so a run with them and a run
 * without them (a patch) share one base build.
 *
 * @throws Error when make fails or the payloads' build changed the hypervisor's build-id
 *   (it must only read xen-syms).
 */
export async function buildXenTests(
  base: XenBase,
  opts: { jobs?: number; logFile?: string } = {},
): Promise<XenTests> {
  const dir = join(base.tree, "xen", "test", "livepatch");
  const stamp = join(base.tree, TESTS_STAMP);
  const list = async () =>
    (await readdir(dir))
      .filter((name) => name.endsWith(".livepatch"))
      .sort()
      .map((name) => join(dir, name));
  const done = async () => (await exists(stamp)) && (await list()).length > 0;
  if (await done()) return { dir, payloads: await list(), cached: true };
  return withLock(`${base.tree}.tests.lock`, async () => {
    if (await done()) return { dir, payloads: await list(), cached: true };
    const logFile = opts.logFile ?? `${base.tree}.tests.log`;
    const before = await sha256File(base.xenSyms);
    const make = xenMakeFor(base, base.tree);
    await runCommand(
      "make",
      ["-C", "xen", `-j${opts.jobs ?? availableParallelism()}`, ...make.args, "tests"],
      { cwd: base.tree, env: { ...make.env, MAKEFLAGS: undefined, MAKELEVEL: undefined }, logFile },
    );
    if ((await sha256File(base.xenSyms)) !== before)
      throw new Error(`make tests rebuilt ${base.xenSyms}: the base changed under its payloads`);
    await writeFile(stamp, `${JSON.stringify({ built: new Date().toISOString() })}\n`);
    return { dir, payloads: await list(), cached: false };
  });
}

/**
 * Applies `config` on top of the defconfig just written, then makes sure the result is an
 * x86-64 configuration with CONFIG_LIVEPATCH=y (turning it on, and saying so, if needed).
 */
async function configure(
  tree: string,
  config: XenConfig,
  defconfigRun: MakeInvocation,
  logFile: string,
): Promise<XenBase["config"]> {
  const configFile = join(tree, "xen", ".config");
  const olddefconfig = () =>
    runCommand("make", ["-C", "xen", "olddefconfig"], {
      cwd: tree,
      env: defconfigRun.env,
      logFile,
    });
  if (config.kind !== "defconfig") {
    await writeFile(configFile, mergedConfigText(await readFile(configFile, "utf8"), config));
    await olddefconfig();
  }
  const notes: string[] = [];
  const force = livepatchRequirements(await readFile(configFile, "utf8"));
  if (force.length > 0) {
    await appendFile(configFile, force.map((line) => `${line}\n`).join(""));
    await olddefconfig();
    if (livepatchRequirements(await readFile(configFile, "utf8")).length > 0) {
      throw new ConfigurationError(
        "xen-config",
        `${force.join(", ")} cannot be enabled with this configuration (a dependency is off; x86 needs the linker's --build-id)`,
      );
    }
    // Not the file's path: a later build of the same content reuses this one from the cache.
    const by = config.kind === "defconfig" ? "" : " by the given configuration";
    notes.push(`${force.join(", ")} was not set${by}: turned on`);
  }
  const digest = await sha256File(configFile);
  return { kind: config.kind, digest, notes };
}

/**
 * A directory of `gcc`/`cc` links to ccache, put first on PATH: changing CC instead would
 * change Xen's recorded command lines and force full rebuilds. Null when ccache is absent.
 */
async function setUpCcache(
  cacheDir: string,
  logFile: string,
  /** Compiler names besides gcc and cc that the build calls (a packaging's `CC=`). */
  compilers: readonly string[] = [],
): Promise<{ binDir: string; cacheDir: string } | null> {
  try {
    await runCommand("ccache", ["--version"]);
  } catch (err) {
    if (!(err instanceof MissingProgramError)) throw err;
    await appendFile(logFile, "# ccache not found: building without a compiler cache\n");
    return null;
  }
  const ccachePath = await findOnPath("ccache", process.env.PATH ?? "");
  const binDir = join(cacheDir, "ccache-bin");
  await mkdir(binDir, { recursive: true });
  for (const name of new Set(["gcc", "cc", ...compilers.filter((c) => !c.includes("/"))])) {
    // Create then rename: replacing a link is atomic for a concurrent build using it.
    const tmp = join(binDir, `.${name}.${process.pid}.${randomUUID()}`);
    await rm(tmp, { force: true });
    await symlink(ccachePath, tmp);
    await rename(tmp, join(binDir, name));
  }
  return { binDir, cacheDir: join(cacheDir, "ccache") };
}

/**
 * Debian's patched tree embeds `lsb_release -is` in the hypervisor (xen/build.mk), beside
 * the packaging's DEB_VERSION and DEB_MAINTAINER (which the recipe exports). Left to the
 * build machine, an Ubuntu runner, or a machine without lsb_release, builds different bits
 * from the same source; pinned to what Debian's own build machines answer, it is the same
 * everywhere.
 */
export function distributionValues(recipe: BuildRecipe | undefined): Record<string, string> {
  return recipe?.kind === "debian" ? { XLCI_LSB_DISTRIBUTOR: "Debian" } : {};
}

/** Programs the build calls whose answers must not depend on the machine: `lsb_release`. */
async function setUpShims(cacheDir: string): Promise<string> {
  const dir = join(cacheDir, "build-shims");
  await mkdir(dir, { recursive: true });
  const script = [
    "#!/bin/sh",
    "# xen-livepatch-ci: the distributor id a Debian tree embeds, pinned (see distributionValues).",
    'if [ "$1" = "-is" ] && [ -n "$XLCI_LSB_DISTRIBUTOR" ]; then echo "$XLCI_LSB_DISTRIBUTOR"; exit 0; fi',
    'echo "lsb_release shim: only -is is pinned" >&2',
    "exit 1",
    "",
  ].join("\n");
  const tmp = join(dir, `.lsb_release.${process.pid}.${randomUUID()}`);
  await writeFile(tmp, script, { mode: 0o755 });
  await rename(tmp, join(dir, "lsb_release"));
  return dir;
}

async function findOnPath(program: string, path: string): Promise<string> {
  for (const dir of path.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, program);
    if (
      await access(candidate, fsConstants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return candidate;
  }
  throw new MissingProgramError(program);
}

/**
 * The finished build in `tree`, or null: none, or one whose stamp or outputs are unusable
 * (an empty stamp, a truncated xen-syms), which is rebuilt; why goes into `logFile`.
 */
async function readStamp(tree: string, logFile: string): Promise<XenBase | null> {
  const stamp = await readCheckedStamp<Omit<XenBase, "cached">>(join(tree, STAMP));
  if (!stamp) return null;
  // A stamp of an older release carries no checksums: its xen-syms must at least be one.
  const problem = stamp.value
    ? await readElfFile(stamp.value.xenSyms).then(xenSymsProblem, (e: Error) => e.message)
    : stamp.unusable;
  if (!stamp.value || problem !== undefined) {
    await mkdir(dirname(logFile), { recursive: true });
    await appendFile(logFile, `# the cached build is unusable, rebuilt: ${problem}\n`);
    return null;
  }
  const base = stamp.value;
  // Stamps written before the version was recorded (a cache an older release saved).
  const xenVersion = base.xenVersion ?? (await readXenVersion(tree));
  return { ...base, xenVersion, cached: true };
}
