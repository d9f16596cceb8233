// A configuration fragment that turns livepatching off: the build turns it back on, says
// so, and (the final .config being defconfig's again) gives the same hypervisor.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { loadXenConfig } from "../../src/base/config.js";
import { buildXenBase } from "../../src/base/xen.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

it("a fragment without CONFIG_LIVEPATCH is made livepatchable, and says so", async () => {
  const path = join(mkdtempSync(join(tmpdir(), "xlci-cfg-")), "no-livepatch.config");
  writeFileSync(path, "# CONFIG_LIVEPATCH is not set\n");
  const config = await loadXenConfig(path);
  const base = await buildXenBase({
    source: await getXenSource(),
    cacheDir: integrationCacheDir(),
    config,
  });
  expect(base.config.kind).toBe("fragment");
  expect(base.config.notes).toEqual([
    "CONFIG_LIVEPATCH=y was not set by the given configuration: turned on",
  ]);
  expect(readFileSync(join(base.tree, "xen", ".config"), "utf8")).toMatch(/^CONFIG_LIVEPATCH=y$/m);
  const reference = await getXenBase();
  expect(base.tree).not.toBe(reference.tree);
  expect(base.config.digest).toBe(reference.config.digest);
  expect((await XenSyms.load(base.xenSyms)).buildId).toBe(
    (await XenSyms.load(reference.xenSyms)).buildId,
  );
}, 900_000);
