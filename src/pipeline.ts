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
import { baseStage } from "./base/stage.js";
import { XenBuildError } from "./base/xen.js";
import { bootStage } from "./boot/stage.js";
import type { Options } from "./options.js";
import { PayloadCompileError } from "./payload/sources.js";
import { type BuiltBase, payloadsStage } from "./payload/stage.js";
import { preflight } from "./preflight.js";
import { clearEarlierOutputs } from "./run-directories.js";
import { publish, publishedText, signOutputs, writeMetadata } from "./publish/stages.js";
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
import type { Logger } from "./util/logger.js";
import type { Finding } from "./verify/rules.js";
import { verifyStage } from "./verify/stage.js";
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
  const out = options.outputDir;
  const result: RunResult = {
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
  await clearEarlierOutputs(out);
  await mkdir(result.files.logs, { recursive: true });
  /** metadata.json is written once: signed at the end of a good run, else when it ends. */
  let metadataWritten = false;
  /** The user's tree, where compiler diagnostics of a failed build are placed. */
  let sourceRoot: string | undefined;

  const stage = async <T>(
    name: StageName,
    title: string,
    fn: (record: StageRecord) => Promise<T>,
  ): Promise<T> => {
    const record: StageRecord = { name, status: "ok", seconds: 0 };
    result.stages.push(record);
    const started = performance.now();
    try {
      return await log.group(title, () => fn(record));
    } catch (e) {
      record.status = "failed";
      record.detail = e instanceof Error ? e.message : String(e);
      const diagnostics = await diagnosticsOf(e, sourceRoot);
      if (diagnostics) result.diagnostics = diagnostics;
      throw e;
    } finally {
      record.seconds = Math.round((performance.now() - started) / 10) / 100;
    }
  };

  try {
    await preflight(options);
    const ctx = (record: StageRecord) => ({ options, log, logs: result.files.logs, record });
    let built: BuiltBase | undefined;
    if (options.xenSource) {
      const spec = options.xenSource;
      const tree = await stage("source", "Xen source", (record) => sourceStage(spec, ctx(record)));
      sourceRoot = tree.root;
      const { base, baseOptions, record } = await stage("base", "Base build", (r) =>
        baseStage(tree, {
          ...ctx(r),
          cache,
          cacheUses: result.cache,
          built: (b) => (result.base = b),
        }),
      );
      result.base = record;
      built = { base, source: tree.identity, baseOptions };
    }

    const payloads = await stage("payloads", "Payloads", (record) =>
      payloadsStage(built, { ...ctx(record), origins: result.origins }),
    );

    await stage("verify", "Verify payloads", async (record) => {
      const verified = await verifyStage(
        {
          payloads: payloads.all,
          selfTest: payloads.selfTest,
          xenSyms: options.xenSyms ?? built?.base.xenSyms,
        },
        ctx(record),
      );
      result.payloads = verified.reports;
      result.xenBuildId = verified.xenBuildId;
      result.verdict = verified.failure ? "fail" : "pass";
      if (verified.failure) result.reason = verified.failure;
    });

    const scenario = options.scenario;
    if (scenario !== "none" && built) {
      const base = built.base;
      await stage("boot", "Boot test", async (record) => {
        // Defective payloads would only make the boot fail in less useful ways.
        if (result.verdict !== "pass") {
          record.status = "skipped";
          record.detail = "skipped: the payloads did not pass verification";
          log.info(record.detail);
          return;
        }
        const booted = await bootStage(
          {
            scenario,
            base,
            bootImage: result.base?.bootImage ?? base.xenImage,
            userPayloads: payloads.user,
            selfTest: payloads.selfTest,
          },
          { ...ctx(record), cache, cacheUses: result.cache, files: result.files },
        );
        result.scenario = booted.outcome;
        result.scenarioPayloads = booted.payloadFiles;
        result.kvm = booted.kvm;
        if (booted.failure) {
          result.verdict = "fail";
          result.reason = booted.failure;
        }
      });
    }

    const releaseFiles = await signOutputs(result, options, stage, log);
    metadataWritten = true;
    if (options.upload !== "none" || options.attest) {
      await stage("publish", "Publish", async (record) => {
        // The artifact carries the reports as they are now; the final ones follow below.
        record.detail = "in progress when this report was written";
        await writeReports(result, options);
        result.published = await publish(result, options, releaseFiles, log);
        record.detail = publishedText(result.published);
      });
    }
  } catch (e) {
    result.verdict = "fail";
    result.reason = e instanceof Error ? e.message : String(e);
    throw Object.assign(e instanceof Error ? e : new Error(String(e)), { partialResult: result });
  } finally {
    await writeReports(result, options);
    if (!metadataWritten) {
      result.signing ??= {
        status: "unsigned",
        reason: `not signed: ${result.reason ?? "the run failed"}`,
      };
      // Never in place of the error that ended the run.
      await writeMetadata(result, options, new Map()).catch((e: unknown) =>
        log.warning(`metadata.json not written: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  }
  return result;
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
