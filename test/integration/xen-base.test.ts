import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, isAbsolute, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildXenBase } from "../../src/base/xen.js";
import type { XenBaseWithTests as XenBase } from "./xen-base.js";
import { assertXenTree, fetchDebianSource } from "../../src/source/debian.js";
import { ConfigurationError } from "../../src/util/errors.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

describe("Xen base build (Debian source, defconfig)", () => {
  let base: XenBase;
  beforeAll(async () => {
    base = await getXenBase();
  });

  it("produces xen-syms (ELF) and the bootable xen image", async () => {
    const syms = await readFile(base.xenSyms);
    expect(syms.subarray(0, 4).toString("latin1")).toBe("\x7fELF");
    expect((await stat(base.xenImage)).size).toBeGreaterThan(0);
  });

  it("lists the in-tree test payloads, absolute and sorted", () => {
    const names = base.testPayloads.map((p) => basename(p));
    for (const name of [
      "xen_hello_world.livepatch",
      "xen_bye_world.livepatch",
      "xen_no_xen_buildid.livepatch",
      "xen_expectations_fail.livepatch",
    ]) {
      expect(names).toContain(name);
    }
    expect(base.testPayloads.every((p) => isAbsolute(p))).toBe(true);
    expect([...base.testPayloads].sort()).toEqual(base.testPayloads);
  });

  it("returns the earlier build, untouched, for the same inputs", async () => {
    const again = await buildXenBase({
      source: await getXenSource(),
      cacheDir: integrationCacheDir(),
    });
    // The base alone: the in-tree test payloads are built on top of it, not part of it.
    expect({
      ...again,
      testPayloadDir: base.testPayloadDir,
      testPayloads: base.testPayloads,
    }).toEqual({
      ...base,
      cached: true,
    });
  });

  it("enables CONFIG_LIVEPATCH", async () => {
    const config = await readFile(join(base.tree, "xen", ".config"), "utf8");
    expect(config).toMatch(/^CONFIG_LIVEPATCH=y$/m);
  });
});

describe("Debian source errors", () => {
  let empty: string;
  beforeAll(async () => {
    empty = await mkdtemp(join(tmpdir(), "xlci-not-xen-"));
  });
  afterAll(() => rm(empty, { recursive: true, force: true }));

  it("names the version apt does not have and points at provisioning", async () => {
    const fetching = fetchDebianSource({ version: "0.0.1-1", cacheDir: empty });
    await expect(fetching).rejects.toThrow(ConfigurationError);
    await expect(fetching).rejects.toThrow(/xen=0\.0\.1-1.*scripts\/provision\.sh/s);
  });

  it("rejects a tree that is not Xen, saying what it found", async () => {
    await expect(assertXenTree(empty)).rejects.toThrow(/is not a Xen source tree.*xen\/Makefile/);
  });
});
