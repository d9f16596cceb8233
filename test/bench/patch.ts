// Benchmark (not a test): a one-file patch to a verified payload with the native builder,
// on a warm base (built once, or already in the cache): copy of the built tree, patch,
// incremental rebuild, object diff, payload assembly and link, verification.
// Run with `npm run bench -- patch`: a one-file patch (extra-version.patch) and a patch to
// a header that 11 objects include (patch-shapes/cross-object-linkage.patch: version.h),
// three runs each. Target (issue 12): 5 s for the one-file patch.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildXenBase } from "../../src/base/xen.js";
import { defaultCacheDir } from "../../src/options.js";
import { buildPatchPayloads } from "../../src/patch/build.js";
import { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource } from "../../src/source/debian.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";

const cacheDir = defaultCacheDir(process.env);
const fixtures = join(process.cwd(), "test", "fixtures");
const benchmarks = [
  { what: "one-file patch", patch: join(fixtures, "patches", "extra-version.patch") },
  {
    what: "header patch (version.h, 11 objects)",
    patch: join(fixtures, "patch-shapes", "cross-object-linkage.patch"),
  },
];
const source = await fetchDebianSource({ version: DEFAULT_DEBIAN_XEN_VERSION, cacheDir });
const baseOptions = { source, cacheDir };
const base = await buildXenBase(baseOptions);
console.log(`base ${base.key}${base.cached ? " (cached)" : " (built now)"}`);

const summary: string[] = [];
for (const { what, patch } of benchmarks) {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const out = mkdtempSync(join(tmpdir(), "xlci-bench-patch-"));
    const logFile = join(out, "patch-build.log");
    const start = performance.now();
    const [payload] = await buildPatchPayloads({
      base,
      baseOptions,
      source: source.identity,
      patches: [patch],
      mode: "stacked",
      expectations: "auto",
      outDir: join(out, "payloads"),
      sourcesDir: join(out, "sources"),
      logFile,
    });
    const built = performance.now();
    const verified = await verifyPayloadSet({
      payloads: [payload!.file],
      xenSyms: base.xenSyms,
      applied: [],
    });
    const end = performance.now();
    const findings = verified.payloads.flatMap((p) => p.findings).length;
    if (findings > 0) throw new Error(`the payload has ${findings} finding(s)`);
    const phases = readFileSync(logFile, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("# ["))
      .map((l) => `    ${l.slice(2)}`)
      .join("\n");
    console.log(
      `run ${i + 1}: ${((end - start) / 1000).toFixed(1)} s (build ${((built - start) / 1000).toFixed(1)} s, verify ${(end - built).toFixed(0)} ms)\n${phases}`,
    );
    runs.push((end - start) / 1000);
    rmSync(out, { recursive: true, force: true });
  }
  const median = [...runs].sort((a, b) => a - b)[1]!;
  summary.push(
    `${what} to verified payload, warm base: median ${median.toFixed(1)} s of ${runs.map((r) => r.toFixed(1)).join(", ")}`,
  );
}
console.log(`\n${summary.join("\n")}`);
