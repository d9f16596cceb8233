/**
 * The boot stage: the base booted with a dom0 in QEMU, running a scenario on the payloads
 * (the default one for the user's stack, Xen's self-test, or a file), with the guest's
 * assets and tool kept in the cache between runs.
 */
import { access, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { XenBase } from "../base/xen.js";
import { Payload } from "../livepatch/payload.js";
import type { XenVersion } from "../xen/version.js";
import type { Options } from "../options.js";
import { junitXml } from "../report/junit.js";
import { defaultScenario, describeStack, selfTestScenario } from "../scenario/builtin.js";
import { type Scenario, loadScenarioFile } from "../scenario/format.js";
import {
  type ScenarioResult,
  type StepOutcome,
  resolvePayloadFiles,
  runScenario,
} from "../scenario/run.js";
import { type StageContext, type StageSummary, keepOnFailure } from "../stage-context.js";
import type { CacheUse, DirectoryCache } from "../util/cache.js";
import { ConfigurationError } from "../util/errors.js";
import { verifyPayloadSet } from "../verify/payload-set.js";
import { verdictFor } from "../verify/stage.js";
import { type GuestAssets, fetchGuestAssets } from "./guest-assets.js";
import { withGuestCache } from "./guest-cache.js";
import { type KvmUse, kvmStatus, kvmUse } from "./kvm.js";

export interface BootStageResult extends StageSummary {
  outcome: ScenarioResult;
  /** The scenario's payload IDs and the files they were. */
  payloadFiles: Record<string, string>;
  kvm: KvmUse;
  /** Why the boot test failed, in one line; undefined when it passed. */
  failure?: string;
  /** What was restored from and saved to `cache` (nothing for the local cache). */
  cache: CacheUse[];
}

/**
 * Boots `bootImage` (the base's, or the distribution's identical one) and runs the chosen
 * scenario; writes `scenario.json` and `junit.xml` to `files`. When it cannot boot, the
 * error carries the cache uses (partialStageResult).
 *
 * @throws ConfigurationError for an unreadable scenario file or dom0 kernel; Error when
 *   QEMU cannot run at all, or when the verifier rejects a payload that a scenario file
 *   names (a failed step is a result, not an error).
 */
export async function bootStage(
  input: {
    scenario: Exclude<Options["scenario"], "none">;
    base: XenBase;
    bootImage: string;
    userPayloads: readonly string[];
    selfTest: readonly string[];
  },
  ctx: StageContext & { cache: DirectoryCache; files: { scenario: string; junit: string } },
): Promise<BootStageResult> {
  const cacheUses: CacheUse[] = [];
  return keepOnFailure(
    () => ({ cache: cacheUses }),
    () => boot(input, ctx, cacheUses),
  );
}

async function boot(
  input: Parameters<typeof bootStage>[0],
  ctx: Parameters<typeof bootStage>[1],
  cacheUses: CacheUse[],
): Promise<BootStageResult> {
  const { options, log } = ctx;
  const { base, bootImage } = input;
  const { scenario, payloadFiles } = await chooseScenario(
    input.scenario,
    input.userPayloads,
    input.selfTest,
    options.checks,
    base.xenVersion,
  );
  if (typeof input.scenario === "object") {
    const verified = new Set([...input.userPayloads, ...input.selfTest].map((f) => resolve(f)));
    await verifyScenarioPayloads(scenario, payloadFiles, verified, base, options);
  }
  const kvm = options.kvm === "false" ? undefined : await kvmStatus();
  if (bootImage !== base.xenImage) log.info(`booting ${bootImage}, the image users run`);
  const outcome = await withGuestCache(ctx.cache, options.cacheDir, base.key, cacheUses, async () =>
    runScenario({
      base: { ...base, xenImage: bootImage },
      scenario,
      payloadFiles,
      cacheDir: options.cacheDir,
      logFile: join(ctx.logs, "console.log"),
      ...(options.dom0Kernel
        ? { assets: await userKernel(options.dom0Kernel, options.cacheDir) }
        : {}),
      boot: {
        accel: options.kvm === "auto" ? "auto" : options.kvm === "true" ? "kvm" : "tcg",
        onLine: (line) => log.console(line),
      },
    }),
  );
  const used = kvmUse(options.kvm, kvm, outcome.boot);
  await writeFile(ctx.files.scenario, JSON.stringify(outcome, null, 2) + "\n");
  await writeFile(ctx.files.junit, junitXml(outcome));
  for (const step of outcome.steps) log.info(stepLine(step));
  if (outcome.boot.kvmFallback)
    log.warning(`KVM failed, booted with TCG: ${outcome.boot.kvmFallback.reason}`);
  else if (!used.used) log.info(`Booted with TCG: ${used.reason}`);
  const { passed, failed, notRun } = outcome.counts;
  const detail = `${scenario.name}: ${passed} passed, ${failed} failed, ${notRun} not run (${outcome.boot.accel}, ${(outcome.boot.totalMs / 1000).toFixed(1)} s)`;
  log.info(detail);
  const failure = outcome.ok
    ? undefined
    : `boot test ${scenario.name}: ${outcome.error ?? `${failed} step(s) failed, ${notRun} not run`}`;
  return {
    outcome,
    payloadFiles,
    kvm: used,
    ...(failure ? { failure } : {}),
    cache: cacheUses,
    detail,
  };
}

/** The scenario to boot and the host file of each payload it names. */
async function chooseScenario(
  choice: Exclude<Options["scenario"], "none">,
  userPayloads: readonly string[],
  testPayloads: readonly string[],
  checks: readonly string[],
  xenVersion: XenVersion,
): Promise<{ scenario: Scenario; payloadFiles: Record<string, string> }> {
  if (choice === "default") {
    const stack = describeStack(await Promise.all(userPayloads.map((f) => Payload.load(f))));
    return {
      scenario: defaultScenario(stack, { checks: checks.map((command) => ({ command })) }),
      payloadFiles: Object.fromEntries(stack.map((p) => [p.name, p.file])),
    };
  }
  if (choice === "self-test") {
    const scenario = selfTestScenario(xenVersion);
    return {
      scenario,
      payloadFiles: await resolvePayloadFiles(scenario, dirname(testPayloads[0] ?? ".")),
    };
  }
  const scenario = await loadScenarioFile(choice.path);
  return { scenario, payloadFiles: await resolvePayloadFiles(scenario, dirname(choice.path)) };
}

/**
 * Verifies the payloads a scenario file names that the verify stage did not see (it saw
 * `verified`), as it would have: against the hypervisor, on the applied payloads, at the
 * fail-on threshold. A payload it rejects stops the run before the boot, with its findings.
 */
async function verifyScenarioPayloads(
  scenario: Scenario,
  payloadFiles: Readonly<Record<string, string>>,
  verified: ReadonlySet<string>,
  base: XenBase,
  options: Options,
): Promise<void> {
  const named = Object.entries(payloadFiles).filter(([, file]) => !verified.has(resolve(file)));
  if (named.length === 0) return;
  const result = await verifyPayloadSet({
    payloads: named.map(([, file]) => file),
    xenSyms: base.xenSyms,
    applied: options.appliedPayloads,
  });
  const refused = result.payloads.flatMap((report, i) => {
    if (verdictFor(report.findings, options.failOn).pass) return [];
    const shown = report.findings.filter(
      (f) => f.severity === "error" || options.failOn === "warning",
    );
    return [
      `payload "${named[i]![0]}" (${report.file}): ${shown.map((f) => `${f.ruleId}: ${f.message}`).join("; ")}`,
    ];
  });
  if (refused.length > 0) {
    throw new Error(
      `${scenario.file} names payloads the verifier rejects, so they are not booted:\n${refused.join("\n")}`,
    );
  }
}

/** The distribution's dom0 pieces with the user's kernel, which has the Xen drivers built in. */
async function userKernel(kernel: string, cacheDir: string): Promise<GuestAssets> {
  await access(kernel).catch(() => {
    throw new ConfigurationError("dom0-kernel", `${kernel} does not exist`);
  });
  const assets = await fetchGuestAssets({ cacheDir });
  return { ...assets, kernel, modules: [], kernelVersion: "(given)" };
}

/** A step's line in the log: `ok   apply hello`, `FAIL revert bye: ...`. */
export function stepLine(step: StepOutcome): string {
  const mark = step.status === "passed" ? "ok  " : step.status === "failed" ? "FAIL" : "skip";
  return `${mark} ${step.name}${step.message ? `: ${step.message}` : ""}`;
}
