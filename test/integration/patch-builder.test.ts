import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPatchPayloads } from "../../src/patch/build.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", "patches", name);

async function build(
  patches: string[],
  mode: "stacked" | "independent" | "cumulative" = "stacked",
) {
  const [base, source] = await Promise.all([getXenBase(), getXenSource()]);
  const out = await mkdtemp(join(tmpdir(), "xlci-patch-test-"));
  const payloads = await buildPatchPayloads({
    base,
    baseOptions: { source, cacheDir: integrationCacheDir(), withTests: true },
    source: source.identity,
    patches,
    mode,
    expectations: "auto",
    outDir: join(out, "payloads"),
    sourcesDir: join(out, "sources"),
    logFile: join(out, "patch-build.log"),
  });
  const verified = await verifyPayloadSet({
    payloads: payloads.map((p) => p.file),
    xenSyms: base.xenSyms,
    applied: [],
  });
  return { out, payloads, verified };
}

describe("native patch builder", () => {
  it("builds a changed string in a global function", async () => {
    const { payloads, verified, out } = await build([fixture("extra-version.patch")]);
    console.log(await readFile(join(out, "sources", "extra-version", "extra-version.S"), "utf8"));
    console.log(
      JSON.stringify(
        verified.payloads.map((p) => p.findings),
        null,
        1,
      ),
    );
    expect(payloads.map((p) => p.functions.map((f) => f.name))).toEqual([["xen_extra_version"]]);
  }, 600_000);
});
