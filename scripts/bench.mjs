// Runs a benchmark from test/bench/NAME.ts: bundles it with esbuild (the project's
// TypeScript needs compiling) into a temporary file and runs that with this Node.
// usage: npm run bench -- NAME
import { build } from "esbuild";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const name = process.argv[2] ?? "verify";
const outfile = join(mkdtempSync(join(tmpdir(), "xlci-bench-")), `${name}.mjs`);
await build({
  entryPoints: [join(import.meta.dirname, "..", "test", "bench", `${name}.ts`)],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  logLevel: "warning",
});
await import(pathToFileURL(outfile).href);
