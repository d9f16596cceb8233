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
import { describe, expect, it } from "vitest";
import {
  type BuildXenBaseOptions,
  XenBuildError,
  buildXenBase,
  planXenBase,
} from "../../src/base/xen.js";

const STAMP = ".xlci-build.json";

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
    const e = await buildXenBase(opts).catch((x: unknown) => x);
    // The rebuild ran (and failed on the empty source), instead of a JSON or ELF error.
    expect(e).toBeInstanceOf(XenBuildError);
    const log = readFileSync(opts.logFile!, "utf8");
    expect(log).toMatch(/# the cached build is unusable, rebuilt: /);
    expect(log.split("\n").find((l) => l.includes("unusable"))).toMatch(why);
    expect(log).toMatch(/# xen-livepatch-ci: base build /);
  });
});
