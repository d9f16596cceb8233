/**
 * The pipeline both front doors run, as the ordered list of its stages: source -> base ->
 * payloads -> verify -> boot -> sign -> publish. Each stage is a module of its own
 * (src/<stage>/stage.ts, sign and publish in src/publish/stages.ts) taking a typed input
 * and returning a typed result; here they are run in order, timed and logged as one group
 * each, and their results go into the run's result (src/report/result.ts). Whatever
 * happens, the output directory ends up with the report of what ran (and why a stage
 * failed) and the logs.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type BaseStageResult, baseStage } from "./base/stage.js";
import { XenBuildError } from "./base/xen.js";
import { type BootStageResult, bootStage } from "./boot/stage.js";
import type { Options } from "./options.js";
import { PayloadCompileError } from "./payload/sources.js";
import { type BuiltBase, payloadsStage } from "./payload/stage.js";
import { preflight } from "./preflight.js";
import { clearEarlierOutputs } from "./run-directories.js";
import {
  type Published,
  type SigningOutcome,
  publish,
  publishedText,
  signStage,
  signingAsked,
  unsignedOutputs,
  writeMetadata,
} from "./publish/stages.js";
import {
  type CompilerDiagnostic,
  parseCompilerDiagnostics,
  sourcePath,
} from "./report/compiler.js";
import type { RunResult, StageName, StageRecord } from "./report/result.js";
import { toSarif } from "./report/sarif.js";
import { findingsText } from "./report/text.js";
import { sourceStage } from "./source/stage.js";
import { type DirectoryCache, localCache } from "./util/cache.js";
import { InterruptedError, interruption, throwIfInterrupted } from "./util/interrupt.js";
import type { Logger } from "./util/logger.js";
import type { Finding } from "./verify/rules.js";
import { type VerifyStageResult, verifyStage } from "./verify/stage.js";
import {
  type StageContext,
  type StageSummary,
  partialStageResult,
  skippedStage,
} from "./stage-context.js";
import { TOOL_NAME, TOOL_VERSION } from "./version.js";

// The run's result model lives below the stages (report/result.ts); these names stay here too.
export type { BaseRecord, RunResult, StageName, StageRecord } from "./report/result.js";

export function allFindings(result: RunResult): Finding[] {
  return result.payloads.flatMap((p) => p.findings);
}

/**
 * Runs the pipeline. `cache` keeps the base build between runs where the machine does not
 * (GitHub's cache service in the action); the command line's cache directory persists.
 */
export async function run(
  options: Options,
  log: Logger,
  cache: DirectoryCache = localCache(),
): Promise<RunResult> {
  const result = newRunResult(options.outputDir);
  const { files } = result;
  await clearEarlierOutputs(options.outputDir);
  await mkdir(files.logs, { recursive: true });
  const ctx: StageContext = { options, log, logs: files.logs };
  /** The user's tree, where compiler diagnostics of a failed build are placed. */
  const tree: { sourceRoot?: string } = {};
  const stage = stageRunner(result, log, tree);
  /** metadata.json is written once: signed at the end of a good run, else when it ends. */
  let metadataWritten = false;
  try {
    await preflight(options);
    let built: BuiltBase | undefined;
    if (options.xenSource) {
      const spec = options.xenSource;
      const source = await stage("source", "Xen source", () => sourceStage(spec, ctx));
      tree.sourceRoot = source.tree.root;
      const base = await stage(
        "base",
        "Base build",
        () => baseStage(source.tree, { ...ctx, cache }),
        (b) => keepBase(result, b),
      );
      built = { base: base.base, source: source.tree.identity, baseOptions: base.baseOptions };
    }
    const payloads = await stage(
      "payloads",
      "Payloads",
      () => payloadsStage(built, ctx),
      (p) => Object.assign(result.origins, p.origins),
    );
    const xenSyms = options.xenSyms ?? built?.base.xenSyms;
    const verifyInput = { payloads: payloads.all, selfTest: payloads.selfTest, xenSyms };
    await stage(
      "verify",
      "Verify payloads",
      () => verifyStage(verifyInput, ctx),
      (v) => keepVerified(result, v),
    );

    const scenario = options.scenario;
    if (scenario !== "none" && built) {
      const base = built.base;
      const bootImage = result.base?.bootImage ?? base.xenImage;
      const { user: userPayloads, selfTest } = payloads;
      const input = { scenario, base, bootImage, userPayloads, selfTest };
      // Defective payloads would only make the boot fail in less useful ways.
      const boot =
        result.verdict === "pass"
          ? () => bootStage(input, { ...ctx, cache, files })
          : () => skipped(log, "skipped: the payloads did not pass verification");
      await stage("boot", "Boot test", boot, (b) => keepBooted(result, b));
    }

    const { releaseFiles, ...signed } = signingAsked(options)
      ? await stage(
          "sign",
          "Sign",
          () => signStage(result, options, log),
          (s) => keepSigning(result, s),
        )
      : await unsignedOutputs(result, options, "no signing key was given");
    keepSigning(result, signed);
    metadataWritten = true;
    if (options.upload !== "none" || options.attest) {
      const keepPublished = (p: { published?: Published }) => {
        if (p.published) result.published = p.published;
      };
      await stage(
        "publish",
        "Publish",
        async () => {
          // The artifact carries the reports as they are now; the final ones follow below.
          await writeReports(result, options);
          const published = await publish(result, options, releaseFiles, log);
          return { published, detail: publishedText(published) };
        },
        keepPublished,
      );
    }
  } catch (e) {
    result.verdict = "fail";
    result.reason = e instanceof Error ? e.message : String(e);
    if (e instanceof InterruptedError) markInterrupted(result, e);
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { partialResult: result });
  } finally {
    await writeReports(result, options);
    if (!metadataWritten) {
      result.signing ??= {
        status: "unsigned",
        reason: `not signed: ${result.reason ?? "the run failed"}`,
      };
      // Never in place of the error that ended the run.
      await writeMetadata(result, options, { signing: result.signing }, new Map()).catch(
        (e: unknown) =>
          log.warning(`metadata.json not written: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  }
  return result;
}

/** A run's result before any stage ran: it fails until the verify stage says otherwise. */
function newRunResult(out: string): RunResult {
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    verdict: "fail",
    stages: [],
    payloads: [],
    origins: {},
    cache: [],
    files: {
      metadata: join(out, "metadata.json"),
      report: join(out, "report.json"),
      sarif: join(out, "findings.sarif"),
      findings: join(out, "findings.txt"),
      scenario: join(out, "scenario.json"),
      junit: join(out, "junit.xml"),
      logs: join(out, "logs"),
    },
  };
}

/** While a stage runs, its record says so (the publish stage's artifact carries the report). */
const IN_PROGRESS = "in progress when this report was written";

/**
 * Runs stages for `result`: each as one log group, timed, its record (status, seconds,
 * detail) added to `result.stages`. `keep` puts what the stage returned into `result`, and
 * what it had made when it failed (partialStageResult). A failed build's compiler
 * diagnostics are placed in the user's tree (`sourceRoot`, once the source stage set it).
 */
function stageRunner(result: RunResult, log: Logger, tree: { sourceRoot?: string }) {
  return async <T extends StageSummary>(
    name: StageName,
    title: string,
    fn: () => Promise<T>,
    keep?: (done: Partial<T>) => void,
  ): Promise<T> => {
    const record: StageRecord = { name, status: "ok", seconds: 0, detail: IN_PROGRESS };
    result.stages.push(record);
    const started = performance.now();
    try {
      throwIfInterrupted();
      const done = await log.group(title, fn);
      // What a stage made while the run was being interrupted is not its result.
      throwIfInterrupted();
      if (done.skipped) record.status = "skipped";
      record.detail = done.detail;
      keep?.(done);
      return done;
    } catch (e) {
      record.status = "failed";
      record.detail = e instanceof Error ? e.message : String(e);
      const partial = partialStageResult<T>(e);
      if (partial) keep?.(partial);
      const signal = interruption();
      if (signal) {
        // Whatever failed as the signal ended its commands: the signal's doing, not the input's.
        record.status = "interrupted";
        record.detail = `interrupted by ${signal} while this stage ran`;
        throw new InterruptedError(signal);
      }
      const diagnostics = await diagnosticsOf(e, tree.sourceRoot);
      if (diagnostics) result.diagnostics = diagnostics;
      throw e;
    } finally {
      record.seconds = Math.round((performance.now() - started) / 10) / 100;
    }
  };
}

/** The verdict of a run a signal ended: the stage that was running, never a failed input. */
function markInterrupted(result: RunResult, e: InterruptedError): void {
  const stage = result.stages.find((s) => s.status === "interrupted")?.name;
  result.verdict = "interrupted";
  result.interrupted = { signal: e.signal, ...(stage ? { stage } : {}) };
  result.reason = `interrupted by ${e.signal}${stage ? ` during the ${stage} stage` : ""}`;
}

/** A stage with nothing to do, for `why` (which the log says too). */
function skipped(log: Logger, why: string): Promise<StageSummary> {
  log.info(why);
  return Promise.resolve(skippedStage(why));
}

function keepSigning(result: RunResult, signed: Partial<SigningOutcome>): void {
  if (signed.signing) result.signing = signed.signing;
  if (signed.xenSignatures) result.xenSignatures = signed.xenSignatures;
}

function keepBase(result: RunResult, base: Partial<BaseStageResult>): void {
  if (base.record) result.base = base.record;
  result.cache.push(...(base.cache ?? []));
}

function keepVerified(result: RunResult, verified: Partial<VerifyStageResult>): void {
  if (!verified.reports) return;
  result.payloads = verified.reports;
  result.xenBuildId = verified.xenBuildId;
  result.verdict = verified.failure ? "fail" : "pass";
  if (verified.failure) result.reason = verified.failure;
}

function keepBooted(result: RunResult, booted: Partial<BootStageResult>): void {
  result.cache.push(...(booted.cache ?? []));
  if (!booted.outcome) return;
  result.scenario = booted.outcome;
  result.scenarioPayloads = booted.payloadFiles;
  result.kvm = booted.kvm;
  if (booted.failure) {
    result.verdict = "fail";
    result.reason = booted.failure;
  }
}

/**
 * The compiler's diagnostics of a failed build, placed in the user's tree (`sourceRoot`):
 * a payload build carries them; a base build's are read from its log. Undefined for any
 * other failure.
 */
async function diagnosticsOf(
  e: unknown,
  sourceRoot: string | undefined,
): Promise<CompilerDiagnostic[] | undefined> {
  if (e instanceof PayloadCompileError) return [...e.diagnostics];
  if (!(e instanceof XenBuildError)) return undefined;
  const log = await readFile(e.logFile, "utf8").catch(() => "");
  return parseCompilerDiagnostics(log).map((d) => ({
    ...d,
    file: sourcePath(d.file, join(e.tree, "xen"), e.tree, sourceRoot ?? e.tree),
  }));
}

/** Writes report.json, findings.sarif and findings.txt: also for a failed run. */
async function writeReports(result: RunResult, options: Options): Promise<void> {
  await mkdir(options.outputDir, { recursive: true });
  const findings = allFindings(result);
  await writeFile(result.files.report, JSON.stringify(result, null, 2) + "\n");
  await writeFile(
    result.files.sarif,
    JSON.stringify(toSarif(findings, options.workspace), null, 2) + "\n",
  );
  await writeFile(result.files.findings, findingsText(result.payloads, options.workspace));
}

/** An error thrown by run() carries what the run produced before it failed. */
export function partialResultOf(e: unknown): RunResult | undefined {
  return (e as { partialResult?: RunResult } | null)?.partialResult;
}
