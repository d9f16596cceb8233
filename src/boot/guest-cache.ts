/**
 * The boot test's GitHub cache entries: the dom0 pieces (kernel, modules, busybox from the
 * distribution's packages) and the static guest tool built from the base's tree. On a
 * hosted runner both would otherwise be fetched or built on every run. The keys are
 * documented in docs/caching.md.
 */
import { readFile } from "node:fs/promises";
import { guestToolDir, recipeId } from "../base/guest-tool.js";
import {
  type CacheEntrySpec,
  type CacheUse,
  type DirectoryCache,
  cacheKey,
  restoreEntries,
  saveMissedEntries,
} from "../util/cache.js";
import { exists } from "../util/fs.js";
import { guestAssetsDir, guestAssetsRecipe } from "./guest-assets.js";

/**
 * The entries for a boot of the base with key `baseKey`. `distribution` names the package
 * archive the dom0 pieces come from (see distributionId).
 */
export function guestCacheEntries(
  cacheDir: string,
  baseKey: string,
  distribution: string,
): CacheEntrySpec[] {
  const machine = { platform: process.platform, arch: process.arch };
  return [
    {
      entry: "guest-assets",
      key: cacheKey("guest-assets", {
        ...machine,
        buildKey: `${distribution}-${guestAssetsRecipe()}`,
      }),
      paths: [guestAssetsDir(cacheDir)],
    },
    {
      entry: "guest-tool",
      key: cacheKey("guest-tool", { ...machine, buildKey: `${baseKey}-${recipeId()}` }),
      paths: [guestToolDir(cacheDir, baseKey)],
    },
  ];
}

/**
 * `ID` and `VERSION_ID` of /etc/os-release (`debian12`, `ubuntu24.04`): the runner image's
 * apt sources decide which kernel package the dom0 pieces come from.
 */
export async function distributionId(osRelease = "/etc/os-release"): Promise<string> {
  const text = await readFile(osRelease, "utf8").catch(() => "");
  const field = (name: string) =>
    new RegExp(`^${name}="?([^"\\n]*)"?$`, "m").exec(text)?.[1]?.trim() ?? "";
  const id = `${field("ID")}${field("VERSION_ID")}`.replace(/[^\w.]/g, "");
  return id || "unknown";
}

/**
 * Runs the boot test `fn` with the guest entries restored from `cache` before and, when
 * they missed, saved after (also when the boot failed: the pieces are good). Only GitHub's
 * cache does anything; what happened to each entry is appended to `uses`.
 */
export async function withGuestCache<T>(
  cache: DirectoryCache,
  cacheDir: string,
  baseKey: string,
  uses: CacheUse[],
  fn: () => Promise<T>,
): Promise<T> {
  if (cache.kind !== "github") return fn();
  const entries = guestCacheEntries(cacheDir, baseKey, await distributionId());
  const restored = await restoreEntries(cache, entries);
  uses.push(...restored);
  try {
    return await fn();
  } finally {
    await saveMissedEntries(cache, entries, restored, exists);
  }
}
