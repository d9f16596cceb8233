// `xen-source: debian` is the hypervisor Debian ships, bit for bit: the base built from
// Debian's source package with Debian's own recipe (read from debian/rules) has the
// build-id of the xen-hypervisor-4.17-amd64 package's image, and the run says so. A base
// that differs by one build value fails before any payload is built, naming that value,
// whether the reference is Debian's package or only its build-id.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { TREE_PLACEHOLDER, readDebianRecipe } from "../../src/base/packaging.js";
import { BaseMismatchError } from "../../src/base/reference.js";
import { imageBuildInfo, readHypervisorImage } from "../../src/livepatch/hypervisor-image.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { parseOptions } from "../../src/options.js";
import { type RunResult, run } from "../../src/pipeline.js";
import { fetchDebianHypervisor } from "../../src/source/debian.js";
import type { DebianHypervisorPackage } from "../../src/source/debian.js";
import { terminalLogger } from "../../src/util/logger.js";
import { EXAMPLE_XEN_SOURCE, getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

/** The build-id of /boot/xen-4.17-amd64.gz in xen-hypervisor-4.17-amd64 4.17.5+72-g01140da4e8-1. */
const DEBIAN_BUILD_ID = "39a640e6f1412319235087391df9f1c5e13ae920";
const DEBIAN = "Debian's xen-hypervisor-4.17-amd64 4.17.5+72-g01140da4e8-1";

let debian: DebianHypervisorPackage;
beforeAll(async () => {
  const source = await getXenSource();
  if (source.identity.kind !== "debian") throw new Error("the integration source is Debian's");
  debian = await fetchDebianHypervisor({
    root: source.root,
    version: source.identity.version,
    cacheDir: integrationCacheDir(),
  });
}, 300_000);

async function runPipeline(inputs: Record<string, string>) {
  const out = mkdtempSync(join(tmpdir(), "xlci-debian-base-"));
  const lines: string[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
  const log = terminalLogger(sink);
  const options = parseOptions(
    { "xen-source": EXAMPLE_XEN_SOURCE, scenario: "none", "output-dir": out, ...inputs },
    out,
    integrationCacheDir(),
  );
  const outcome = await run(options, log).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as Error }),
  );
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult;
  const metadata = JSON.parse(readFileSync(join(out, "metadata.json"), "utf8")) as {
    base: { reference: { description: string; identical: boolean; buildId: string } | null };
  };
  return { ...outcome, report, metadata, log: lines.join("") };
}

describe("Debian's packaging, followed", () => {
  it("reads the make arguments, exports and .config from debian/rules", async () => {
    const source = await getXenSource();
    const recipe = await readDebianRecipe(source.root);
    expect(recipe?.makeArgs).toEqual(
      expect.arrayContaining([
        "CC=x86_64-linux-gnu-gcc",
        "XEN_TARGET_ARCH=x86_64",
        `EXTRA_CFLAGS_XEN_CORE=-ffile-prefix-map=${TREE_PLACEHOLDER}=. -fdebug-prefix-map=${TREE_PLACEHOLDER}=.`,
      ]),
    );
    expect(recipe?.env).toMatchObject({
      XEN_BUILD_DATE: "Sat Nov 29 13:52:25 UTC 2025",
      XEN_BUILD_TIME: "13:52:25",
      DEB_VERSION: "4.17.5+72-g01140da4e8-1",
    });
    expect(recipe?.configFile).toBe("debian/xen-kconfig");
    expect(recipe?.differences).toEqual(["V=1 left out (it changes only what make prints)"]);
  }, 120_000);

  it("reads the build-ids of Debian's images as Xen reports them", async () => {
    expect((await readHypervisorImage(debian.image)).buildId).toBe(DEBIAN_BUILD_ID);
    expect((await readHypervisorImage(debian.bootImage)).buildId).toBe(DEBIAN_BUILD_ID);
    // Booted by EFI, Xen reports the CodeView signature of xen.efi: 16 bytes.
    const efi = await readHypervisorImage(debian.efi!);
    expect(efi.format).toBe("efi");
    expect(efi.buildId).toMatch(/^[0-9a-f]{32}$/);
    // The rebuilt xen.efi is Debian's too.
    const rebuilt = await readHypervisorImage(join((await getXenBase()).tree, "xen", "xen.efi"));
    expect(rebuilt.buildId).toBe(efi.buildId);
  });

  it("builds the base Debian ships, says so everywhere, and boots Debian's image", async () => {
    const { result, error, report, metadata, log } = await runPipeline({ "self-test": "false" });
    expect(error).toBeUndefined();
    expect(result?.base?.buildId).toBe(DEBIAN_BUILD_ID);
    expect(result?.base?.reference).toMatchObject({
      kind: "debian-package",
      description: DEBIAN,
      identical: true,
    });
    expect(result?.base?.bootImage).toBe(debian.bootImage);
    expect(log).toContain(`identical to ${DEBIAN}`);
    expect(report.base?.reference?.identical).toBe(true);
    expect(metadata.base.reference).toMatchObject({
      description: DEBIAN,
      identical: true,
      buildId: DEBIAN_BUILD_ID,
    });
    // The values read from Debian's image through the rebuilt xen-syms are the rebuilt ones.
    const rebuilt = await XenSyms.load(result!.base!.xenSyms);
    const fromImage = imageBuildInfo(await readHypervisorImage(debian.image), rebuilt);
    expect(fromImage.unknown).toEqual([]);
    expect(fromImage.values).toEqual(rebuilt.buildInfo());
    expect(fromImage.values.xen_compiler).toMatch(/^x86_64-linux-gnu-gcc /);
  }, 900_000);

  const CHANGED = "XEN_BUILD_TIME=00:00:00";
  const NAMED =
    'the build time, XEN_BUILD_TIME (xen_compile_time()): rebuilt "00:00:00", deployed "13:52:25"';

  it("fails before any payload when one build value differs from Debian's package", async () => {
    const { error, report } = await runPipeline({ "build-values": CHANGED });
    expect(error).toBeInstanceOf(BaseMismatchError);
    expect(error?.message).toContain(`build-values: the rebuilt base has build-id`);
    expect(error?.message).toContain(`${DEBIAN} ${DEBIAN_BUILD_ID}`);
    expect(error?.message).toContain(NAMED);
    // Only that value: the rest of the build is Debian's.
    expect(error?.message).not.toContain("XEN_BUILD_DATE");
    expect(report.stages.map((s) => [s.name, s.status])).toEqual([
      ["source", "ok"],
      ["base", "failed"],
    ]);
  }, 900_000);

  it("names the same value when only Debian's build-id is expected", async () => {
    const { error } = await runPipeline({
      "build-values": CHANGED,
      "expected-build-id": DEBIAN_BUILD_ID,
    });
    expect(error).toBeInstanceOf(BaseMismatchError);
    expect(error?.message).toContain("expected-build-id: the rebuilt base has build-id");
    expect(error?.message).toContain(NAMED);
  }, 900_000);

  it("names the value from a deployed boot image given as expected-build-id", async () => {
    // The image a host has in /boot, given by its path (here: Debian's, gzipped).
    const { error } = await runPipeline({
      "build-values": CHANGED,
      "expected-build-id": debian.image,
    });
    expect(error).toBeInstanceOf(BaseMismatchError);
    expect(error?.message).toContain(NAMED);
  }, 900_000);

  it("takes Debian's xen.efi as the reference: the EFI build-id, and its values named", async () => {
    const same = await runPipeline({ "self-test": "false", "expected-build-id": debian.efi! });
    expect(same.error).toBeUndefined();
    expect(same.result?.base?.reference).toMatchObject({
      kind: "expected-build-id",
      buildId: (await readHypervisorImage(debian.efi!)).buildId,
      identical: true,
    });
    // Payloads name xen-syms' id, which a host booted from this xen.efi does not report.
    expect(same.log).toContain("a host booted from it reports that id");
    expect(same.log).toContain(`depend on xen-syms' ${DEBIAN_BUILD_ID}, so it refuses them`);
    const changed = await runPipeline({
      "build-values": CHANGED,
      "expected-build-id": debian.efi!,
    });
    expect(changed.error).toBeInstanceOf(BaseMismatchError);
    expect(changed.error?.message).toContain(NAMED);
  }, 900_000);

  it("shares one base between a run with the in-tree test payloads and one without", async () => {
    const withTests = await getXenBase();
    const { result } = await runPipeline({ "self-test": "false" });
    expect(result?.base?.xenSyms).toBe(withTests.xenSyms);
  }, 900_000);
});
