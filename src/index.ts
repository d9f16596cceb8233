/**
 * The action entry: reads the inputs into the options the command line also builds, runs
 * the pipeline, and turns the result into outputs, annotations and the job summary.
 * The one top-level catch here is the only place that fails the step.
 */
import * as core from "@actions/core";
import {
  INPUT_DEFAULTS,
  type InputName,
  type RawInputs,
  defaultCacheDir,
  parseOptions,
} from "./options.js";
import { type RunResult, allFindings, partialResultOf, run } from "./pipeline.js";
import { bootNotes, cacheUseLine } from "./report/run-text.js";
import { locationText } from "./report/sarif.js";
import { payloadVerdict } from "./report/text.js";
import { ConfigurationError, InputFileError } from "./util/errors.js";
import { githubCache } from "./util/cache.js";
import type { Logger } from "./util/logger.js";
import { RULE_BY_ID } from "./verify/rules.js";

const runnerLogger: Logger = {
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  console: (line) => core.info(line),
  group: (title, fn) => core.group(title, fn),
};

function readInputs(): RawInputs {
  const raw: RawInputs = {};
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const value = core.getInput(name);
    if (value !== "") raw[name] = value;
  }
  return raw;
}

function annotate(result: RunResult): void {
  for (const d of result.diagnostics ?? []) {
    const at = {
      title: `compiler ${d.severity}`,
      file: d.file,
      startLine: d.line,
      ...(d.column ? { startColumn: d.column } : {}),
    };
    if (d.severity === "error") core.error(d.message, at);
    else core.warning(d.message, at);
  }
  for (const f of allFindings(result)) {
    const where = locationText(f.location);
    const props = { title: `${f.ruleId}: ${RULE_BY_ID.get(f.ruleId)?.title ?? ""}`, file: f.file };
    const message = where ? `${f.message} [${where}]` : f.message;
    if (f.expected)
      core.notice(`expected, as this self-test payload is defective on purpose: ${message}`, props);
    else if (f.severity === "error") core.error(message, props);
    else if (f.severity === "warning") core.warning(message, props);
    else core.notice(message, props);
  }
}

async function writeSummary(result: RunResult): Promise<void> {
  const summary = core.summary.addHeading(
    `Xen livepatch: ${result.verdict === "pass" ? "pass" : "FAIL"}`,
    2,
  );
  if (result.reason) summary.addRaw(`<p>${escapeHtml(result.reason)}</p>`);
  if (result.base) {
    summary.addRaw(
      `<p>Base: ${escapeHtml(JSON.stringify(result.base.source))}, xen-syms build-id <code>${result.base.buildId ?? "none"}</code>${result.base.cached ? " (cached)" : ""}</p>`,
    );
  }
  if (result.payloads.length > 0) {
    summary.addTable([
      [
        { data: "Payload", header: true },
        { data: "Build-id", header: true },
        { data: "Size", header: true },
        { data: "Verifier", header: true },
      ],
      ...result.payloads.map((p) => [
        escapeHtml(p.name),
        p.buildId ? `<code>${p.buildId.slice(0, 12)}</code>` : "none",
        `${p.size}`,
        escapeHtml(payloadVerdict(p.findings)),
      ]),
    ]);
  }
  if (result.scenario) {
    summary.addHeading(`Boot test: ${escapeHtml(result.scenario.scenario)}`, 3);
    summary.addTable([
      [
        { data: "Step", header: true },
        { data: "Result", header: true },
        { data: "Detail", header: true },
      ],
      ...result.scenario.steps.map((s) => [
        escapeHtml(s.name),
        s.status,
        escapeHtml(s.message ?? ""),
      ]),
    ]);
  }
  for (const note of bootNotes(result)) summary.addRaw(`<p>${escapeHtml(note)}</p>`);
  if (result.cache.length > 0) {
    summary.addRaw(`<p>GitHub cache (keys in docs/caching.md):</p>`);
    summary.addList(result.cache.map((use) => escapeHtml(cacheUseLine(use))));
  }
  summary.addTable([
    [
      { data: "Stage", header: true },
      { data: "Result", header: true },
      { data: "Seconds", header: true },
    ],
    ...result.stages.map((s) => [s.name, s.status, `${s.seconds}`]),
  ]);
  await summary.write();
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function setOutputs(result: RunResult): void {
  const findings = allFindings(result).filter((f) => !f.expected);
  core.setOutput("verdict", result.verdict);
  core.setOutput("payloads", JSON.stringify(result.payloads.map((p) => p.file)));
  core.setOutput("findings-errors", findings.filter((f) => f.severity === "error").length);
  core.setOutput("findings-warnings", findings.filter((f) => f.severity === "warning").length);
  core.setOutput("sarif", result.files.sarif);
  core.setOutput("report", result.files.report);
  if (result.scenario) core.setOutput("junit", result.files.junit);
  core.setOutput("xen-build-id", result.xenBuildId ?? result.base?.buildId ?? "");
}

async function main(): Promise<void> {
  try {
    const options = parseOptions(
      readInputs(),
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
      cacheDirFor(process.env),
      runMetadata(process.env),
    );
    core.setOutput("output-dir", options.outputDir);
    let result: RunResult | undefined;
    try {
      result = await run(options, runnerLogger, githubCache(runnerLogger));
    } catch (e) {
      result = partialResultOf(e);
      throw e;
    } finally {
      if (result) {
        annotate(result);
        setOutputs(result);
        await writeSummary(result);
      }
    }
    if (result.verdict !== "pass") core.setFailed(result.reason ?? "the run failed");
  } catch (e) {
    if (e instanceof ConfigurationError || e instanceof InputFileError) core.setFailed(e.message);
    else
      core.setFailed(
        e instanceof Error ? (partialResultOf(e) ? e.message : (e.stack ?? e.message)) : String(e),
      );
  }
}

/** What built payloads record of the workflow run that made them. */
function runMetadata(env: NodeJS.ProcessEnv): Record<string, string> {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? { "workflow-run": `${server}/${repo}/actions/runs/${run}` } : {};
}

/** On a runner, caches live under RUNNER_TEMP unless cache-dir says otherwise. */
function cacheDirFor(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP && !env.XLCI_CACHE
    ? `${env.RUNNER_TEMP}/xen-livepatch-ci-cache`
    : defaultCacheDir(env);
}

await main();
