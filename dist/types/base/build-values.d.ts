import type { XenSourceTree } from "../source/types.js";
import type { BuildRecipe } from "./packaging.js";
/**
 * The values Xen bakes into the hypervisor (xen/include/xen/compile.h) that otherwise come
 * from the clock, `hostname` and `$USER`. Pinning them makes a rebuild bit-identical, so
 * it has the same build-id as the deployed hypervisor a payload must match.
 */
export interface BuildValues {
    XEN_BUILD_DATE: string;
    XEN_BUILD_TIME: string;
    XEN_BUILD_HOST: string;
    XEN_WHOAMI: string;
    XEN_DOMAIN: string;
    /**
     * The changeset line Xen embeds (`xen_changeset()`), which its `tools/scmversion` would
     * otherwise take from git at build time. Git abbreviates the commit to as many digits as
     * the repository's object count asks, so the same commit gave `git:def2abc` in one clone
     * and `git:def2abc3` in another that had fetched more: pinned, it depends only on the
     * commit (see sourceChangeset). Absent for a tree without git (Debian's source package),
     * where scmversion prints nothing.
     */
    XEN_CHANGESET?: string;
}
/** Date of the newest entry of a debian/changelog (its first ` -- maintainer  date` line). */
export declare function parseChangelogDate(changelog: string): Date;
/** The date as Xen's defaults would show it: `LC_ALL=C date` and `date +%T`, in UTC. */
export declare function xenDateValues(date: Date): Pick<BuildValues, "XEN_BUILD_DATE" | "XEN_BUILD_TIME">;
/** Defaults that depend only on the source: its release date and fixed, neutral names. */
export declare function defaultBuildValues(sourceDate: Date): BuildValues;
/**
 * The build values of `source` before the user's `overrides`: the packaging's date when it
 * pins one, else the Debian changelog's newest entry or the commit's date, and the pinned
 * changeset of a git checkout.
 *
 * @throws ConfigurationError (`build-values`) for a tree with no date to pin to.
 */
export declare function sourceDefaults(source: XenSourceTree, overrides?: Partial<BuildValues>, recipe?: BuildRecipe): Promise<BuildValues>;
/**
 * The changeset line Xen's `xen/tools/scmversion` prints for a git checkout, made
 * independent of the clone: `<author date, git's default format> git:<7 hex digits>`,
 * with `-dirty` when a local checkout has changes. Undefined without a commit.
 */
export declare function sourceChangeset(source: XenSourceTree): Promise<string | undefined>;
/**
 * Makes the build in `tree` embed `changeset` by replacing `xen/tools/scmversion`, which
 * Xen runs on every build (xen/build.mk writes compile.h from it). A tree without the
 * script is left alone.
 */
export declare function pinChangeset(tree: string, changeset: string): Promise<void>;
/**
 * Refuses build values Xen cannot take: it substitutes them into compile.h with
 * `sed s/@@x@@/VALUE/g`, so characters special there (and quotes, newlines) would break the
 * build or change it silently. Options check the user's values as they are read; the base
 * build checks what it is given (a library caller's) and what the source adds, and an
 * object accepted once is not checked again.
 *
 * @throws ConfigurationError (`build-values`) naming the first bad value.
 */
export declare function checkBuildValues(values: Partial<BuildValues>): void;
