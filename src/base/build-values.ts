/**
 * The values a base build pins so that a rebuild is bit-identical (Xen's compile.h values
 * and the changeset line), and where their defaults come from: the source's date and
 * commit, or the packaging's.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { XenSourceTree } from "../source/types.js";
import { ConfigurationError } from "../util/errors.js";
import { runCommand } from "../util/exec.js";
import { exists } from "../util/fs.js";
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
export function parseChangelogDate(changelog: string): Date {
  const trailer = /^ -- .*?> {2}(.+)$/m.exec(changelog);
  const date = trailer?.[1] ? new Date(trailer[1]) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new Error(
      "debian/changelog has no ' -- maintainer <email>  date' line with a valid date",
    );
  }
  return date;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The date as Xen's defaults would show it: `LC_ALL=C date` and `date +%T`, in UTC. */
export function xenDateValues(date: Date): Pick<BuildValues, "XEN_BUILD_DATE" | "XEN_BUILD_TIME"> {
  const two = (n: number) => String(n).padStart(2, "0");
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  const day = String(date.getUTCDate()).padStart(2, " "); // date's %e pads with a space
  return {
    XEN_BUILD_DATE: `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${day} ${time} UTC ${date.getUTCFullYear()}`,
    XEN_BUILD_TIME: time,
  };
}

/** Defaults that depend only on the source: its release date and fixed, neutral names. */
export function defaultBuildValues(sourceDate: Date): BuildValues {
  return {
    ...xenDateValues(sourceDate),
    XEN_BUILD_HOST: "xen-livepatch-ci",
    XEN_WHOAMI: "builder",
    XEN_DOMAIN: "localdomain",
  };
}

/**
 * The build values of `source` before the user's `overrides`: the packaging's date when it
 * pins one, else the Debian changelog's newest entry or the commit's date, and the pinned
 * changeset of a git checkout.
 *
 * @throws ConfigurationError (`build-values`) for a tree with no date to pin to.
 */
export async function sourceDefaults(
  source: XenSourceTree,
  overrides: Partial<BuildValues> = {},
  recipe?: BuildRecipe,
): Promise<BuildValues> {
  // The packaging's own date (Debian's: SOURCE_DATE_EPOCH, the changelog's newest entry).
  const { XEN_BUILD_DATE, XEN_BUILD_TIME } = recipe?.env ?? {};
  if (XEN_BUILD_DATE && XEN_BUILD_TIME)
    return { ...defaultBuildValues(new Date(0)), XEN_BUILD_DATE, XEN_BUILD_TIME };
  switch (source.identity.kind) {
    case "debian": {
      const changelog = await readFile(join(source.root, "debian", "changelog"), "utf8");
      return defaultBuildValues(parseChangelogDate(changelog));
    }
    case "git":
    case "path": {
      const changeset = await sourceChangeset(source);
      const pinned = changeset ? { XEN_CHANGESET: changeset } : {};
      if (source.sourceDate) return { ...defaultBuildValues(source.sourceDate), ...pinned };
      // The given date and time replace the epoch below.
      if (overrides.XEN_BUILD_DATE && overrides.XEN_BUILD_TIME)
        return { ...defaultBuildValues(new Date(0)), ...pinned };
      // Without a commit there is no date that stays the same between two builds.
      throw new ConfigurationError(
        "build-values",
        `${source.root} is not a git checkout, so there is no commit date to pin the build date to: give XEN_BUILD_DATE and XEN_BUILD_TIME`,
      );
    }
  }
}

/** Digits of the commit in the pinned changeset: what a fresh `git clone --depth 1` shows. */
const CHANGESET_DIGITS = 7;

/**
 * The changeset line Xen's `xen/tools/scmversion` prints for a git checkout, made
 * independent of the clone: `<author date, git's default format> git:<7 hex digits>`,
 * with `-dirty` when a local checkout has changes. Undefined without a commit.
 */
export async function sourceChangeset(source: XenSourceTree): Promise<string | undefined> {
  const { identity } = source;
  const commit = identity.kind === "debian" ? undefined : identity.commit;
  if (!commit) return undefined;
  const date = (
    await runCommand("git", [
      "-C",
      source.root,
      "show",
      "-s",
      "--date=default",
      "--pretty=%ad",
      commit,
    ])
  ).stdout.trim();
  const dirty = identity.kind === "path" && identity.dirty ? "-dirty" : "";
  return `${date} git:${commit.slice(0, CHANGESET_DIGITS)}${dirty}`;
}

/**
 * Makes the build in `tree` embed `changeset` by replacing `xen/tools/scmversion`, which
 * Xen runs on every build (xen/build.mk writes compile.h from it). A tree without the
 * script is left alone.
 */
export async function pinChangeset(tree: string, changeset: string): Promise<void> {
  const scmversion = join(tree, "xen", "tools", "scmversion");
  if (!(await exists(scmversion))) return;
  const quoted = `'${changeset.replace(/'/g, "'\\''")}'`;
  await writeFile(
    scmversion,
    `#!/bin/sh\n# xen-livepatch-ci: the pinned changeset (see pinChangeset)\nprintf '%s' ${quoted}\n`,
    { mode: 0o755 },
  );
}

/** Values objects checkBuildValues accepted: the input's, checked when it was read. */
const accepted = new WeakSet<object>();

/**
 * Refuses build values Xen cannot take: it substitutes them into compile.h with
 * `sed s/@@x@@/VALUE/g`, so characters special there (and quotes, newlines) would break the
 * build or change it silently. Options check the user's values as they are read; the base
 * build checks what it is given (a library caller's) and what the source adds, and an
 * object accepted once is not checked again.
 *
 * @throws ConfigurationError (`build-values`) naming the first bad value.
 */
export function checkBuildValues(values: Partial<BuildValues>): void {
  if (accepted.has(values)) return;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== "string" || /[/\\&'"\n`$]/.test(value)) {
      throw new ConfigurationError(
        "build-values",
        `${name}=${JSON.stringify(value)}: must be a string without / \\ & ' " \` $ or newlines`,
      );
    }
  }
  accepted.add(values);
}
