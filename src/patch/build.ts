/**
 * The native patch builder: patches in, payloads out. It copies the cached base's built
 * tree, applies the patches and rebuilds incrementally (with the base build's exact
 * environment, so only what a patch touches is recompiled), then runs the passes over
 * the recompiled objects, as kpatch's create-diff-object does over one annotated model:
 * correlate their symbols (correlate.ts), compare (compare.ts), classify (classify.ts),
 * check patchability (patchability.ts, the one place that refuses), include what goes
 * into the payload (include.ts), emit its source (emit.ts); then the payload is assembled
 * and linked against the base directly (payload/direct.ts).
 */
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { type BuildXenBaseOptions, type XenBase, xenRebuildInvocation } from "../base/xen.js";
import { parseCompilerDiagnostics } from "../report/compiler.js";
import {
  type ExpectationsMode,
  PayloadCompileError,
  type SourcePayload,
  formatDiagnostic,
} from "../payload/sources.js";
import { buildGeneratedPayloads } from "../payload/direct.js";
import type { XenSourceIdentity } from "../source/types.js";
import { XEN_LIVEPATCH_NAME_SIZE } from "../xen/abi.js";
import { XenSyms } from "../livepatch/xen-syms.js";
import { ChangeFailure } from "../util/errors.js";
import { CommandError, runCommand } from "../util/exec.js";
import type { DiffOptions, IgnoredChange, ObjectDiff } from "./changes.js";
import { classifyInitOnly } from "./classify.js";
import { correlate } from "./correlate.js";
import { type PayloadSource, payloadSource } from "./emit.js";
import { type PatchedFunction, includeInPayload } from "./include.js";
import { compareLayouts } from "./layout.js";
import { objectPasses } from "./object-diff.js";
import {
  type RecompiledObject,
  objectStamps,
  rebuiltObjects,
  recompiledObjects,
} from "./objects.js";
import { PatchRefusal, checkPatchability, layoutFindings } from "./patchability.js";
import { type PatchFile, applyPatch, linesMovedBy, payloadNameClash, readPatch } from "./series.js";
import { asmOffsetsUnchanged } from "./asm-offsets.js";
import { planRebuild } from "./targets.js";
import { type LinkedSources, breakLinks, patchableTree, unchangedSources } from "./tree.js";

export { bootCode } from "./patchability.js";

export type PatchMode = "stacked" | "independent" | "cumulative";

export interface BuildPatchPayloadsOptions {
  base: XenBase;
  /** How the base was built: the patched tree is rebuilt the same way. */
  baseOptions: BuildXenBaseOptions;
  source: XenSourceIdentity;
  /** Patch files, in series order. */
  patches: readonly string[];
  mode: PatchMode;
  expectations: ExpectationsMode;
  metadata?: Readonly<Record<string, string>>;
  /**
   * Build the runtime part of a patch that also changes init code, listing the init
   * changes as ignored, instead of refusing it (the `ignore-init-changes` input).
   */
  ignoreInitChanges?: boolean;
  /**
   * Build even when a structure or union the changed units use changes its layout (the
   * `allow-layout-changes` input), for an author who handled the live instances; the
   * change is then a warning in the payload's notes instead of a refusal.
   */
  allowLayoutChanges?: boolean;
  /**
   * Copy read-only data the patch changes into the payload, patching its runtime readers,
   * instead of refusing it (`copy-changed-constants`).
   */
  copyChangedConstants?: boolean;
  /** Refuse a patch's files outside xen/ instead of leaving them out (`refuse-outside-xen`). */
  refuseOutsideXen?: boolean;
  outDir: string;
  /** Where each payload's generated source is kept (the run's output directory). */
  sourcesDir: string;
  logFile?: string;
}

export interface PatchPayload extends SourcePayload {
  /** The patches the payload was built from, with their digests. */
  patches: Array<{ path: string; sha256: string }>;
  functions: PatchedFunction[];
  added: string[];
  /** Init code the patch changes, left out on request (`ignoreInitChanges`). */
  ignored: IgnoredChange[];
  /** Files the patches change outside xen/, left out of the build (`patch: path`). */
  leftOut: string[];
}

/** One payload of the series: the patches applied to one tree and built from its change. */
interface Step {
  name: string;
  apply: PatchFile[];
  /** Whether the step starts from the base's tree (else from the previous step's). */
  fresh: boolean;
}

/** What a step leaves for the link: its source directory and what the payload carries. */
interface GeneratedSource {
  dir: string;
  step: Step;
  source: PayloadSource;
  /** Data layouts changed with allow-layout-changes, for the payload's notes. */
  warnings: string[];
}

type Log = (line: string) => Promise<void>;

/**
 * Builds a payload per patch (stacked, independent) or one for the series (cumulative).
 * Throws a ConfigurationError (input `patches`) listing every reason a patch cannot be a
 * livepatch, and a PayloadCompileError when the patched hypervisor does not build.
 */
export async function buildPatchPayloads(opts: BuildPatchPayloadsOptions): Promise<PatchPayload[]> {
  if (opts.patches.length === 0) return [];
  const patches: PatchFile[] = [];
  const outside = opts.refuseOutsideXen ? "refuse" : "leave-out";
  for (const p of opts.patches) patches.push(await readPatch(p, outside));
  const clash = payloadNameClash(patches);
  if (clash) throw clash;
  for (const p of patches) {
    const why = nothingToCompile(p);
    if (why) throw refusal({ name: p.name, apply: [p], fresh: true }, [why]);
  }
  const log = buildLog(opts.logFile);
  const xenSyms = await XenSyms.load(opts.base.xenSyms);
  const work = await mkdtemp(join(tmpdir(), "xlci-patch-"));
  const generated: GeneratedSource[] = [];
  try {
    const tree = join(work, "tree");
    const make = await xenRebuildInvocation(
      opts.baseOptions,
      tree,
      opts.logFile ?? join(opts.sourcesDir, "build.log"),
    );
    // The objects when this step starts, and the bytes of those earlier steps rebuilt.
    let stamps = new Map<string, string>();
    let rebuilt = new Map<string, Buffer>();
    let linked: LinkedSources | undefined;
    // Names the payloads of this stack define, step by step: a later one must not reuse them.
    let stackNames = new Set<string>();
    for (const step of payloadSteps(patches, opts.mode)) {
      if (step.fresh) {
        await log(`${step.name}: linking the base's tree`);
        ({ stamps, linked } = await freshTree(opts.base.tree, tree, opts.logFile));
        rebuilt = new Map();
        stackNames = new Set();
      }
      const now = await applyAndRebuild(step, opts.base.tree, tree, make, log, opts.logFile);
      if (linked) await unchangedSources(opts.base.tree, tree, linked);
      const { before, after } = await rebuiltObjects(tree, opts.base.tree, stamps, now, rebuilt);
      const objects = recompiledObjects(before, after);
      stamps = now;
      rebuilt = new Map([...rebuilt, ...after]);
      await log(
        `${step.name}: ${objects.length} object(s) recompiled differently: ${objects.map((o) => o.patched.file).join(", ")}`,
      );
      const defined = stackNames;
      const nameTaken = (name: string) => xenSyms.lookup(name) !== undefined || defined.has(name);
      const { source, warnings } = await payloadPasses(objects, {
        opts,
        step,
        tree,
        env: make.env,
        nameTaken,
        log,
      });
      for (const name of source.symbols) stackNames.add(name);
      const dir = await writeStepSource(opts.sourcesDir, step, source, log);
      generated.push({ dir, step, source, warnings });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // The link: assembled and linked against the base like any hand-written payload.
  await log("assembling and linking the payloads");
  const built = await buildGeneratedPayloads({
    base: opts.base,
    source: opts.source,
    sourceDirs: generated.map((g) => g.dir),
    stackMode: opts.mode === "independent" ? "independent" : "stacked",
    // A cumulative payload replaces a live stack, whose jumps are where its expectations
    // of the original code would be checked: Xen would refuse the replace.
    expectations: opts.mode === "cumulative" ? "none" : opts.expectations,
    ...(opts.metadata ? { metadata: opts.metadata } : {}),
    outDir: opts.outDir,
    ...(opts.logFile ? { logFile: opts.logFile } : {}),
  });
  return built.map((payload, i) => patchPayload(payload, generated[i]!));
}

interface StepContext {
  opts: BuildPatchPayloadsOptions;
  step: Step;
  /** The patched tree, and the environment it was rebuilt with. */
  tree: string;
  env: NodeJS.ProcessEnv;
  /** Whether the hypervisor or an earlier payload of the stack has a symbol name. */
  nameTaken: (name: string) => boolean;
  log: Log;
}

/**
 * The passes over one step's recompiled objects, in kpatch's order (create-diff-object's
 * main(): include before verify patchability, so what cannot be carried is refused with
 * the rest). Throws the step's refusal, every reason listed once.
 */
async function payloadPasses(
  objects: readonly RecompiledObject[],
  ctx: StepContext,
): Promise<{ source: PayloadSource; warnings: string[] }> {
  const { opts, step } = ctx;
  // Correlate, compare, classify: the annotated model, one diff per object.
  const diffOptions = { lineMoved: linesMovedBy(step.apply), xenVersion: opts.base.xenVersion };
  const diffs = objects.map((o) => annotate(o, diffOptions));
  // Compare the data layouts the changed units see.
  const layouts = layoutFindings(
    await stepLayouts(ctx, diffs),
    diffs,
    opts.allowLayoutChanges ?? false,
  );
  // Include: what goes into the payload.
  const plan = includeInPayload(diffs, { nameTaken: ctx.nameTaken, payloadName: step.name });
  // Check patchability: every refusal, collected here and reported once.
  const refusals = checkPatchability({
    diffs,
    layout: layouts.refusals,
    ignoreInitChanges: opts.ignoreInitChanges ?? false,
    problems: plan.problems,
    functionEntries: plan.funcEntries.length,
    copyChangedConstants: opts.copyChangedConstants ?? false,
  });
  if (refusals.length > 0) throw refusal(step, refusals);
  // Emit: the payload's source, a function of the plan.
  const ignored = opts.ignoreInitChanges ? diffs.flatMap((d) => d.initChanges) : [];
  return { source: payloadSource(plan, ignored), warnings: layouts.warnings };
}

/** Documentation in the hypervisor's directory: no build reads it. */
const DOCUMENTATION =
  /(^|\/)(README[^/]*|COPYING|CHANGELOG[^/]*|MAINTAINERS|[^/]+\.(md|txt|rst|pandoc))$/;

/**
 * Why a patch cannot change the hypervisor's code, decided by its text before anything is
 * copied or compiled: every file it changes is Kconfig (the base's .config is fixed, and a
 * livepatch changes code, not the configuration it was built with) or documentation.
 * Undefined when a file may change what is compiled (source, header, Makefile, script).
 */
export function nothingToCompile(patch: PatchFile): string | undefined {
  const paths = patch.files.map((f) => f.path);
  const kconfig = paths.filter((p) => /(^|\/)Kconfig[^/]*$/.test(p));
  const docs = paths.filter((p) => DOCUMENTATION.test(p));
  if (paths.length === 0 || kconfig.length + docs.length < paths.length) return undefined;
  const what = [
    ...(kconfig.length ? ["Kconfig"] : []),
    ...(docs.length ? ["documentation"] : []),
  ].join(" and ");
  return `the patch changes only ${what} (${paths.join(", ")}), which compiles to no code: a livepatch changes the running hypervisor's code, not the configuration it was built with or its documents`;
}

/** The log's lines, each with the seconds since the build started. */
function buildLog(logFile: string | undefined): Log {
  const started = performance.now();
  return async (line: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (logFile) await writeFile(logFile, `# [${seconds} s] ${line}\n`, { flag: "a" });
  };
}

/** The steps of a series: one per patch, or one for all of them (cumulative). */
function payloadSteps(patches: readonly PatchFile[], mode: PatchMode): Step[] {
  return mode === "cumulative"
    ? [{ name: cumulativeName(patches), apply: [...patches], fresh: true }]
    : patches.map((p, i) => ({
        name: p.name,
        apply: [p],
        fresh: mode === "independent" || i === 0,
      }));
}

function cumulativeName(patches: readonly PatchFile[]): string {
  return patches.length === 1
    ? patches[0]!.name
    : `${patches[patches.length - 1]!.name}-cumulative`.slice(0, XEN_LIVEPATCH_NAME_SIZE - 1);
}

/**
 * A fresh tree of the base's (patchableTree: its sources linked); returns its objects' stamps and
 * the linked sources, to be checked after each rebuild.
 */
async function freshTree(
  baseTree: string,
  tree: string,
  logFile: string | undefined,
): Promise<{ stamps: Map<string, string>; linked: LinkedSources | undefined }> {
  await rm(tree, { recursive: true, force: true });
  await mkdir(tree, { recursive: true });
  const linked = await patchableTree(baseTree, tree, logFile);
  return { stamps: await objectStamps(tree), linked };
}

/** Applies the step's patches, rebuilds incrementally; returns the objects' stamps after. */
async function applyAndRebuild(
  step: Step,
  baseTree: string,
  tree: string,
  make: Awaited<ReturnType<typeof xenRebuildInvocation>>,
  log: Log,
  logFile: string | undefined,
): Promise<Map<string, string>> {
  for (const p of step.apply) {
    await log(`applying ${p.path}`);
    // The files it changes, linked to the base's, become copies first.
    await breakLinks(
      baseTree,
      tree,
      p.files.map((f) => f.path),
    );
    await applyPatch(p, tree, logFile);
  }
  await log(`${step.name}: rebuilding the hypervisor incrementally`);
  await rebuild(baseTree, tree, step.apply, make, log, logFile);
  return objectStamps(tree);
}

/** Correlate, compare and classify one recompiled object (an init-only one as a whole). */
function annotate(o: RecompiledObject, options: DiffOptions): ObjectDiff {
  return o.initOnly
    ? classifyInitOnly(o.original, o.patched, correlate(o.original, o.patched))
    : objectPasses(o.original, o.patched, options);
}

/**
 * The data layouts that differ, compared on the units this step recompiled (see
 * layout.ts). New objects have no base to compare with; init-only ones are refused or
 * ignored.
 */
async function stepLayouts(ctx: StepContext, diffs: readonly ObjectDiff[]) {
  const changedUnits = diffs.map((d) => d.patched.file).filter((f) => !f.endsWith(".init.o"));
  await ctx.log(`${ctx.step.name}: comparing data layouts of ${changedUnits.length} unit(s)`);
  return compareLayouts({
    baseTree: ctx.opts.base.tree,
    patchedTree: ctx.tree,
    objects: changedUnits,
    env: ctx.env,
    ...(ctx.opts.logFile ? { logFile: ctx.opts.logFile } : {}),
  });
}

/** The refusal of a step's patches, every reason listed once. */
function refusal(step: Step, reasons: readonly string[]): ChangeFailure {
  const list = step.apply.map((p) => p.path).join(", ");
  return new ChangeFailure(
    "patches",
    `${list} cannot be built into a livepatch:\n${reasons.map((r) => `  - ${r}`).join("\n")}`,
    { cause: new PatchRefusal([...reasons]) },
  );
}

/** Writes the step's source and patches into its directory of the run's output. */
async function writeStepSource(
  sourcesDir: string,
  step: Step,
  source: PayloadSource,
  log: Log,
): Promise<string> {
  const dir = join(sourcesDir, step.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${step.name}.S`), source.text);
  for (const p of step.apply) await copyFile(p.path, join(dir, `${p.name}.patch`));
  for (const f of source.functions) await log(`${step.name}: ${f.name}: ${f.why}`);
  return dir;
}

/** The linked payload with what the step put into it, its notes first. */
function patchPayload(payload: SourcePayload, g: GeneratedSource): PatchPayload {
  return {
    ...payload,
    patches: g.step.apply.map((p) => ({ path: p.path, sha256: p.sha256 })),
    functions: g.source.functions,
    added: g.source.added,
    ignored: g.source.ignored,
    leftOut: g.step.apply.flatMap((p) => p.leftOut.map((f) => `${basename(p.path)}: ${f}`)),
    notes: [
      ...g.step.apply.flatMap((p) => p.leftOut.map((f) => leftOutNote(p.path, f))),
      ...g.source.functions.map((f) => `${f.name}: ${f.why}`),
      ...g.source.ignored.map((c) => `ignored (ignore-init-changes): ${c.name}: ${c.why}`),
      ...g.warnings,
      ...g.source.notes,
      ...payload.notes,
    ],
  };
}

/** The log's line for a file of a patch left out of the build. */
function leftOutNote(patch: string, file: string): string {
  return `left out (outside xen/): ${file} of ${basename(patch)}: not part of the hypervisor, so not in the payload; a toolstack or docs part needs its own update (refuse-outside-xen refuses such a patch)`;
}

async function rebuild(
  baseTree: string,
  tree: string,
  patches: readonly PatchFile[],
  make: Awaited<ReturnType<typeof xenRebuildInvocation>>,
  log: (line: string) => Promise<void>,
  logFile?: string,
) {
  // Only the objects the patch reaches, when the build's records tell which (targets.ts).
  const changed = patches.flatMap((p) => p.files.map((f) => f.path));
  let plan = await planRebuild(tree, changed);
  // A changed input of asm-offsets.h rebuilds everything only if the header changes.
  if (plan.kind === "full" && plan.asmOffsets) {
    await log(`${plan.reason}: comparing asm-offsets.h with the base's`);
    if (await asmOffsetsUnchanged(baseTree, tree, make.env, logFile)) {
      plan = await planRebuild(tree, changed, { asmOffsetsUnchanged: true });
      await log("asm-offsets.h stays as it is");
    }
  }
  const goals = plan.kind === "objects" ? plan.objects : [];
  const batches = plan.kind === "objects" ? rebuildBatches(goals) : [[]];
  const x86 = goals.filter((g) => dirname(g) === "arch/x86");
  await log(
    plan.kind === "objects"
      ? `making ${plan.objects.length} object(s)${batches.length > 1 ? ` (${x86[0]} before the ${x86.length - 1} other arch/x86 one(s): they share arch/x86/asm-macros.i)` : ""}: ${plan.objects.join(", ")}`
      : `making the whole hypervisor: ${plan.reason}`,
  );
  for (const batch of batches) await makeGoals(tree, batch, patches, make, logFile);
}

/**
 * The makes that rebuild `goals` (paths of objects under xen/, as make takes them), in
 * order, each a `make -jN` of its goals: one make of them all, except that of two or more
 * goals directly in arch/x86 all but the first wait for a second make. Xen's single-object
 * goals each run a sub-make of their own, and two of arch/x86's at once both regenerate
 * arch/x86/asm-macros.i ("fixdep: error opening file: arch/x86/.asm-macros.i.d"); in a
 * patch's tree it is always out of date, as kbuild remakes a file whose command line
 * changed and the tree's -ffile-prefix-map names the tree.
 */
export function rebuildBatches(goals: readonly string[]): string[][] {
  const later = goals.filter((g) => dirname(g) === "arch/x86").slice(1);
  return [goals.filter((g) => !later.includes(g)), later].filter((b) => b.length > 0);
}

/** One make of `goals` (the whole hypervisor when none); a PayloadCompileError on failure. */
async function makeGoals(
  tree: string,
  goals: readonly string[],
  patches: readonly PatchFile[],
  make: Awaited<ReturnType<typeof xenRebuildInvocation>>,
  logFile?: string,
) {
  const jobs = `-j${availableParallelism()}`;
  const args = [...make.args.filter((a) => !/^-j\d*$/.test(a)), jobs, ...goals];
  try {
    await runCommand(make.cmd, args, {
      cwd: tree,
      env: { ...make.env, MAKEFLAGS: undefined, MAKELEVEL: undefined },
      ...(logFile ? { logFile } : {}),
    });
  } catch (err) {
    // A make killed by a signal says nothing of the patch.
    if (!(err instanceof CommandError) || err.signal) throw err;
    const diagnostics = parseCompilerDiagnostics(`${err.stderr}\n${err.stdout}`).map((d) => ({
      ...d,
      file: d.file.startsWith("/") ? relative(tree, d.file) : `xen/${d.file.replace(/^\.\//, "")}`,
    }));
    const detail =
      diagnostics.length > 0 ? diagnostics.map(formatDiagnostic).join("\n") : err.message;
    throw new PayloadCompileError(
      diagnostics,
      `the hypervisor does not build with ${patches.map((p) => p.path).join(", ")} applied:\n${detail}`,
      { cause: err, input: "patches" },
    );
  }
}
