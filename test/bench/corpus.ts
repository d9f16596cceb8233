// The patch builder over a directory of patches (not a test): each `*.patch` is built on
// its own against the warm Debian 4.17.5 base and verified, and a table says for each
// whether it was built and verified, refused (with the reason), or failed (anything else:
// a crash, an internal error, a payload the verifier rejects; a "failed" row is a bug).
// Run with `npm run bench -- corpus DIR [--ignore-init-changes]`.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { buildXenBase } from "../../src/base/xen.js";
import { defaultCacheDir } from "../../src/options.js";
import { buildPatchPayloads } from "../../src/patch/build.js";
import { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource } from "../../src/source/debian.js";
import { ConfigurationError } from "../../src/util/errors.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";

const args = process.argv.slice(3);
const dirArg = args.find((a) => !a.startsWith("--"));
if (!dirArg) {
  console.error("usage: npm run bench -- corpus DIR [--ignore-init-changes] [--keep]");
  process.exit(2);
}
const dir = resolve(dirArg);
const ignoreInitChanges = args.includes("--ignore-init-changes");
const keep = args.includes("--keep");

const cacheDir = defaultCacheDir(process.env);
const source = await fetchDebianSource({ version: DEFAULT_DEBIAN_XEN_VERSION, cacheDir });
// The integration tests' base (with the in-tree test payloads), so both share one build.
const baseOptions = { source, cacheDir, withTests: true };
const base = await buildXenBase(baseOptions);
console.error(`base ${base.key}${base.cached ? " (cached)" : " (built now)"}`);

type Outcome = "built and verified" | "refused" | "failed";
const rows: Array<{ patch: string; outcome: Outcome; seconds: number; detail: string }> = [];
const patches = (await readdir(dir)).filter((f) => f.endsWith(".patch")).sort();
for (const file of patches) {
  const out = await mkdtemp(join(tmpdir(), "xlci-corpus-"));
  const start = performance.now();
  let outcome: Outcome;
  let detail: string;
  try {
    const payloads = await buildPatchPayloads({
      base,
      baseOptions,
      source: source.identity,
      patches: [join(dir, file)],
      mode: "stacked",
      expectations: "auto",
      ignoreInitChanges,
      outDir: join(out, "payloads"),
      sourcesDir: join(out, "sources"),
      logFile: join(out, "patch-build.log"),
    });
    const verified = await verifyPayloadSet({
      payloads: payloads.map((p) => p.file),
      xenSyms: base.xenSyms,
      applied: [],
    });
    const findings = verified.payloads.flatMap((p) => p.findings);
    const errors = findings.filter((f) => f.severity === "error");
    if (errors.length > 0) {
      outcome = "failed";
      detail = `verifier: ${errors.map((f) => `${f.ruleId}: ${f.message}`).join("; ")}`;
    } else {
      outcome = "built and verified";
      const p = payloads[0]!;
      detail = [
        `patches ${p.functions.map((f) => f.name).join(", ") || "no function"}`,
        p.added.length > 0 ? `adds ${p.added.join(", ")}` : "",
        p.ignored.length > 0 ? `ignored ${p.ignored.map((i) => i.name).join(", ")}` : "",
        findings.length > 0 ? `${findings.length} warning(s)/note(s)` : "",
      ]
        .filter(Boolean)
        .join("; ");
    }
  } catch (err) {
    if (err instanceof ConfigurationError) {
      outcome = "refused";
      detail = err.message.split("\n").slice(1).join(" ").trim() || err.message;
    } else {
      outcome = "failed";
      detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
  }
  const seconds = (performance.now() - start) / 1000;
  rows.push({ patch: file, outcome, seconds, detail: detail.replace(/\s+/g, " ") });
  console.error(`${file}: ${outcome} (${seconds.toFixed(1)} s)${keep ? ` in ${out}` : ""}`);
  if (!keep) await rm(out, { recursive: true, force: true });
}

const cell = (s: string) => s.replace(/\|/g, "\\|");
console.log(`\n| patch | outcome | s | detail |\n|---|---|---|---|`);
for (const r of rows)
  console.log(`| ${r.patch} | ${r.outcome} | ${r.seconds.toFixed(1)} | ${cell(r.detail)} |`);
const count = (o: Outcome) => rows.filter((r) => r.outcome === o).length;
console.log(
  `\n${rows.length} patches: ${count("built and verified")} built and verified, ${count("refused")} refused, ${count("failed")} failed`,
);
if (count("failed") > 0) process.exitCode = 1;
