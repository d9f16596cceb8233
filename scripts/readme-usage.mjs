// Regenerates the generated sections of README.md and docs/xen-versions.md, so they never
// disagree with their sources: the usage section (between usage:start and usage:end) from
// action.yml, and the Xen changes table (between xen-changes:start and xen-changes:end)
// from src/xen/changes.ts, as `xen-livepatch-ci xen-versions --markdown` prints it from
// the committed dist/ (test/unit/xen-changes-table.test.ts checks it against the sources).
//
// usage: node scripts/readme-usage.mjs [--check] [--root DIR]
//   --check  write nothing; exit 1 if a file is out of date
//   --root   directory holding README.md, action.yml and package.json (default: this repo)
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import * as prettier from "prettier";
import { parse, stringify } from "yaml";

const { values: args } = parseArgs({
  options: { check: { type: "boolean", default: false }, root: { type: "string" } },
});
const root = path.resolve(args.root ?? path.join(import.meta.dirname, ".."));

const action = parse(await readFile(path.join(root, "action.yml"), "utf8"));
const manifest = JSON.parse(await readFile(path.join(root, "package.json"), "utf8"));
const changes = execFileSync(
  process.execPath,
  [path.join(import.meta.dirname, "..", "dist", "cli.js"), "xen-versions", "--markdown"],
  { encoding: "utf8" },
);

let stale = false;
await splice("README.md", { usage: usage(action, manifest), "xen-changes": changes });
await splice(path.join("docs", "xen-versions.md"), { "xen-changes": changes });
if (stale) fail("generated sections are out of date: run `npm run readme`");

/**
 * Replaces each `<!-- NAME:start -->`..`<!-- NAME:end -->` section of `file` (relative to
 * the root) with its text; with --check, only notes whether anything would change.
 */
async function splice(file, sections) {
  const target = path.join(root, file);
  const text = await readFile(target, "utf8");
  let spliced = text;
  for (const [name, body] of Object.entries(sections)) {
    const startMark = `<!-- ${name}:start -->`;
    const endMark = `<!-- ${name}:end -->`;
    const start = spliced.indexOf(startMark);
    const end = spliced.indexOf(endMark);
    if (start < 0 || end < start) {
      fail(`${file} needs a "${startMark}" line followed by a "${endMark}" line`);
    }
    spliced = `${spliced.slice(0, start + startMark.length)}\n\n${body.trimEnd()}\n\n${spliced.slice(end)}`;
  }
  // Run through Prettier as `npm run format` would, so this script and `format:check`
  // agree on the bytes (Prettier aligns the tables).
  const options = (await prettier.resolveConfig(target)) ?? {};
  const updated = await prettier.format(spliced, { ...options, filepath: target });
  if (updated === text) {
    if (args.check) console.log(`${file}'s generated sections are up to date`);
    return;
  }
  if (args.check) {
    console.error(`readme-usage: ${file} is out of date with its sources`);
    stale = true;
  } else {
    await writeFile(target, updated);
    console.log(`${file}'s generated sections regenerated`);
  }
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
