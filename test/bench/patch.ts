// Benchmark (not a test): a one-file patch to a verified payload with the native builder,
// on a warm base (built once, or already in the cache): copy of the built tree, patch,
// incremental rebuild, object diff, payload assembly and link, verification.
// Run with `npm run bench -- patch`: a one-file patch (extra-version.patch) and a patch to
// a header that 11 objects include (patch-shapes/cross-object-linkage.patch: version.h),
// three runs each.
// The physical floor, measured in the same run beside each builder run (issue 20): a plain
// `make -jN` (N = the cores) of exactly the objects the patch reaches (targets.ts's plan), in
// a copy of the same base with the patch applied. Each benchmark ends with a line
// `ratio NAME X`: the builder's median time to a verified payload over the floor's median.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { buildXenBase, xenRebuildInvocation } from "../../src/base/xen.js";
import { defaultCacheDir } from "../../src/options.js";
import { buildPatchPayloads, rebuildBatches } from "../../src/patch/build.js";
import { applyPatch, readPatch } from "../../src/patch/series.js";
import { planRebuild } from "../../src/patch/targets.js";
import { copyHypervisorTree } from "../../src/payload/sources.js";
import { runCommand } from "../../src/util/exec.js";
import { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource } from "../../src/source/debian.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";

const cacheDir = defaultCacheDir(process.env);
const fixtures = join(process.cwd(), "test", "fixtures");
const benchmarks = [
  {
    what: "one-file patch",
    ratio: "one-file-patch",
    patch: join(fixtures, "patches", "extra-version.patch"),
  },
  {
    what: "header patch (version.h, 11 objects)",
    ratio: "header-patch",
    patch: join(fixtures, "patch-shapes", "cross-object-linkage.patch"),
  },
];
const source = await fetchDebianSource({ version: DEFAULT_DEBIAN_XEN_VERSION, cacheDir });
const baseOptions = { source, cacheDir };
const base = await buildXenBase(baseOptions);
console.log(`base ${base.key}${base.cached ? " (cached)" : " (built now)"}`);

/**
 * The floor: seconds a plain `make -jN` takes to rebuild the objects `patch` reaches, in a
 * fresh copy of the base's tree with the patch applied (the copy and the patch untimed).
 */
async function plainMake(patch: string): Promise<{ seconds: number; goals: string }> {
  const tree = mkdtempSync(join(tmpdir(), "xlci-bench-floor-"));
  try {
    const logFile = join(tree, "make.log");
    await copyHypervisorTree(base.tree, tree, logFile);
    const parsed = await readPatch(patch);
    await applyPatch(parsed, tree, logFile);
    const plan = await planRebuild(
      tree,
      parsed.files.map((f) => f.path),
    );
    const make = await xenRebuildInvocation(baseOptions, tree, logFile);
    const jobs = `-j${availableParallelism()}`;
    // The same makes as the builder's (two when arch/x86 goals would race, see
    // rebuildBatches), with nothing around them.
    const batches = plan.kind === "objects" ? rebuildBatches(plan.objects) : [[]];
    const start = performance.now();
    for (const goals of batches) {
      const args = [...make.args.filter((a) => !/^-j\d*$/.test(a)), jobs, ...goals];
      await runCommand(make.cmd, args, {
        cwd: tree,
        env: { ...make.env, MAKEFLAGS: undefined, MAKELEVEL: undefined },
        logFile,
      });
    }
    const seconds = (performance.now() - start) / 1000;
    return {
      seconds,
      goals: plan.kind === "objects" ? plan.objects.join(" ") : `everything (${plan.reason})`,
    };
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const summary: string[] = [];
const ratios: string[] = [];
for (const { what, ratio, patch } of benchmarks) {
  const runs: number[] = [];
  const floors: number[] = [];
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
    const floor = await plainMake(patch);
    console.log(`  floor: plain make of ${floor.goals}: ${floor.seconds.toFixed(1)} s`);
    floors.push(floor.seconds);
  }
  summary.push(
    `${what} to verified payload, warm base: median ${median(runs).toFixed(1)} s of ${runs.map((r) => r.toFixed(1)).join(", ")}; plain make median ${median(floors).toFixed(1)} s of ${floors.map((r) => r.toFixed(1)).join(", ")}`,
  );
  ratios.push(`ratio ${ratio} ${(median(runs) / median(floors)).toFixed(2)}`);
}
console.log(`\n${summary.join("\n")}\n${ratios.join("\n")}`);
