// Benchmark (not a test): the version matrix's figures. For each Xen release (the
// argument after the name, comma-separated, default all): the pipeline with the self-test
// in a new, empty cache directory (cold: clone, full build with an empty compiler cache,
// guest tool, boot), then again in the same one (warm), printing base build cold and warm,
// the boot, and the self-test's steps.
// Run with `npm run bench -- versions [4.20.4,4.21.2]` (needs the release tarballs; see
// test/helpers/xen-trees.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseOptions } from "../../src/options.js";
import { type RunResult, run } from "../../src/pipeline.js";
import { terminalLogger } from "../../src/util/logger.js";
import { XEN_RELEASES, type XenRelease, xenReleaseRepo } from "../helpers/xen-trees.js";

const releases = (process.argv[3]?.split(",") ?? Object.keys(XEN_RELEASES)) as XenRelease[];
const log = terminalLogger(process.stderr, true);

async function once(release: XenRelease, cacheDir: string): Promise<RunResult> {
  const out = mkdtempSync(join(tmpdir(), "xlci-bench-versions-"));
  const { url, ref } = xenReleaseRepo(release, cacheDir);
  const options = parseOptions(
    {
      "xen-source": url,
      "xen-ref": ref,
      "self-test": "true",
      scenario: "self-test",
      "output-dir": out,
    },
    out,
    cacheDir,
  );
  return run(options, log).catch((e: unknown) => {
    throw new Error(`${release}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  });
}

const seconds = (r: RunResult, stage: string) =>
  r.stages.find((s) => s.name === stage)?.seconds.toFixed(1) ?? "-";

const rows: string[][] = [];
for (const release of releases) {
  const cacheDir = mkdtempSync(join(tmpdir(), "xlci-bench-versions-cache-"));
  try {
    const cold = await once(release, cacheDir);
    const warm = await once(release, cacheDir);
    const c = warm.scenario?.counts;
    rows.push([
      release,
      seconds(cold, "base"),
      seconds(warm, "base"),
      seconds(warm, "boot"),
      c ? `${c.passed}/${c.passed + c.failed + c.notRun}` : "-",
      warm.verdict,
    ]);
    console.log(rows.at(-1)!.join("  "));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
const head = [
  "version",
  "base cold (s)",
  "base warm (s)",
  "boot (s)",
  "self-test steps",
  "verdict",
];
console.log(`\n| ${head.join(" | ")} |\n|${head.map(() => "---").join("|")}|`);
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
