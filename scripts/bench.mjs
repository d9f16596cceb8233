// Runs a benchmark from test/bench/NAME.ts: bundles it with esbuild (the project's
// TypeScript needs compiling) into .bench/ and runs that with this Node. .bench/ sits one
// level below the root like src/ and dist/, so code that finds package.json still does.
// usage: npm run bench -- NAME
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decoderWasmPlugin } from "./esbuild-wasm.mjs";

const name = process.argv[2] ?? "verify";
const root = join(import.meta.dirname, "..");
mkdirSync(join(root, ".bench"), { recursive: true });
const outfile = join(root, ".bench", `${name}.mjs`);
await build({
  entryPoints: [join(root, "test", "bench", `${name}.ts`)],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  // Bundled CommonJS dependencies call require(), which an ES module lacks (as in dist/).
  banner: {
    js: 'import { createRequire as __xlciCreateRequire } from "node:module";\nconst require = __xlciCreateRequire(import.meta.url);',
  },
  plugins: [decoderWasmPlugin],
  logLevel: "warning",
});
await import(pathToFileURL(outfile).href);
