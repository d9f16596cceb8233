/**
 * The payloads stage: everything the run verifies and boots, in order: payloads built from
 * the patches (src/patch), from payload sources, Xen's in-tree test payloads built on top
 * of the base, and the prebuilt ones given. Built payloads land in `<output-dir>/payloads`.
 */
import { copyFile, mkdir } from "node:fs/promises";
import { basename, join } from "node:path";
import type { BuildXenBaseOptions, XenBase } from "../base/xen.js";
import { buildXenTests } from "../base/xen.js";
import { buildPatchPayloads } from "../patch/build.js";
import type { PayloadOrigin } from "../report/result.js";
import type { XenSourceIdentity } from "../source/types.js";
import { type StageContext, type StageSummary, keepOnFailure } from "../stage-context.js";
import { payloadFileNameClash } from "../publish/names.js";
import { buildSourcePayloads } from "./sources.js";

/** The base this run built, as the payload builders need it. */
export interface BuiltBase {
  base: XenBase;
  source: XenSourceIdentity;
  baseOptions: BuildXenBaseOptions;
}

export interface PayloadsStageResult extends StageSummary {
  /** Every payload file, in the order they are verified. */
  all: string[];
  /** The user's: built from patches and sources, then the prebuilt ones given. */
  user: string[];
  /** Xen's in-tree test payloads (copies in the output directory). */
  selfTest: string[];
  /** What each payload was made from, by its file. */
  origins: Record<string, PayloadOrigin>;
}

/**
 * Builds and gathers the run's payloads. Without a base (`built` undefined) only the
 * prebuilt payloads given are taken. When a build fails, the error carries the origins of
 * the payloads built before it (partialStageResult), so the report still shows them.
 *
 * @throws PayloadCompileError when patches or sources do not compile (with diagnostics);
 *   ConfigurationError when a patch cannot become a payload (the refusal says why).
 */
export async function payloadsStage(
  built: BuiltBase | undefined,
  ctx: StageContext,
): Promise<PayloadsStageResult> {
  const origins: Record<string, PayloadOrigin> = {};
  return keepOnFailure(
    () => ({ origins }),
    () => gatherPayloads(built, ctx, origins),
  );
}

async function gatherPayloads(
  built: BuiltBase | undefined,
  ctx: StageContext,
  origins: Record<string, PayloadOrigin>,
): Promise<PayloadsStageResult> {
  const { options, log } = ctx;
  const out = options.outputDir;
  // On top of the base, not part of it: a run with them and one without share the base.
  let selfTest =
    built && options.selfTest
      ? (await buildXenTests(built.base, { logFile: join(ctx.logs, "self-test-build.log") }))
          .payloads
      : [];
  const fromPatches =
    built && options.patches.length > 0
      ? await buildPatchPayloads({
          base: built.base,
          baseOptions: built.baseOptions,
          source: built.source,
          patches: options.patches,
          mode: options.stackMode,
          expectations: options.expectations,
          metadata: options.metadata,
          ignoreInitChanges: options.ignoreInitChanges,
          allowLayoutChanges: options.allowLayoutChanges,
          refuseOutsideXen: options.refuseOutsideXen,
          copyChangedConstants: options.copyChangedConstants,
          outDir: join(out, "payloads"),
          sourcesDir: join(out, "patch-sources"),
          logFile: join(ctx.logs, "patch-build.log"),
        })
      : [];
  for (const p of fromPatches) {
    log.info(
      `${p.name}: build-id ${p.buildId}, depends on ${p.depends}, from ${p.patches.map((x) => basename(x.path)).join(", ")}`,
    );
    for (const note of p.notes) log.info(`  ${note}`);
    origins[p.file] = {
      kind: "patch",
      patches: p.patches,
      functions: p.functions.map((f) => ({ name: f.name, why: f.why })),
      added: p.added,
      ignored: p.ignored,
      ...(p.leftOut.length > 0 ? { leftOut: p.leftOut } : {}),
    };
  }
  const fromSources =
    built && options.payloadSources.length > 0
      ? await buildSourcePayloads({
          base: built.base,
          source: built.source,
          sourceDirs: options.payloadSources,
          stackMode: options.stackMode === "independent" ? "independent" : "stacked",
          expectations: options.expectations,
          metadata: options.metadata,
          outDir: join(out, "payloads"),
          logFile: join(ctx.logs, "payload-build.log"),
        })
      : [];
  for (const p of fromSources) {
    log.info(`${p.name}: build-id ${p.buildId}, depends on ${p.depends}`);
    for (const note of p.notes) log.info(`  ${note}`);
    origins[p.file] = { kind: "sources", path: p.sourceDir, sha256: p.sourceDigest };
  }
  // Built payloads are copied out of the cache: the output directory is what users keep.
  const dir = join(out, "payloads", "self-test");
  if (selfTest.length > 0) await mkdir(dir, { recursive: true });
  selfTest = await Promise.all(
    selfTest.map(async (p) => {
      const copy = join(dir, basename(p));
      await copyFile(p, copy);
      return copy;
    }),
  );
  for (const file of selfTest)
    origins[file] = { kind: "xen-tests", path: `xen/test/livepatch/${basename(file)}` };
  for (const file of options.payloads) origins[file] = { kind: "prebuilt", path: file };

  const detail = `${fromPatches.length} built from patches, ${fromSources.length} built from sources, ${selfTest.length} in-tree test payload(s), ${options.payloads.length} given`;
  log.info(detail);
  const ours = [...fromPatches, ...fromSources].map((p) => p.file);
  const sameName = payloadFileNameClash([
    ...fromPatches.map((p) => ({
      file: p.file,
      from: `built from ${p.patches.map((x) => x.path).join(", ")}`,
    })),
    ...fromSources.map((p) => ({ file: p.file, from: `built from ${p.sourceDir}` })),
    ...options.payloads.map((file) => ({ file, from: `payloads: ${file}` })),
  ]);
  if (sameName) throw sameName;
  return {
    all: [...ours, ...selfTest, ...options.payloads],
    user: [...ours, ...options.payloads],
    selfTest,
    origins,
    detail,
  };
}
