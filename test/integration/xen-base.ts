// Shared by integration tests: the real Xen base (Debian's source, defconfig, with the
// in-tree test payloads), built once into the cache and reused by every later run.
import { buildXenBase, buildXenTests, type XenBase } from "../../src/base/xen.js";
import { defaultCacheDir } from "../../src/options.js";
import { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource } from "../../src/source/debian.js";
import type { XenSourceTree } from "../../src/source/types.js";

/**
 * `xen-source` for the version the tests build (the one the cache holds). Plain `debian`
 * is apt's candidate, which moves with the archive and may not be downloadable.
 */
export const EXAMPLE_XEN_SOURCE = `debian:${DEFAULT_DEBIAN_XEN_VERSION}`;

/** The same cache the command line uses, so tests and local runs share one Xen build. */
export function integrationCacheDir(): string {
  return defaultCacheDir(process.env);
}

let source: Promise<XenSourceTree> | undefined;
/** The base with its in-tree test payloads built on top. */
export type XenBaseWithTests = XenBase & {
  /** xen/test/livepatch in the base's tree. */
  testPayloadDir: string;
  /** Absolute paths of its `*.livepatch` files, sorted. */
  testPayloads: string[];
};

let base: Promise<XenBaseWithTests> | undefined;

export function getXenSource(): Promise<XenSourceTree> {
  source ??= fetchDebianSource({
    version: DEFAULT_DEBIAN_XEN_VERSION,
    cacheDir: integrationCacheDir(),
  });
  return source;
}

/** The base every integration test shares; built at most once per process (and cached on disk). */
export function getXenBase(): Promise<XenBaseWithTests> {
  base ??= getXenSource().then(async (tree) => {
    const built = await buildXenBase({ source: tree, cacheDir: integrationCacheDir() });
    const tests = await buildXenTests(built);
    return { ...built, testPayloadDir: tests.dir, testPayloads: tests.payloads };
  });
  return base;
}
