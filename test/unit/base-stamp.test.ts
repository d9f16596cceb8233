// A cached base whose stamp is empty, or whose xen-syms was truncated, is a cache miss
// that is rebuilt (issue 19), not a permanent failure of every later run. The source here
// is an empty tree, so the rebuild itself fails at once: what matters is that it starts.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import {
  type BuildXenBaseOptions,
  XenBuildError,
  buildXenBase,
  planXenBase,
} from "../../src/base/xen.js";

const STAMP = ".xlci-build.json";

// Counts how often a cached xen-syms is parsed.
const elfReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/elf/reader.js", async (original) => {
  const actual = await original<typeof import("../../src/elf/reader.js")>();
  return {
    ...actual,
    readElfFile: (...args: Parameters<typeof actual.readElfFile>) => {
      elfReads.count++;
      return actual.readElfFile(...args);
    },
  };
});

async function cachedBase(stamp: (tree: string) => string) {
  const work = mkdtempSync(join(tmpdir(), "xlci-base-stamp-"));
  const root = join(work, "src");
  mkdirSync(root);
  const opts: BuildXenBaseOptions = {
    source: {
      root,
      identity: { kind: "path", path: root, dirty: false, digest: "0".repeat(16) },
      sourceDate: new Date(0),
    },
    cacheDir: join(work, "cache"),
    logFile: join(work, "base.log"),
  };
  const { tree } = await planXenBase(opts);
  mkdirSync(join(tree, "xen"), { recursive: true });
  writeFileSync(join(tree, STAMP), stamp(tree));
  return opts;
}

describe("a cached base that is not usable", () => {
  it.each([
    ["an empty stamp", () => "", /is empty/],
    [
      "a stamp (as an older release wrote it) whose xen-syms was truncated",
      (tree: string) => {
        const syms = join(tree, "xen", "xen-syms");
        copyFileSync(process.execPath, syms);
        truncateSync(syms, 4096);
        return JSON.stringify({
          tree,
          xenSyms: syms,
          xenImage: join(tree, "xen", "xen"),
          key: "k",
        });
      },
      /xen-syms/,
    ],
  ])("%s is rebuilt, saying why", async (_what, stamp, why) => {
    const opts = await cachedBase(stamp);
    elfReads.count = 0;
    const e = await buildXenBase(opts).catch((x: unknown) => x);
    // The rebuild ran (and failed on the empty source), instead of a JSON or ELF error.
    expect(e).toBeInstanceOf(XenBuildError);
    const log = readFileSync(opts.logFile!, "utf8");
    expect(log).toMatch(/# the cached build is unusable, rebuilt: /);
    // Judged once (xen-syms parsed at most once), before the lock, and said once.
    expect(elfReads.count).toBeLessThanOrEqual(1);
    const unusable = log.split("\n").filter((l) => l.includes("unusable"));
    expect(unusable).toHaveLength(1);
    expect(unusable[0]).toMatch(why);
    expect(log).toMatch(/# xen-livepatch-ci: base build /);
  });
});

describe("build values given to the base build directly (a library caller's)", () => {
  it("are checked there, as options check the user's", async () => {
    const opts = await cachedBase(() => "");
    await expect(planXenBase({ ...opts, buildValues: { XEN_BUILD_HOST: "a&b" } })).rejects.toThrow(
      /build-values: XEN_BUILD_HOST="a&b": must be a string without/,
    );
  });
});
