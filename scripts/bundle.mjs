// Bundles the two front doors into dist/: the action entry (dist/index.js, run by the
// runner per action.yml) and the command-line tool (dist/cli.js, package.json "bin"), and
// the library they are made of (dist/api.js, package.json "exports", with its type
// declarations in dist/types/). Also writes dist/licenses.txt for the third-party code the
// bundles contain, since legal comments are stripped from the bundles themselves.
//
// The output is committed and checked by `npm run check:dist`, so it must be
// deterministic: same sources and node_modules, same bytes.
//
// usage: node scripts/bundle.mjs [--root DIR] [--outdir OUT]   (DIR defaults to this
// repository, OUT to DIR/dist)
import { build } from "esbuild";
import { chmod, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import ts from "typescript";
import { decoderWasmPlugin } from "./esbuild-wasm.mjs";

const { values: args } = parseArgs({
  options: { root: { type: "string" }, outdir: { type: "string" } },
});
const root = path.resolve(args.root ?? path.join(import.meta.dirname, ".."));
// Elsewhere than dist/ only for tests of the package as users install it.
const outdir = args.outdir ? path.resolve(args.outdir) : path.join(root, "dist");

const entries = [
  { in: "src/index.ts", out: "index.js", executable: false },
  { in: "src/cli.ts", out: "cli.js", executable: true },
  { in: "src/api.ts", out: "api.js", executable: false },
];

// Bundled CommonJS dependencies call require(); an ES module has none, so make one.
const requireBanner = [
  'import { createRequire as __xlciCreateRequire } from "node:module";',
  "const require = __xlciCreateRequire(import.meta.url);",
].join("\n");

const result = await build({
  absWorkingDir: root, // keeps the path comments in the bundle independent of the cwd
  entryPoints: entries.map((e) => e.in),
  outdir,
  write: false, // written below, so the shebang and file modes are under our control
  bundle: true,
  packages: "bundle",
  platform: "node",
  target: "node24",
  format: "esm",
  banner: { js: requireBanner },
  legalComments: "none",
  metafile: true,
  plugins: [decoderWasmPlugin],
  logLevel: "warning",
});

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

for (const entry of entries) {
  const outPath = path.join(outdir, entry.out);
  const file = result.outputFiles.find((f) => f.path === outPath);
  if (!file) throw new Error(`esbuild produced no ${entry.out} for ${entry.in}`);
  // esbuild keeps an entry's own hashbang line; drop it so there is exactly one.
  let text = file.text.replace(/^#![^\n]*\n/, "");
  if (entry.executable) text = `#!/usr/bin/env node\n${text}`;
  await writeFile(outPath, text);
  await chmod(outPath, entry.executable ? 0o755 : 0o644);
}

await writeFile(path.join(outdir, "licenses.txt"), await licensesText(result.metafile));
const declarations = await writeDeclarations("src/api.ts", path.join(outdir, "types"));
console.log(
  `bundled ${entries.map((e) => `dist/${e.out}`).join(", ")}, dist/licenses.txt and ${declarations} declaration files in dist/types`,
);

/**
 * The library's type declarations: tsc's .d.ts for `entry` and every module of src/ it
 * reaches, under `dir` as they are under src/ (dist/types/api.d.ts is what `exports` names).
 * Returns how many files were written; type errors fail the build.
 */
async function writeDeclarations(entry, dir) {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {
      noEmit: false,
      declaration: true,
      emitDeclarationOnly: true,
      rootDir: path.join(root, "src"),
      outDir: dir,
    },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  const program = ts.createProgram({
    rootNames: [path.join(root, entry)],
    options: parsed.options,
  });
  const files = [];
  const emitted = program.emit(undefined, (file, text) => files.push({ file, text }));
  const problems = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics];
  if (problems.length > 0) {
    const host = {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => root,
      getNewLine: () => "\n",
    };
    throw new Error(ts.formatDiagnostics(problems, host));
  }
  for (const { file, text } of files) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  return files.length;
}

/**
 * The bundled third-party packages with their licenses. A package is any directory under
 * node_modules that contributed an input file to the bundles, whatever its nesting.
 */
async function licensesText(metafile) {
  const packageDirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const dir = packageDirOf(input);
    if (dir) packageDirs.add(dir);
  }

  const packages = [];
  for (const dir of packageDirs) {
    const manifest = JSON.parse(await readFile(path.join(root, dir, "package.json"), "utf8"));
    packages.push({
      name: manifest.name,
      version: manifest.version,
      license: licenseField(manifest.license),
      texts: await licenseTexts(path.join(root, dir)),
    });
  }

  // Sorted and deduplicated so the file depends on what is bundled, not on input order.
  packages.sort((a, b) => compare(a.name, b.name) || compare(a.version, b.version));
  const unique = packages.filter(
    (p, i) => i === 0 || p.name !== packages[i - 1].name || p.version !== packages[i - 1].version,
  );

  const sections = unique.map((p) => {
    const texts = p.texts.length > 0 ? p.texts.join("\n\n") : "(no license file in the package)";
    return `${p.name}@${p.version}\nlicense: ${p.license}\n\n${texts.trimEnd()}\n`;
  });
  const header =
    "Third-party packages bundled into dist/index.js, dist/cli.js and dist/api.js, with their licenses.\n";
  return [header, ...sections].join(`\n${"-".repeat(78)}\n\n`);
}

/** "node_modules/@scope/name/lib/x.js" -> "node_modules/@scope/name" (innermost package). */
function packageDirOf(input) {
  const parts = input.split("/");
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const nameParts = parts[at + 1].startsWith("@") ? 2 : 1;
  return parts.slice(0, at + 1 + nameParts).join("/");
}

function licenseField(license) {
  if (typeof license === "string") return license;
  if (license && typeof license.type === "string") return license.type;
  return "UNKNOWN";
}

/** Contents of LICENSE, LICENCE, COPYING (any case, any extension) in the package root. */
async function licenseTexts(dir) {
  const names = (await readdir(dir))
    .filter((n) => /^(licen[cs]e|copying)([.-].*)?$/i.test(n))
    .sort(compare);
  return Promise.all(names.map(async (n) => (await readFile(path.join(dir, n), "utf8")).trim()));
}

/** Locale-independent ordering, so the output does not vary between machines. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
