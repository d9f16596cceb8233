import type { XenSourceTree } from "../source/types.js";
import { type XenConfig } from "./config.js";
import { type BuildRecipe } from "./packaging.js";
import { type BuildValues } from "./build-values.js";
import { type XenVersion } from "../xen/version.js";
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
export declare class XenBuildError extends Error {
    readonly tree: string;
    readonly logFile: string;
    name: string;
    constructor(tree: string, logFile: string, cause: unknown);
}
export interface MakeInvocation {
    cmd: "make";
    args: string[];
    /** Added to the inherited environment. */
    env: Record<string, string>;
}
/** The make runs of a base build, in order: defconfig, then the hypervisor; `cwd` is `tree`. */
export declare function xenMakeInvocations(opts: {
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
}): MakeInvocation[];
/** 16 hex digits of sha256 over everything that changes the build's output. */
export declare function xenBuildKey(inputs: {
    source: XenSourceTree["identity"];
    config: string;
    compiler: string;
    buildValues: BuildValues;
    distribution?: Record<string, string>;
    recipe?: BuildRecipe;
}): string;
/**
 * Where and under which key `buildXenBase` builds: everything that changes the output,
 * computed without building, so a cache can be restored before the build looks.
 */
export declare function planXenBase(opts: BuildXenBaseOptions): Promise<{
    cacheDir: string;
    config: XenConfig;
    distribution: Record<string, string>;
    recipe: BuildRecipe;
    buildValues: {
        XEN_BUILD_DATE: string;
        XEN_BUILD_TIME: string;
        XEN_BUILD_HOST: string;
        XEN_WHOAMI: string;
        XEN_DOMAIN: string;
        XEN_CHANGESET?: string;
    };
    key: string;
    tree: string;
    ccacheDir: string;
}>;
/**
 * Builds Xen's hypervisor (defconfig) from `source` in `<cacheDir>/build/<key>`, or returns
 * the earlier build with the same key. Several processes may ask at once: a lock lets one
 * build while the others wait for its result.
 */
export declare function buildXenBase(opts: BuildXenBaseOptions): Promise<XenBase>;
/**
 * The make run that rebuilds the hypervisor in a copy of the base's tree (`tree`, the
 * copy's root, is also `cwd`) with exactly the base build's environment and arguments, so
 * only what a change touches is rebuilt, and rebuilt the same way.
 */
export declare function xenRebuildInvocation(opts: BuildXenBaseOptions, tree: string, logFile: string): Promise<MakeInvocation>;
/**
 * The arguments and environment for make in a copy of the base's tree (`tree`, its root):
 * the distribution's make arguments and the pinned values, so the copy builds like the
 * base. Without them a different compiler name alone makes Kconfig rebuild everything.
 */
export declare function xenMakeFor(base: Pick<XenBase, "recipe" | "buildEnv">, tree: string): {
    args: string[];
    env: Record<string, string>;
};
/** The base's in-tree test payloads (xen/test/livepatch), once built by buildXenTests. */
export interface XenTests {
    dir: string;
    /** Absolute paths of the `*.livepatch` files, sorted. */
    payloads: string[];
    /** True when an earlier build was reused. */
    cached: boolean;
}
/**
 * Builds the in-tree test payloads (`make -C xen tests`) on top of a finished base, in its
 * tree, once: they are not part of the base's cache key, so a run with them and a run
 * without them (a patch) share one base build.
 *
 * @throws Error when make fails or the payloads' build changed the hypervisor's build-id
 *   (it must only read xen-syms).
 */
export declare function buildXenTests(base: XenBase, opts?: {
    jobs?: number;
    logFile?: string;
}): Promise<XenTests>;
/**
 * Debian's patched tree embeds `lsb_release -is` in the hypervisor (xen/build.mk), beside
 * the packaging's DEB_VERSION and DEB_MAINTAINER (which the recipe exports). Left to the
 * build machine, an Ubuntu runner, or a machine without lsb_release, builds different bits
 * from the same source; pinned to what Debian's own build machines answer, it is the same
 * everywhere.
 */
export declare function distributionValues(recipe: BuildRecipe | undefined): Record<string, string>;
