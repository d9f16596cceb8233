/** Stands for the root of the tree being built in recipe values (see `recipeMakeArgs`). */
export declare const TREE_PLACEHOLDER = "@XLCI_TREE@";
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
export declare function readDebianRecipe(root: string, logFile?: string): Promise<BuildRecipe | undefined>;
/**
 * The recipe for a tree without a distribution's packaging: Xen's own build, with the
 * tree's path mapped to "." in what the compiler records. From 4.18.4/4.19.2/4.20 a
 * livepatch build has DEBUG_INFO on (126b0a6e53) and xen-syms would otherwise embed the
 * build directory, so the same tree built in two places would have two build-ids. Where
 * nothing records the path (4.17, no debug info), the map changes no byte.
 */
export declare function upstreamRecipe(): BuildRecipe;
/** The recipe's make arguments for a build in `tree` (its absolute root). */
export declare function recipeMakeArgs(recipe: BuildRecipe | undefined, tree: string): string[];
/** The recipe's exported variables for a build in `tree` (its absolute root). */
export declare function recipeEnv(recipe: BuildRecipe | undefined, tree: string): Record<string, string>;
/** The compiler the recipe builds with (its `CC=`), or undefined for the default `gcc`. */
export declare function recipeCompiler(recipe: BuildRecipe | undefined): string | undefined;
