import { type CacheEntrySpec, type CacheUse, type DirectoryCache } from "../util/cache.js";
/**
 * The entries for a boot of the base with key `baseKey`. `distribution` names the package
 * archive the dom0 pieces come from (see distributionId).
 */
export declare function guestCacheEntries(cacheDir: string, baseKey: string, distribution: string): CacheEntrySpec[];
/**
 * `ID` and `VERSION_ID` of /etc/os-release (`debian12`, `ubuntu24.04`): the runner image's
 * apt sources decide which kernel package the dom0 pieces come from.
 */
export declare function distributionId(osRelease?: string): Promise<string>;
/**
 * Runs the boot test `fn` with the guest entries restored from `cache` before and, when
 * they missed, saved after (also when the boot failed: the pieces are good). Only GitHub's
 * cache does anything; what happened to each entry is appended to `uses`.
 */
export declare function withGuestCache<T>(cache: DirectoryCache, cacheDir: string, baseKey: string, uses: CacheUse[], fn: () => Promise<T>): Promise<T>;
