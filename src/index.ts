/**
 * The action entry: reads the inputs into the options the command line also builds, runs
 * the pipeline, and turns the result into outputs, annotations and the job summary.
 * The one top-level catch here is the only place that fails the step.
 */
import * as core from "@actions/core";
// The action is a user of the library's API (src/api.ts), like the command line.
import {
  INPUT_DEFAULTS,
  type InputName,
  type RawInputs,
  type RunResult,
  allFindings,
  defaultCacheDir,
  parseOptions,
  partialResultOf,
  run,
} from "./api.js";
import { locationText } from "./report/sarif.js";
import { reportHtml, runReport } from "./report/summary.js";
import { githubJob } from "./publish/job.js";
import { ConfigurationError, InputFileError } from "./util/errors.js";
import { githubCache } from "./util/cache.js";
import { InterruptedError, interruptedExitCode, withInterruptHandling } from "./util/interrupt.js";
import { withRunTemp } from "./util/run-temp.js";
import { oneLine } from "./util/untrusted.js";
import { type Logger, safeLogger } from "./util/logger.js";
import { RULE_BY_ID } from "./verify/rules.js";

const runnerLogger: Logger = safeLogger({
  info: (m) => core.info(m),
  warning: (m) => core.warning(m),
  console: (line) => core.info(line),
  group: (title, fn) => core.group(title, fn),
});

function readInputs(): RawInputs {
  const raw: RawInputs = {};
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const value = core.getInput(name);
    if (value !== "") raw[name] = value;
  }
  return raw;
}

/**
 * Annotations quote a payload's symbol names, file names and compiler output: toolkit's
 * escaping covers %, CR, LF (and , : in properties), not ESC or bidirectional controls,
 * which oneLine escapes.
 */
function annotate(result: RunResult): void {
  for (const d of result.diagnostics ?? []) {
    const at = {
      title: `compiler ${d.severity}`,
      file: oneLine(d.file),
      startLine: d.line,
      ...(d.column ? { startColumn: d.column } : {}),
    };
    if (d.severity === "error") core.error(oneLine(d.message), at);
    else core.warning(oneLine(d.message), at);
  }
  for (const f of allFindings(result)) {
    const where = locationText(f.location);
    const props = {
      title: `${f.ruleId}: ${RULE_BY_ID.get(f.ruleId)?.title ?? ""}`,
      file: oneLine(f.file),
    };
    const message = oneLine(where ? `${f.message} [${where}]` : f.message);
    if (f.expected)
      core.notice(`expected, as this self-test payload is defective on purpose: ${message}`, props);
    else if (f.severity === "error") core.error(message, props);
    else if (f.severity === "warning") core.warning(message, props);
    else core.notice(message, props);
  }
}

async function writeSummary(result: RunResult): Promise<void> {
  await core.summary.addRaw(reportHtml(runReport(result))).write();
}

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
  core.setOutput("metadata", result.files.metadata);
  core.setOutput("signed", result.signing?.status === "signed" ? "true" : "false");
  const artifact = result.published?.artifact;
  if (artifact) {
    core.setOutput("artifact-id", artifact.id);
    core.setOutput("artifact-digest", artifact.digest);
    if (artifact.url) core.setOutput("artifact-url", artifact.url);
  }
  if (result.published?.release) core.setOutput("release-url", result.published.release.url);
}

/** Keeps the keys out of the log: each whole text and each line of it (the runner masks by line). */
function maskSigningKeys(raw: RawInputs): void {
  for (const key of [raw["signing-key"], raw["xen-signature-key"]]) {
    if (!key) continue;
    core.setSecret(key);
    for (const line of key.split("\n").map((l) => l.trim())) {
      if (line.length >= 8 && !line.startsWith("-----")) core.setSecret(line);
    }
  }
}

async function main(): Promise<void> {
  try {
    const inputs = readInputs();
    maskSigningKeys(inputs);
    const options = parseOptions(
      inputs,
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
      cacheDirFor(process.env),
      runMetadata(process.env),
      githubJob(process.env, core.getInput("github-token")),
    );
    core.setOutput("output-dir", options.outputDir);
    let result: RunResult | undefined;
    try {
      // A cancelled job's SIGINT/SIGTERM ends the run cleanly (src/util/interrupt.ts).
      result = await withInterruptHandling(() =>
        withRunTemp(() => run(options, runnerLogger, githubCache(runnerLogger))),
      );
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
    if (e instanceof InterruptedError) {
      core.setFailed(partialResultOf(e)?.reason ?? e.message);
      process.exitCode = interruptedExitCode(e.signal);
    } else if (e instanceof ConfigurationError || e instanceof InputFileError)
      core.setFailed(e.message);
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
