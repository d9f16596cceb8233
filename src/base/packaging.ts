/**
 * How a distribution built the hypervisor, read from its packaging in the tree, so the base
 * is the binary the distribution ships: Debian's `debian/rules` passes its own make
 * arguments (`CC=x86_64-linux-gnu-gcc`, a `-ffile-prefix-map` of the build directory, ...),
 * exports the build date and its version and maintainer, and copies its own `.config`.
 * Each of these ends up in the hypervisor's bits, so in its build-id.
 *
 * The values are not hard-coded: `debian/rules` itself is evaluated by make, so a new
 * Debian upload or another release's packaging is followed the same way.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "../util/exec.js";
import { exists } from "../util/fs.js";

/** Stands for the root of the tree being built in recipe values (see `recipeMakeArgs`). */
export const TREE_PLACEHOLDER = "@XLCI_TREE@";

/**
 * How make is called for the hypervisor: Debian's recipe as its packaging gives it, or for
 * an upstream tree this tool's own (see upstreamRecipe).
 */
export interface BuildRecipe {
  readonly kind: "debian" | "upstream";
  /**
   * `make_args_xen` of debian/rules, one argument each (`CC=...`, `XEN_TARGET_ARCH=...`),
   * with the tree's root written as TREE_PLACEHOLDER: the packaging passes `$(shell pwd)`,
   * which is wherever the tree is built.
   */
  readonly makeArgs: string[];
  /**
   * What debian/rules exports to the build that the hypervisor embeds or reads:
   * XEN_BUILD_DATE, XEN_BUILD_TIME, DEB_VERSION, DEB_MAINTAINER, SOURCE_DATE_EPOCH, ...
   */
  readonly env: Record<string, string>;
  /** The `.config` the packaging copies into `xen/` (a path in the tree), if it does. */
  readonly configFile?: string;
  /** Where this build cannot do what the packaging does, and what it does instead. */
  readonly differences: string[];
}

// Make arguments of the packaging's that change only what make prints, not what it builds.
const OUTPUT_ONLY_ARGS = /^V=/;

// Variables every make run or shell has, or that only this evaluation sets: not the recipe's.
const NOT_RECIPE_ENV = new Set([
  "MAKEFLAGS",
  "MFLAGS",
  "MAKELEVEL",
  "MAKE_TERMOUT",
  "MAKE_TERMERR",
  "SHLVL",
  "PWD",
  "OLDPWD",
  "_",
  "XLCI_OUT",
]);

const evaluated = new Map<string, Promise<BuildRecipe | undefined>>();

/**
 * Debian's hypervisor recipe for the tree at `root`, or undefined when the tree has no
 * `debian/rules`. Evaluates `debian/rules` with make (needs dpkg-dev's makefile snippets,
 * which scripts/provision.sh installs) in a clean environment; memoized per root.
 *
 * Rule source: Debian's xen packaging, `make_args_xen` and `override_dh_auto_configure`
 * in debian/rules (4.17.5+72-g01140da4e8-1 for bookworm).
 *
 * @throws CommandError when make cannot evaluate debian/rules.
 */
export function readDebianRecipe(root: string, logFile?: string): Promise<BuildRecipe | undefined> {
  let recipe = evaluated.get(root);
  if (!recipe) {
    recipe = evaluate(root, logFile);
    evaluated.set(root, recipe);
    recipe.catch(() => evaluated.delete(root));
  }
  return recipe;
}

async function evaluate(root: string, logFile?: string): Promise<BuildRecipe | undefined> {
  if (!(await exists(join(root, "debian", "rules")))) return undefined;
  const out = await mkdtemp(join(tmpdir(), "xlci-recipe-"));
  try {
    // A recipe of our own, run by make after reading debian/rules: the shell splits
    // make_args_xen exactly as it does for Debian's build, and `env` shows what it exports.
    const printer = join(out, "print.mk");
    await writeFile(
      printer,
      [
        "xlci-print-recipe:",
        `\t@printf '%s\\0' $(make_args_xen) > "$(XLCI_OUT)/args"`,
        `\t@env -0 > "$(XLCI_OUT)/env"`,
        "",
      ].join("\n"),
    );
    // `env -i`: nothing of this machine's environment (a CC, a DEB_*) changes the answer.
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", XLCI_OUT: out };
    const make = (args: string[]) =>
      runCommand(
        "env",
        ["-i", ...Object.entries(env).map(([k, v]) => `${k}=${v}`), "make", ...args],
        { cwd: root, ...(logFile ? { logFile } : {}) },
      );
    const [, configure] = await Promise.all([
      make([
        "-s",
        "--no-print-directory",
        "-f",
        "debian/rules",
        "-f",
        printer,
        "xlci-print-recipe",
      ]),
      // Printed, not run: the packaging's configure step names the .config it copies.
      make([
        "-n",
        "--no-print-directory",
        "-f",
        "debian/rules",
        "override_dh_auto_configure",
      ]).catch(() => ({ stdout: "" })),
    ]);
    const nulSplit = (text: string) => text.split("\0").filter((s) => s.length > 0);
    const args = nulSplit(await readFile(join(out, "args"), "utf8"));
    const differences: string[] = [];
    const makeArgs = args
      .filter((arg) => {
        if (!OUTPUT_ONLY_ARGS.test(arg)) return true;
        differences.push(`${arg} left out (it changes only what make prints)`);
        return false;
      })
      .map((arg) => arg.split(root).join(TREE_PLACEHOLDER));
    const recipeEnv: Record<string, string> = {};
    for (const entry of nulSplit(await readFile(join(out, "env"), "utf8"))) {
      const eq = entry.indexOf("=");
      const name = entry.slice(0, eq);
      if (eq <= 0 || NOT_RECIPE_ENV.has(name) || name in env) continue;
      recipeEnv[name] = entry
        .slice(eq + 1)
        .split(root)
        .join(TREE_PLACEHOLDER);
    }
    const copied = /^\s*cp\s+(?:-\S+\s+)*(\S+)\s+xen\/\.config\s*$/m.exec(configure.stdout)?.[1];
    if (!copied)
      differences.push(
        "the packaging's configure step copies no .config into xen/: Xen's defconfig is used",
      );
    return {
      kind: "debian",
      makeArgs,
      env: recipeEnv,
      ...(copied ? { configFile: copied } : {}),
      differences,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

/**
 * The recipe for a tree without a distribution's packaging: Xen's own build, with the
 * tree's path mapped to "." in what the compiler records. From 4.18.4/4.19.2/4.20 a
 * livepatch build has DEBUG_INFO on (126b0a6e53) and xen-syms would otherwise embed the
 * build directory, so the same tree built in two places would have two build-ids. Where
 * nothing records the path (4.17, no debug info), the map changes no byte.
 */
export function upstreamRecipe(): BuildRecipe {
  return {
    kind: "upstream",
    makeArgs: [`EXTRA_CFLAGS_XEN_CORE=-ffile-prefix-map=${TREE_PLACEHOLDER}=.`],
    env: {},
    differences: [],
  };
}

/** The recipe's make arguments for a build in `tree` (its absolute root). */
export function recipeMakeArgs(recipe: BuildRecipe | undefined, tree: string): string[] {
  return (recipe?.makeArgs ?? []).map((arg) => arg.split(TREE_PLACEHOLDER).join(tree));
}

/** The recipe's exported variables for a build in `tree` (its absolute root). */
export function recipeEnv(recipe: BuildRecipe | undefined, tree: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(recipe?.env ?? {}).map(([k, v]) => [k, v.split(TREE_PLACEHOLDER).join(tree)]),
  );
}

/** The compiler the recipe builds with (its `CC=`), or undefined for the default `gcc`. */
export function recipeCompiler(recipe: BuildRecipe | undefined): string | undefined {
  return recipe?.makeArgs.find((a) => a.startsWith("CC="))?.slice(3) || undefined;
}
