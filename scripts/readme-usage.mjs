// Regenerates README.md's usage section (between the usage:start and usage:end markers)
// from action.yml, so the two never disagree.
//
// usage: node scripts/readme-usage.mjs [--check] [--root DIR]
//   --check  write nothing; exit 1 if README.md is out of date
//   --root   directory holding README.md, action.yml and package.json (default: this repo)
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { parse, stringify } from "yaml";

const START = "<!-- usage:start -->";
const END = "<!-- usage:end -->";

const { values: args } = parseArgs({
  options: { check: { type: "boolean", default: false }, root: { type: "string" } },
});
const root = path.resolve(args.root ?? path.join(import.meta.dirname, ".."));
const readmePath = path.join(root, "README.md");

const action = parse(await readFile(path.join(root, "action.yml"), "utf8"));
const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
const readme = await readFile(readmePath, "utf8");

const start = readme.indexOf(START);
const end = readme.indexOf(END);
if (start < 0 || end < start) {
  fail(`README.md needs a "${START}" line followed by a "${END}" line; the usage goes between`);
}

const spliced = `${readme.slice(0, start + START.length)}\n\n${usage(action, manifest)}\n${readme.slice(end)}`;
// Run through Prettier as `npm run format` would, so this script and `format:check`
// agree on the bytes (Prettier aligns the tables).
const options = (await prettier.resolveConfig(readmePath)) ?? {};
const updated = await prettier.format(spliced, { ...options, filepath: readmePath });

if (args.check) {
  if (updated !== readme) {
    fail("README.md's usage section is out of date with action.yml: run `npm run readme`");
  }
  console.log("README.md's usage section matches action.yml");
} else if (updated !== readme) {
  await writeFile(readmePath, updated);
  console.log("README.md's usage section regenerated from action.yml");
}

/** The Markdown between the markers: an example step, then inputs and outputs tables. */
function usage(action, manifest) {
  const inputs = Object.entries(action.inputs ?? {});
  const outputs = Object.entries(action.outputs ?? {});

  // The owner is not fixed yet; the major version is the tag users pin to.
  const ref = `OWNER/${manifest.name}@v${manifest.version.split(".")[0]}`;
  const withBlock = Object.fromEntries(inputs.map(([name, spec]) => [name, defaultOf(spec)]));
  // The yaml package quotes whatever needs it ("", "false", ...), so the snippet is valid.
  const step = stringify([{ uses: ref, with: withBlock }], { lineWidth: 0 });

  const inputRows = inputs.map(([name, spec]) => {
    const required = spec.required === true ? " **Required.**" : "";
    return [code(name), cell(spec.description) + required, code(defaultOf(spec))];
  });
  const outputRows = outputs.map(([name, spec]) => [code(name), cell(spec.description)]);

  return [
    "## Usage",
    "",
    "Every input with its default:",
    "",
    "```yaml",
    step.trimEnd(),
    "```",
    "",
    "### Inputs",
    "",
    table(["Input", "Description", "Default"], inputRows),
    "",
    "### Outputs",
    "",
    table(["Output", "Description"], outputRows),
    "",
  ].join("\n");
}

function defaultOf(spec) {
  return spec.default === undefined ? "" : String(spec.default);
}

function table(header, rows) {
  const line = (cells) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** Table cell text: one line, with pipes escaped so they do not split the cell. */
function cell(text) {
  return String(text ?? "")
    .trim()
    .replace(/\s*\n\s*/g, " ")
    .replaceAll("|", "\\|");
}

/** A code span for a value; empty stays empty so "no default" reads as a blank cell. */
function code(value) {
  if (value === "") return "";
  // A value containing backticks needs a longer fence than any run of them inside.
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = longest > 0 ? " " : "";
  return `${fence}${pad}${cell(value)}${pad}${fence}`;
}

function fail(message) {
  console.error(`readme-usage: ${message}`);
  process.exit(1);
}
