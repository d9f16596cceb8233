// Benchmark (not a test): source -> base build -> payload -> verified payload, cold (an
// empty cache directory: download, full build, empty compiler cache) and warm (the same
// cache again). Run with `npm run bench -- pipeline`. Target: warm below 0.3 of cold.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseOptions } from "../../src/options.js";
import { run } from "../../src/pipeline.js";
import { terminalLogger } from "../../src/util/logger.js";

const root = process.cwd(); // npm runs scripts from the project's root
const cacheDir = mkdtempSync(join(tmpdir(), "xlci-bench-cache-"));
const log = terminalLogger(process.stderr, true);

async function once(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), "xlci-bench-out-"));
  const options = parseOptions(
    {
      "xen-source": "debian",
      "payload-sources": "test/fixtures/payload-sources/replace_extra",
      "output-dir": out,
    },
    root,
    cacheDir,
  );
  const start = performance.now();
  const result = await run(options, log);
  const seconds = (performance.now() - start) / 1000;
  if (result.verdict !== "pass") throw new Error(`the run failed: ${result.reason}`);
  const stages = result.stages.map((s) => `${s.name} ${s.seconds.toFixed(1)} s`).join(", ");
  console.log(`  ${seconds.toFixed(1)} s (${stages})`);
  return seconds;
}

try {
  console.log("cold (empty cache directory):");
  const cold = await once();
  console.log("warm (same cache directory):");
  const warm = await once();
  console.log(
    `\npipeline to verified payload: cold ${cold.toFixed(1)} s, warm ${warm.toFixed(1)} s, warm/cold ${(warm / cold).toFixed(3)}`,
  );
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
