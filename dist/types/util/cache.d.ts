/**
 * Directories that survive between runs (the Xen base build above all), behind one
 * interface with two implementations: GitHub's cache service for the action, nothing at
 * all for the command line, whose cache directory stays on the machine's disk anyway.
 *
 * Caching only ever saves time. Neither implementation fails a run: a cache service that
 * is down, a key that already exists or a tree that cannot be archived is a warning, and
 * the stage builds what it would have restored.
 */
import type { Logger } from "./logger.js";
export interface DirectoryCache {
    /** "github": GitHub's cache service; "local": the directories persist by themselves. */
    readonly kind: "github" | "local";
    /**
     * Brings `paths` back as they were saved under `key` or, failing that, under the newest
     * entry whose key starts with one of `restoreKeys` (tried in order). Returns the key
     * that matched, or undefined when nothing was restored (a miss, or a failure that has
     * been logged as a warning). Pass the same `paths` as the save: the service files
     * entries under a version derived from them.
     */
    restore(paths: string[], key: string, restoreKeys?: string[]): Promise<string | undefined>;
    /**
     * Stores `paths` under `key`. Entries are immutable, so save only after `restore`
     * missed the exact key; saving an existing key is a warning, not an error. Resolves
     * true when the entry was stored.
     */
    save(paths: string[], key: string): Promise<boolean>;
}
/** What a run did with one cache entry: shown in the job summary and kept in the report. */
export interface CacheUse {
    /** What the entry holds. */
    readonly entry: "base" | "ccache" | "guest-assets" | "guest-tool";
    /** The key looked up (and saved under, when the lookup missed). */
    readonly key: string;
    /** The key of the entry that was restored; undefined on a miss. */
    restored?: string;
    /** True once a missed entry was stored for the next run. */
    saved?: boolean;
}
/** One directory set this project keeps in the cache, under one key. */
export interface CacheEntrySpec {
    readonly entry: CacheUse["entry"];
    readonly key: string;
    readonly paths: string[];
}
/** Restores each entry (exact key only); the uses say which ones missed. */
export declare function restoreEntries(cache: DirectoryCache, entries: readonly CacheEntrySpec[]): Promise<CacheUse[]>;
/** Saves the entries whose restore missed, once the run has made their directories. */
export declare function saveMissedEntries(cache: DirectoryCache, entries: readonly CacheEntrySpec[], uses: readonly CacheUse[], exists: (path: string) => Promise<boolean>): Promise<void>;
/** What every key this project stores starts with. */
export declare const CACHE_KEY_PREFIX = "xen-livepatch-ci";
export interface BaseCacheKeyParts {
    /** The runner's operating system, as Node names it (`process.platform`: "linux"). */
    readonly platform: string;
    /** The runner's CPU, as Node names it (`process.arch`: "x64"). */
    readonly arch: string;
    /**
     * Everything the base build's output depends on, digested: the Xen tree's identity,
     * the configuration, the toolchain. A different build must never share this.
     */
    readonly buildKey: string;
}
/**
 * The key of a base build: `xen-livepatch-ci-base-<platform>-<arch>-<buildKey>`.
 *
 * Platform and arch come first so that `xen-livepatch-ci-base-<platform>-<arch>-` is a
 * restore key that can only ever bring back a build for the same kind of machine.
 * Throws on a part that is empty or holds a comma (the service splits key lists on
 * commas), or on a key over 512 characters: all are bugs in the caller.
 */
export declare function baseCacheKey(parts: BaseCacheKeyParts): string;
/**
 * The key of any entry: `xen-livepatch-ci-<entry>-<platform>-<arch>-<buildKey>`, with the
 * checks baseCacheKey describes (docs/caching.md lists every entry and its key).
 */
export declare function cacheKey(entry: CacheUse["entry"], parts: BaseCacheKeyParts): string;
/**
 * The command line's cache. Its cache directory is an ordinary directory on the machine
 * the tool runs on, so whatever a run leaves there is already in place for the next one:
 * there is nothing to bring back and nothing to put away.
 */
export declare function localCache(): DirectoryCache;
/**
 * GitHub's cache service, through the official client (@actions/cache). It reads the
 * service's address and token from the variables the runner gives a JavaScript action
 * (ACTIONS_RESULTS_URL, ACTIONS_RUNTIME_TOKEN, ACTIONS_CACHE_SERVICE_V2), archives with
 * tar and zstd, and moves the archive to and from the storage URL the service signs.
 */
export declare function githubCache(log: Logger): DirectoryCache;
