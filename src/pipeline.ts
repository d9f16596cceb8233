/**
 * The pipeline both front doors run: source -> base build -> payloads -> verify -> report.
 * Each stage is timed and logged as one group. Whatever happens, the output directory
 * ends up with the report of what ran (and why a stage failed) and the logs.
 */
import { access, copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { loadXenConfig } from "./build/config.js";
import {
  type BuildXenBaseOptions,
  type XenBase,
  XenBuildError,
  buildXenBase,
  planXenBase,
} from "./build/xen.js";
import {
  type CompilerDiagnostic,
  parseCompilerDiagnostics,
  sourcePath,
} from "./report/compiler.js";
import { XenSyms, buildInfoDifferences } from "./livepatch/xen-syms.js";
import type { Options, XenSourceSpec } from "./options.js";
import { toSarif } from "./report/sarif.js";
import { findingsText } from "./report/text.js";
import { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource } from "./source/debian.js";
import { PayloadCompileError, buildSourcePayloads } from "./payload/sources.js";
import { type PatchPayload, buildPatchPayloads } from "./patch/build.js";
import { fetchGitSource } from "./source/git.js";
import { Payload } from "./livepatch/payload.js";
import { junitXml } from "./report/junit.js";
import { type GuestAssets, fetchGuestAssets } from "./boot/guest-assets.js";
import { defaultScenario, describeStack, selfTestScenario } from "./scenario/builtin.js";
import { type Scenario, parseScenario } from "./scenario/format.js";
import {
  type ScenarioResult,
  type StepOutcome,
  resolvePayloadFiles,
  runScenario,
} from "./scenario/run.js";
import { localSource } from "./source/path.js";
import type { XenSourceIdentity, XenSourceTree } from "./source/types.js";
import { ConfigurationError } from "./util/errors.js";
import {
  CACHE_KEY_PREFIX,
  type CacheUse,
  type DirectoryCache,
  baseCacheKey,
  localCache,
} from "./util/cache.js";
import { withGuestCache } from "./boot/guest-cache.js";
import { type KvmUse, kvmStatus, kvmUse } from "./boot/kvm.js";
import type { Logger } from "./util/logger.js";
import type { PayloadReport } from "./verify/payload-set.js";
import { verifyPayloadSet } from "./verify/payload-set.js";
import { applySelfTestExpectations } from "./verify/self-test.js";
import type { Finding } from "./verify/rules.js";
import { TOOL_NAME, TOOL_VERSION } from "./version.js";
import type { PayloadOrigin, SigningRecord } from "./report/metadata.js";
import {
  type Published,
  publish,
  publishedText,
  signOutputs,
  writeMetadata,
} from "./publish/stages.js";

export type StageName = "source" | "base" | "payloads" | "verify" | "boot" | "sign" | "publish";

export interface StageRecord {
  readonly name: StageName;
  status: "ok" | "failed" | "skipped";
  seconds: number;
  detail?: string;
}

export interface BaseRecord {
  readonly source: XenSourceIdentity;
  readonly xenSyms: string;
  readonly xenImage: string;
  readonly buildId: string | undefined;
  /** The build values the hypervisor embeds, read back from xen-syms (compiler, date, ...). */
  readonly buildInfo: Record<string, string>;
  readonly config: XenBase["config"];
  readonly cached: boolean;
}

export interface RunResult {
  readonly tool: { name: string; version: string };
  verdict: "pass" | "fail";
  /** Why the verdict is "fail", in one line. */
  reason?: string;
  readonly stages: StageRecord[];
  base?: BaseRecord;
  xenBuildId?: string;
  payloads: PayloadReport[];
  /** Compiler errors and warnings of a failed build, at their place in the user's tree. */
  diagnostics?: CompilerDiagnostic[];
  /** The boot test's steps and how the boot went. */
  scenario?: ScenarioResult;
  /** The boot test's payload IDs and the files they were (ID -> file). */
  scenarioPayloads?: Record<string, string>;
  /** What each payload was made from, by its file. */
  readonly origins: Record<string, PayloadOrigin>;
  /** How the outputs were signed, or why not (metadata.json says the same). */
  signing?: SigningRecord;
  /** Payloads (by file) that carry the experimental embedded Xen signature note. */
  xenSignatures?: string[];
  /** Where the outputs went besides the output directory. */
  published?: Published;
  /** Whether the boot test ran under KVM and, if not, why. */
  kvm?: KvmUse;
  /** What was restored from and saved to GitHub's cache (the action only). */
  readonly cache: CacheUse[];
  readonly files: {
    metadata: string;
    report: string;
    sarif: string;
    findings: string;
    logs: string;
    scenario: string;
    junit: string;
  };
}

/** Patches to payloads, on the base this run built. */
async function buildPatches(
  built: { base: XenBase; source: XenSourceIdentity; baseOptions: BuildXenBaseOptions },
  options: Options,
  out: string,
  logs: string,
): Promise<PatchPayload[]> {
  return buildPatchPayloads({
    base: built.base,
    baseOptions: built.baseOptions,
    source: built.source,
    patches: options.patches,
    mode: options.stackMode,
    expectations: options.expectations,
    metadata: options.metadata,
    ignoreInitChanges: options.ignoreInitChanges,
    allowLayoutChanges: options.allowLayoutChanges,
    outDir: join(out, "payloads"),
    sourcesDir: join(out, "patch-sources"),
    logFile: join(logs, "patch-build.log"),
  });
}

export function allFindings(result: RunResult): Finding[] {
  return result.payloads.flatMap((p) => p.findings);
}

/** The verdict the fail-on threshold gives for these findings. */
export function verdictFor(
  findings: readonly Finding[],
  failOn: Options["failOn"],
): { pass: boolean; reason?: string } {
  const counted = findings.filter((f) => !f.expected);
  const errors = counted.filter((f) => f.severity === "error").length;
  const warnings = counted.filter((f) => f.severity === "warning").length;
  if (failOn !== "never" && errors > 0)
    return { pass: false, reason: `${errors} verifier finding(s) of error severity` };
  if (failOn === "warning" && warnings > 0)
    return {
      pass: false,
      reason: `${warnings} verifier finding(s) of warning severity (fail-on: warning)`,
    };
  return { pass: true };
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
  await mkdir(result.files.logs, { recursive: true });
  /** metadata.json is written once: signed at the end of a good run, else when it ends. */
  let metadataWritten = false;

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
      throw e;
    } finally {
      record.seconds = Math.round((performance.now() - started) / 10) / 100;
    }
  };

  try {
    let xenSyms = options.xenSyms;
    let testPayloads: string[] = [];
    let built:
      { base: XenBase; source: XenSourceIdentity; baseOptions: BuildXenBaseOptions } | undefined;
    let userPayloads: string[] = [];
    if (options.xenSource) {
      const spec = options.xenSource;
      const tree = await stage("source", "Xen source", async (record) => {
        const t = await fetchSource(spec, options.cacheDir, join(result.files.logs, "source.log"));
        record.detail = `${describeSource(t.identity)} at ${t.root}`;
        log.info(record.detail);
        return t;
      });
      const { base, baseOptions } = await stage("base", "Base build", async (record) => {
        const config =
          options.xenConfig === "defconfig"
            ? undefined
            : await loadXenConfig(options.xenConfig.path);
        const baseOptions: BuildXenBaseOptions = {
          source: tree,
          ...(config ? { config } : {}),
          cacheDir: options.cacheDir,
          buildValues: options.buildValues,
          withTests: options.selfTest,
          logFile: join(result.files.logs, "base-build.log"),
        };
        const cached = await restoreBase(cache, baseOptions, log, result.cache);
        const b = await withDiagnostics(tree.root, result, () => buildXenBase(baseOptions));
        if (cached && !cached.restored && !b.cached)
          await saveBase(cache, cached.keys, result.cache);
        const xen = await XenSyms.load(b.xenSyms);
        result.base = {
          source: tree.identity,
          xenSyms: b.xenSyms,
          xenImage: b.xenImage,
          buildId: xen.buildId,
          buildInfo: xen.buildInfo(),
          config: b.config,
          cached: b.cached,
        };
        record.detail = `xen-syms build-id ${xen.buildId ?? "(none)"}${b.cached ? " (cached)" : ""}`;
        log.info(record.detail);
        for (const note of b.config.notes) log.warning(`xen-config: ${note}`);
        await checkExpectedBuildId(options.expectedBuildId, xen);
        return { base: b, baseOptions };
      });
      xenSyms ??= base.xenSyms;
      testPayloads = base.testPayloads;
      built = { base, source: tree.identity, baseOptions };
    }

    const payloads = await stage("payloads", "Payloads", async (record) => {
      const fromPatches =
        built && options.patches.length > 0
          ? await withDiagnostics(built.base.tree, result, () =>
              buildPatches(built, options, out, result.files.logs),
            )
          : [];
      for (const p of fromPatches) {
        log.info(
          `${p.name}: build-id ${p.buildId}, depends on ${p.depends}, from ${p.patches.map((x) => basename(x.path)).join(", ")}`,
        );
        for (const note of p.notes) log.info(`  ${note}`);
      }
      for (const p of fromPatches) {
        result.origins[p.file] = {
          kind: "patch",
          patches: p.patches,
          functions: p.functions.map((f) => ({ name: f.name, why: f.why })),
          added: p.added,
          ignored: p.ignored,
        };
      }
      const sources = built && options.payloadSources.length > 0 ? built : undefined;
      const fromSources = sources
        ? await withDiagnostics(sources.base.tree, result, () =>
            buildSourcePayloads({
              base: sources.base,
              source: sources.source,
              sourceDirs: options.payloadSources,
              stackMode: options.stackMode === "independent" ? "independent" : "stacked",
              expectations: options.expectations,
              metadata: options.metadata,
              outDir: join(out, "payloads"),
              logFile: join(result.files.logs, "payload-build.log"),
            }),
          )
        : [];
      for (const p of fromSources) {
        log.info(`${p.name}: build-id ${p.buildId}, depends on ${p.depends}`);
        for (const note of p.notes) log.info(`  ${note}`);
      }
      // Built payloads are copied out of the cache: the output directory is what users keep.
      const dir = join(out, "payloads", "self-test");
      if (testPayloads.length > 0) await mkdir(dir, { recursive: true });
      testPayloads = await Promise.all(
        testPayloads.map(async (p) => {
          const copy = join(dir, basename(p));
          await copyFile(p, copy);
          return copy;
        }),
      );
      record.detail = `${fromPatches.length} built from patches, ${fromSources.length} built from sources, ${testPayloads.length} in-tree test payload(s), ${options.payloads.length} given`;
      log.info(record.detail);
      const ours = [...fromPatches, ...fromSources].map((p) => p.file);
      userPayloads = [...ours, ...options.payloads];
      for (const p of fromSources)
        result.origins[p.file] = { kind: "sources", path: p.sourceDir, sha256: p.sourceDigest };
      for (const file of testPayloads)
        result.origins[file] = { kind: "xen-tests", path: `xen/test/livepatch/${basename(file)}` };
      for (const file of options.payloads) result.origins[file] = { kind: "prebuilt", path: file };
      return [...ours, ...testPayloads, ...options.payloads];
    });

    await stage("verify", "Verify payloads", async (record) => {
      const verified = await verifyPayloadSet({
        payloads,
        xenSyms,
        applied: options.appliedPayloads,
      });
      const selfTest = new Set(testPayloads);
      const checked = applySelfTestExpectations(
        verified.payloads.filter((p) => selfTest.has(p.file)),
      );
      result.payloads = [
        ...checked.reports,
        ...verified.payloads.filter((p) => !selfTest.has(p.file)),
      ];
      result.xenBuildId = verified.xenBuildId;
      log.info(findingsText(result.payloads, options.workspace).trimEnd());
      const verdict = verdictFor(allFindings(result), options.failOn);
      const reason =
        checked.missing.length > 0 ? `self-test: ${checked.missing.join("; ")}` : verdict.reason;
      record.detail = reason ?? `${payloads.length} payload(s) pass`;
      result.verdict = reason ? "fail" : "pass";
      if (reason) result.reason = reason;
    });

    const scenarioChoice = options.scenario;
    if (scenarioChoice !== "none" && built) {
      const base = built.base;
      await stage("boot", "Boot test", async (record) => {
        // Defective payloads would only make the boot fail in less useful ways.
        if (result.verdict !== "pass") {
          record.status = "skipped";
          record.detail = "skipped: the payloads did not pass verification";
          log.info(record.detail);
          return;
        }
        const { scenario, payloadFiles } = await chooseScenario(
          scenarioChoice,
          userPayloads,
          testPayloads,
          options.checks,
        );
        const kvm = options.kvm === "false" ? undefined : await kvmStatus();
        const outcome = await withGuestCache(
          cache,
          options.cacheDir,
          base.key,
          result.cache,
          async () =>
            runScenario({
              base,
              scenario,
              payloadFiles,
              cacheDir: options.cacheDir,
              logFile: join(result.files.logs, "console.log"),
              ...(options.dom0Kernel
                ? { assets: await userKernel(options.dom0Kernel, options.cacheDir) }
                : {}),
              boot: {
                accel: options.kvm === "auto" ? "auto" : options.kvm === "true" ? "kvm" : "tcg",
                onLine: (line) => log.console(line),
              },
            }),
        );
        result.scenario = outcome;
        result.scenarioPayloads = payloadFiles;
        result.kvm = kvmUse(options.kvm, kvm, outcome.boot);
        await writeFile(result.files.scenario, JSON.stringify(outcome, null, 2) + "\n");
        await writeFile(result.files.junit, junitXml(outcome));
        for (const step of outcome.steps) log.info(stepLine(step));
        if (outcome.boot.kvmFallback)
          log.warning(`KVM failed, booted with TCG: ${outcome.boot.kvmFallback.reason}`);
        else if (!result.kvm.used) log.info(`Booted with TCG: ${result.kvm.reason}`);
        const { passed, failed, notRun } = outcome.counts;
        record.detail = `${scenario.name}: ${passed} passed, ${failed} failed, ${notRun} not run (${outcome.boot.accel}, ${(outcome.boot.totalMs / 1000).toFixed(1)} s)`;
        log.info(record.detail);
        if (!outcome.ok) {
          result.verdict = "fail";
          result.reason = `boot test ${scenario.name}: ${outcome.error ?? `${failed} step(s) failed, ${notRun} not run`}`;
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

/** Runs a build; when it fails, records the compiler's diagnostics mapped to the source tree. */
async function withDiagnostics<T>(
  sourceRoot: string,
  result: RunResult,
  build: () => Promise<T>,
): Promise<T> {
  try {
    return await build();
  } catch (e) {
    if (e instanceof PayloadCompileError) result.diagnostics = [...e.diagnostics];
    if (e instanceof XenBuildError) {
      const log = await readFile(e.logFile, "utf8").catch(() => "");
      result.diagnostics = parseCompilerDiagnostics(log).map((d) => ({
        ...d,
        file: sourcePath(d.file, join(e.tree, "xen"), e.tree, sourceRoot),
      }));
    }
    throw e;
  }
}

/** The base build and the compiler cache from the previous run, when `cache` has them. */
type BaseCacheKeys = Awaited<ReturnType<typeof baseCacheKeys>>;

/**
 * The base build and the compiler cache from the previous run, when `cache` keeps them
 * (undefined for the local cache, whose directories persist by themselves).
 */
async function restoreBase(
  cache: DirectoryCache,
  opts: BuildXenBaseOptions,
  log: Logger,
  uses: CacheUse[],
): Promise<{ keys: BaseCacheKeys; restored: string | undefined } | undefined> {
  if (cache.kind === "local") return undefined;
  const keys = await baseCacheKeys(opts);
  const restored = await cache.restore([keys.tree], keys.base);
  uses.push({ entry: "base", key: keys.base, ...(restored ? { restored } : {}) });
  // The compiler cache helps even when the base changed: any earlier entry will do.
  if (!restored) {
    const ccache = await cache.restore([keys.ccache], keys.ccacheKey, [keys.ccachePrefix]);
    uses.push({ entry: "ccache", key: keys.ccacheKey, ...(ccache ? { restored: ccache } : {}) });
  }
  log.info(
    restored
      ? `base build restored from the cache (${restored})`
      : `no cached base build for ${keys.base}`,
  );
  return { keys, restored };
}

async function saveBase(cache: DirectoryCache, keys: BaseCacheKeys, uses: CacheUse[]) {
  for (const [paths, key] of [
    [[keys.tree], keys.base],
    [[keys.ccache], keys.ccacheKey],
  ] as const) {
    const saved = await cache.save([...paths], key);
    const use = uses.find((u) => u.key === key);
    if (use) use.saved = saved;
  }
}

async function baseCacheKeys(opts: BuildXenBaseOptions) {
  const plan = await planXenBase(opts);
  const parts = { platform: process.platform, arch: process.arch, buildKey: plan.key };
  const ccachePrefix = `${CACHE_KEY_PREFIX}-ccache-${parts.platform}-${parts.arch}-`;
  return {
    tree: plan.tree,
    ccache: plan.ccacheDir,
    base: baseCacheKey(parts),
    ccacheKey: `${ccachePrefix}${plan.key}`,
    ccachePrefix,
  };
}

/** The scenario to boot and the host file of each payload it names. */
async function chooseScenario(
  choice: Exclude<Options["scenario"], "none">,
  userPayloads: readonly string[],
  testPayloads: readonly string[],
  checks: readonly string[],
): Promise<{ scenario: Scenario; payloadFiles: Record<string, string> }> {
  if (choice === "default") {
    const stack = describeStack(await Promise.all(userPayloads.map((f) => Payload.load(f))));
    return {
      scenario: defaultScenario(stack, { checks: checks.map((command) => ({ command })) }),
      payloadFiles: Object.fromEntries(stack.map((p) => [p.name, p.file])),
    };
  }
  if (choice === "self-test") {
    const scenario = selfTestScenario();
    return {
      scenario,
      payloadFiles: await resolvePayloadFiles(scenario, dirname(testPayloads[0] ?? ".")),
    };
  }
  const text = await readFile(choice.path, "utf8").catch((e: Error) => {
    throw new ConfigurationError("scenario", `cannot read ${choice.path}: ${e.message}`);
  });
  const scenario = parseScenario(text, choice.path);
  return { scenario, payloadFiles: await resolvePayloadFiles(scenario, dirname(choice.path)) };
}

/** The distribution's dom0 pieces with the user's kernel, which has the Xen drivers built in. */
async function userKernel(kernel: string, cacheDir: string): Promise<GuestAssets> {
  await access(kernel).catch(() => {
    throw new ConfigurationError("dom0-kernel", `${kernel} does not exist`);
  });
  const assets = await fetchGuestAssets({ cacheDir });
  return { ...assets, kernel, modules: [], kernelVersion: "(given)" };
}

export function stepLine(step: StepOutcome): string {
  const mark = step.status === "passed" ? "ok  " : step.status === "failed" ? "FAIL" : "skip";
  return `${mark} ${step.name}${step.message ? `: ${step.message}` : ""}`;
}

async function fetchSource(
  spec: XenSourceSpec,
  cacheDir: string,
  logFile: string,
): Promise<XenSourceTree> {
  switch (spec.kind) {
    case "debian":
      return fetchDebianSource({
        version: spec.version ?? DEFAULT_DEBIAN_XEN_VERSION,
        cacheDir,
        logFile,
      });
    case "git":
      return fetchGitSource({ url: spec.url, ref: spec.ref, cacheDir, logFile });
    case "path":
      return localSource(spec.path);
  }
}

export function describeSource(identity: XenSourceIdentity): string {
  switch (identity.kind) {
    case "debian":
      return `Debian source package xen ${identity.version}`;
    case "git":
      return `${identity.url} at ${identity.ref || "HEAD"} (commit ${identity.commit})`;
    case "path":
      return `${identity.path}${identity.commit ? ` at commit ${identity.commit}` : ""}${identity.dirty ? ` with changes (digest ${identity.digest.slice(0, 12)})` : ""}`;
  }
}

async function checkExpectedBuildId(expected: string | undefined, xen: XenSyms): Promise<void> {
  if (!expected) return;
  const deployed = /^[0-9a-f]+$/.test(expected) ? undefined : await XenSyms.load(expected);
  if (deployed && !deployed.buildId) {
    throw new ConfigurationError("expected-build-id", `${expected} has no usable build-id note`);
  }
  const want = deployed?.buildId ?? expected;
  if (xen.buildId === want) return;
  // With the deployed xen-syms at hand, name the embedded build values that differ.
  const differences = deployed ? buildInfoDifferences(xen.buildInfo(), deployed.buildInfo()) : [];
  throw new ConfigurationError(
    "expected-build-id",
    `the rebuilt base has build-id ${xen.buildId ?? "(none)"}, the deployed hypervisor ${want}: ` +
      (differences.length > 0
        ? `they differ in ${differences.join("; ")}`
        : "the compiler, .config or build-values differ from the deployed build (give the deployed xen-syms to see which build values differ)") +
      "; no payload built here would load there",
  );
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
