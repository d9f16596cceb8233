// iced-x86 (the x86 decoder the verifier uses) is wasm-bindgen output for Node: CommonJS
// that reads iced_x86_bg.wasm from its own directory (__dirname) when first required. A
// bundle has neither that directory nor __dirname, so this esbuild plugin puts the .wasm
// bytes into the bundle itself (base64, ~1 MB) and has the module read them from there.
import { readFile } from "node:fs/promises";
import path from "node:path";

const LOAD = [
  "const path = require('path').join(__dirname, 'iced_x86_bg.wasm');",
  "const bytes = require('fs').readFileSync(path);",
];

/** The esbuild plugin that embeds the decoder's .wasm in the bundle. */
export const decoderWasmPlugin = {
  name: "iced-x86-wasm",
  setup(build) {
    build.onLoad({ filter: /[\\/]iced-x86[\\/]iced_x86\.js$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const at = text.indexOf(LOAD.join("\n"));
      if (at < 0)
        throw new Error(`${args.path}: the .wasm load this plugin replaces is not there any more`);
      const wasm = await readFile(path.join(path.dirname(args.path), "iced_x86_bg.wasm"));
      const embedded = `const bytes = Buffer.from(${JSON.stringify(wasm.toString("base64"))}, "base64");`;
      const contents = text.slice(0, at) + embedded + text.slice(at + LOAD.join("\n").length);
      return { contents, loader: "js" };
    });
  },
};
