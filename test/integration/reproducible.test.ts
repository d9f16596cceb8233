// The base is reproducible: the same source built again in another directory, from
// another kind of source, gives the same xen-syms build-id; a different build value gives
// a different one, and a run that expects the deployed build-id stops with what differs.
// Debian's tree embeds packaging values (lsb_release, DEB_VERSION): they are pinned too.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultBuildValues, parseChangelogDate } from "../../src/base/build-values.js";
import { buildXenBase } from "../../src/base/xen.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { parseOptions } from "../../src/options.js";
import { run } from "../../src/pipeline.js";
import { localSource } from "../../src/source/path.js";
import { terminalLogger } from "../../src/util/logger.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

describe("reproducible base", () => {
  it("embeds the pinned build and packaging values, not the build machine's", async () => {
    const info = (await XenSyms.load((await getXenBase()).xenSyms)).buildInfo();
    expect(info).toMatchObject({
      xen_compile_date: "Sat Nov 29 13:52:25 UTC 2025",
      xen_compile_time: "13:52:25",
      xen_compile_system_distribution: "Debian",
      xen_compile_system_version: "4.17.5+72-g01140da4e8-1",
      xen_extra_version: ".5",
    });
    // Debian's packaging builds with the target-prefixed compiler (debian/rules' CC=).
    expect(info.xen_compiler).toMatch(/^x86_64-linux-gnu-gcc /);
    expect(info.xen_compile_system_maintainer_domain).toMatch(/^lists\./);
  }, 900_000);

  it("the Debian tree built again as a plain directory has the same build-id", async () => {
    const debian = await getXenSource();
    const reference = await XenSyms.load((await getXenBase()).xenSyms);
    // A directory without git history has no commit date: pin the values the Debian build used.
    const values = defaultBuildValues(
      parseChangelogDate(readFileSync(join(debian.root, "debian", "changelog"), "utf8")),
    );
    const again = await buildXenBase({
      source: await localSource(debian.root),
      cacheDir: integrationCacheDir(),
      buildValues: values,
    });
    expect(again.tree).not.toBe((await getXenBase()).tree);
    expect((await XenSyms.load(again.xenSyms)).buildId).toBe(reference.buildId);
  }, 900_000);

  it("a changed build value gives a clear mismatch against the deployed build-id", async () => {
    const debian = await getXenSource();
    const deployed = (await XenSyms.load((await getXenBase()).xenSyms)).buildId!;
    const out = mkdtempSync(join(tmpdir(), "xlci-repro-"));
    const options = parseOptions(
      {
        "xen-source": debian.root,
        "build-values":
          "XEN_BUILD_DATE=Mon Jan  1 00:00:00 UTC 2024\nXEN_BUILD_TIME=00:00:00\nXEN_BUILD_HOST=elsewhere",
        "expected-build-id": (await getXenBase()).xenSyms,
        "output-dir": out,
      },
      out,
      integrationCacheDir(),
    );
    const error = await run(options, terminalLogger(process.stderr, true)).then(
      () => new Error("the run passed"),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toContain("expected-build-id");
    expect(error.message).toContain(deployed);
    expect(error.message).toMatch(/the rebuilt base has build-id [0-9a-f]{40}/);
    // What differs, read from both hypervisors' embedded build values.
    expect(error.message).toContain(
      'the build date, XEN_BUILD_DATE (xen_compile_date()): rebuilt "Mon Jan  1 00:00:00 UTC 2024", deployed "Sat Nov 29 13:52:25 UTC 2025"',
    );
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as {
      stages: Array<{ name: string; status: string }>;
    };
    expect(report.stages.find((s) => s.name === "base")?.status).toBe("failed");
  }, 900_000);
});
