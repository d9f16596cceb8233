#!/usr/bin/env node
// Prints the longest functions and modules of src/, the limits issue 18 set for
// the code's shape: no function over 120 lines, no module over 600 lines.
// Usage: node scripts/sizes.mjs [--check] [--top N]
// --check exits 1 when a limit is crossed (generated tables are exempt by name).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

const FUNCTION_LIMIT = 120;
const MODULE_LIMIT = 600;
// Modules that are data tables rather than code (the rule table, Xen's records).
const GENERATED_TABLES = new Set([]);

const root = new URL("..", import.meta.url).pathname;
const args = process.argv.slice(2);
const check = args.includes("--check");
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 10;

function sourceFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

function functionName(node, file) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText(file);
  const parent = node.parent;
  if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(file);
  if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(file);
  return "(anonymous)";
}

const functions = [];
const modules = [];
for (const path of sourceFiles(join(root, "src"))) {
  const text = readFileSync(path, "utf8");
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const name = relative(root, path);
  modules.push({
    name,
    lines: file.getLineAndCharacterOfPosition(text.length).line + (text.endsWith("\n") ? 0 : 1),
  });
  const visit = (node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      functions.push({
        name: `${name}:${start + 1} ${functionName(node, file)}`,
        lines: end - start + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
}

functions.sort((a, b) => b.lines - a.lines);
modules.sort((a, b) => b.lines - a.lines);
console.log(`longest functions (limit ${FUNCTION_LIMIT} lines):`);
for (const f of functions.slice(0, top)) console.log(`  ${String(f.lines).padStart(5)}  ${f.name}`);
console.log(`longest modules (limit ${MODULE_LIMIT} lines):`);
for (const m of modules.slice(0, top)) console.log(`  ${String(m.lines).padStart(5)}  ${m.name}`);

const tooLong = [
  ...functions
    .filter((f) => f.lines > FUNCTION_LIMIT)
    .map((f) => `function ${f.name}: ${f.lines} lines`),
  ...modules
    .filter((m) => m.lines > MODULE_LIMIT && !GENERATED_TABLES.has(m.name))
    .map((m) => `module ${m.name}: ${m.lines} lines`),
];
if (tooLong.length > 0) {
  console.log(`over the limits:\n${tooLong.map((t) => `  ${t}`).join("\n")}`);
  if (check) process.exit(1);
}
