import type { XenBase } from "./xen.js";
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
export declare const GUEST_TOOL_LIBS: readonly ["toolcore", "toollog", "evtchn", "gnttab", "call", "foreignmemory", "devicemodel", "ctrl"];
/** Leaves out every part of the tree but the C tools and their libraries. */
export declare const CONFIGURE_FLAGS: readonly ["--disable-xen", "--disable-docs", "--disable-stubdom", "--disable-ocamltools", "--disable-golang", "--disable-seabios", "--disable-xsmpolicy", "--disable-pvshim", "--disable-monitors", "--with-system-qemu=/usr/bin/qemu-system-x86_64"];
/** Files `./configure` needs that Debian's source package deletes (patches 0001, 0002). */
export declare const CONFIGURE_OUTPUTS: readonly ["configure", "tools/configure", "tools/config.h.in", "config.guess", "config.sub"];
/**
 * The commands that build `<tree>/tools/misc/xen-livepatch`, in order. Only tools/ is
 * built, so the hypervisor objects under xen/ stay as they are.
 */
export declare function guestToolSteps(opts: {
    /** The built Xen tree (absolute). */
    tree: string;
    jobs: number;
    /** The tree lacks its configure scripts (see CONFIGURE_OUTPUTS): generate them first. */
    regenerateConfigure: boolean;
}): GuestToolStep[];
/** A step of the guest tool build failed; the message says which, why, and where the log is. */
export declare class GuestToolBuildError extends Error {
    readonly step: string;
    readonly logFile: string;
    name: string;
    constructor(step: string, logFile: string, message: string, options?: ErrorOptions);
}
/**
 * The first `configure: error:` line of configure's output (the top-level script adds
 * "./configure failed for tools" after the one that says why), with the Debian package
 * that provides what it misses when that is recognisable. Undefined when there is none.
 */
export declare function configureFailureSummary(output: string): string | undefined;
/**
 * Builds the static `xen-livepatch` in the base's tree and keeps a copy under
 * `<cacheDir>/guest-tool/<base.key>/`, or returns that copy when it is already there.
 * A lock lets one process build while others wait for its result.
 */
export declare function buildGuestTool(opts: BuildGuestToolOptions): Promise<GuestTool>;
/** Where buildGuestTool keeps the tool of the base with key `baseKey`. */
export declare function guestToolDir(cacheDir: string, baseKey: string): string;
/** Identifies the recipe: the steps for a placeholder tree, which leave paths and jobs out. */
export declare function recipeId(): string;
