/**
 * The native patch builder: patches in, payloads out. It copies the cached base's built
 * tree, applies the patches and rebuilds incrementally (with the base build's exact
 * environment, so only what a patch touches is recompiled), compares each recompiled
 * object with the one before, and writes the changed functions as a payload source that
 * the payload-sources builder assembles and links against the base.
 */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { type BuildXenBaseOptions, type XenBase, xenRebuildInvocation } from "../base/xen.js";
import { ELFCLASS32 } from "../elf/constants.js";
import { parseCompilerDiagnostics } from "../report/compiler.js";
import {
  type ExpectationsMode,
  PayloadCompileError,
  type SourcePayload,
  buildSourcePayloads,
  copyHypervisorTree,
  formatDiagnostic,
} from "../payload/sources.js";
import type { XenSourceIdentity } from "../source/types.js";
import { XEN_LIVEPATCH_NAME_SIZE } from "../xen/abi.js";
import { XenSyms } from "../livepatch/xen-syms.js";
import { ConfigurationError } from "../util/errors.js";
import { CommandError, runCommand } from "../util/exec.js";
import {
  type DiffOptions,
  type IgnoredChange,
  type ObjectDiff,
  diffObjects,
} from "./object-diff.js";
import { compareLayouts } from "./layout.js";
import { ObjectModel } from "./object-model.js";
import { type PatchedFunction, PatchRefusal, emitPayloadSource } from "./emit.js";
import { type PatchFile, applyPatch, linesMovedBy, payloadNameClash, readPatch } from "./series.js";
import { planRebuild } from "./targets.js";

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
}

/** Objects that are links of others, not compiled from a source file. */
const AGGREGATES = new Set(["built_in.o", "prelink.o"]);

export async function buildPatchPayloads(opts: BuildPatchPayloadsOptions): Promise<PatchPayload[]> {
  if (opts.patches.length === 0) return [];
  const patches: PatchFile[] = [];
  for (const p of opts.patches) patches.push(await readPatch(p));
  const clash = payloadNameClash(patches);
  if (clash) throw clash;
  const logFile = opts.logFile;
  const started = performance.now();
  const log = async (line: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (logFile) await writeFile(logFile, `# [${seconds} s] ${line}\n`, { flag: "a" });
  };

  // Each step is the patches applied to one tree and the payload built from its change.
  const steps: Array<{ name: string; apply: PatchFile[]; fresh: boolean }> =
    opts.mode === "cumulative"
      ? [{ name: cumulativeName(patches), apply: patches, fresh: true }]
      : patches.map((p, i) => ({
          name: p.name,
          apply: [p],
          fresh: opts.mode === "independent" || i === 0,
        }));

  const xenSyms = await XenSyms.load(opts.base.xenSyms);
  // Names the payloads of this stack define, step by step: a later one must not reuse them.
  let stackNames = new Set<string>();
  const layoutWarnings = new Map<string, string[]>();
  const work = await mkdtemp(join(tmpdir(), "xlci-patch-"));
  const generated: Array<{
    dir: string;
    step: (typeof steps)[number];
    source: ReturnType<typeof emitPayloadSource>;
  }> = [];
  try {
    const tree = join(work, "tree");
    const make = await xenRebuildInvocation(
      opts.baseOptions,
      tree,
      logFile ?? join(opts.sourcesDir, "build.log"),
    );
    // The objects before this step's patches: the previous step's result in a stack.
    let before = new Map<string, Buffer>();
    for (const step of steps) {
      if (step.fresh) {
        await rm(tree, { recursive: true, force: true });
        await mkdir(tree, { recursive: true });
        await copyHypervisorTree(opts.base.tree, tree, logFile);
        before = await objectContents(tree);
        stackNames = new Set();
      }
      for (const p of step.apply) {
        await log(`applying ${p.path}`);
        await applyPatch(p, tree, logFile);
      }
      await log(`${step.name}: rebuilding the hypervisor incrementally`);
      await rebuild(tree, step.apply, make, log, logFile);
      const after = await objectContents(tree);
      const diffs = changedObjects(before, after, {
        lineMoved: linesMovedBy(step.apply),
        xenVersion: opts.base.xenVersion,
      });
      before = after;
      await log(
        `${step.name}: ${diffs.length} object(s) recompiled differently: ${diffs.map((d) => d.patched.file).join(", ")}`,
      );
      // Data layout: compared on the units this step recompiled (see layout.ts).
      // New objects have no base to compare with; init-only ones are refused or ignored.
      const changedUnits = diffs.map((d) => d.patched.file).filter((f) => !f.endsWith(".init.o"));
      await log(`${step.name}: comparing data layouts of ${changedUnits.length} unit(s)`);
      const layouts = await compareLayouts({
        baseTree: opts.base.tree,
        patchedTree: tree,
        objects: changedUnits,
        env: make.env,
        ...(logFile ? { logFile } : {}),
      });
      const layoutLines = layouts.map((l) => {
        const users = diffs
          .filter((d) => l.objects.includes(d.patched.file))
          .flatMap((d) => d.changed.map((c) => c.original.xenName));
        return `${l.type} changes its layout (${l.what}) in ${l.objects.join(", ")}; the payload's code using it${users.length > 0 ? ` (${users.join(", ")})` : ""} would read and write the hypervisor's live instances with the new layout`;
      });
      const layoutRefusals =
        layoutLines.length > 0 && !opts.allowLayoutChanges
          ? [
              ...layoutLines,
              "keep live structures' layout (add new state elsewhere, e.g. a new variable set up in a load hook); if the patch handles the live instances, set allow-layout-changes (--allow-layout-changes true) to build it with a warning",
            ]
          : [];
      layoutWarnings.set(
        step.name,
        opts.allowLayoutChanges
          ? layoutLines.map((l) => `warning (allow-layout-changes): ${l}`)
          : [],
      );
      const refuse = (reasons: string[], cause?: Error) => {
        const list = step.apply.map((p) => p.path).join(", ");
        return new ConfigurationError(
          "patches",
          `${list} cannot be built into a livepatch:\n${reasons.map((r) => `  - ${r}`).join("\n")}`,
          cause ? { cause } : undefined,
        );
      };
      let source;
      try {
        const earlier = stackNames;
        source = emitPayloadSource(diffs, {
          ignoreInitChanges: opts.ignoreInitChanges ?? false,
          nameTaken: (name) => xenSyms.lookup(name) !== undefined || earlier.has(name),
          payloadName: step.name,
        });
      } catch (err) {
        if (!(err instanceof PatchRefusal)) throw err;
        throw refuse([...layoutRefusals, ...err.reasons], err);
      }
      if (layoutRefusals.length > 0) throw refuse(layoutRefusals);
      for (const name of source.symbols) stackNames.add(name);
      const dir = join(opts.sourcesDir, step.name);
      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, `${step.name}.S`), source.text);
      for (const p of step.apply) await copyFile(p.path, join(dir, `${p.name}.patch`));
      for (const f of source.functions) await log(`${step.name}: ${f.name}: ${f.why}`);
      generated.push({ dir, step, source });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }

  await log("assembling and linking the payloads");
  const built = await buildSourcePayloads({
    base: opts.base,
    source: opts.source,
    sourceDirs: generated.map((g) => g.dir),
    stackMode: opts.mode === "independent" ? "independent" : "stacked",
    // A cumulative payload replaces a live stack, whose jumps are where its expectations
    // of the original code would be checked: Xen would refuse the replace.
    expectations: opts.mode === "cumulative" ? "none" : opts.expectations,
    ...(opts.metadata ? { metadata: opts.metadata } : {}),
    outDir: opts.outDir,
    ...(logFile ? { logFile } : {}),
  });
  return built.map((payload, i) => {
    const g = generated[i]!;
    return {
      ...payload,
      patches: g.step.apply.map((p) => ({ path: p.path, sha256: p.sha256 })),
      functions: g.source.functions,
      added: g.source.added,
      ignored: g.source.ignored,
      notes: [
        ...g.source.functions.map((f) => `${f.name}: ${f.why}`),
        ...g.source.ignored.map((c) => `ignored (ignore-init-changes): ${c.name}: ${c.why}`),
        ...(layoutWarnings.get(g.step.name) ?? []),
        ...g.source.notes,
        ...payload.notes,
      ],
    };
  });
}

function cumulativeName(patches: readonly PatchFile[]): string {
  return patches.length === 1
    ? patches[0]!.name
    : `${patches[patches.length - 1]!.name}-cumulative`.slice(0, XEN_LIVEPATCH_NAME_SIZE - 1);
}

/**
 * Every compiled object of the tree's hypervisor, by its path in the tree (`xen/...`):
 * the name reports and refusals give it.
 */
async function objectContents(tree: string): Promise<Map<string, Buffer>> {
  const xen = join(tree, "xen");
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(xen, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".o") || AGGREGATES.has(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(tree, path), await readFile(path));
  }
  return found;
}

async function rebuild(
  tree: string,
  patches: readonly PatchFile[],
  make: Awaited<ReturnType<typeof xenRebuildInvocation>>,
  log: (line: string) => Promise<void>,
  logFile?: string,
) {
  // Only the objects the patch reaches, when the build's records tell which (targets.ts).
  const plan = await planRebuild(
    tree,
    patches.flatMap((p) => p.files.map((f) => f.path)),
  );
  // Xen's single-object goals each run a sub-make of their own, and two of them at once can
  // both regenerate a shared input (arch/x86/asm-macros.i: "fixdep: error opening file"),
  // so several objects are made one after the other.
  const args =
    plan.kind === "objects"
      ? [
          ...make.args.map((a) => (plan.objects.length > 1 && /^-j\d*$/.test(a) ? "-j1" : a)),
          ...plan.objects,
        ]
      : make.args;
  await log(
    plan.kind === "objects"
      ? `making ${plan.objects.length} object(s): ${plan.objects.join(", ")}`
      : `making the whole hypervisor: ${plan.reason}`,
  );
  try {
    await runCommand(make.cmd, args, {
      cwd: tree,
      env: { ...make.env, MAKEFLAGS: undefined, MAKELEVEL: undefined },
      ...(logFile ? { logFile } : {}),
    });
  } catch (err) {
    if (!(err instanceof CommandError)) throw err;
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

/** The objects the rebuild changed, each compared with its version before the patch. */
function changedObjects(
  before: ReadonlyMap<string, Buffer>,
  after: ReadonlyMap<string, Buffer>,
  options: DiffOptions,
): ObjectDiff[] {
  const diffs: ObjectDiff[] = [];
  for (const [path, bytes] of after) {
    const old = before.get(path);
    if (old && old.equals(bytes)) continue;
    // An init-only file is compiled to X.o and renamed into X.init.o: judged as the latter.
    if (after.has(path.replace(/\.o$/, ".init.o"))) continue;
    if (path.endsWith(".init.o")) {
      diffs.push(initOnly(path, bytes, old));
      continue;
    }
    const boot = bootCode(path, bytes);
    if (boot) {
      throw new ConfigurationError(
        "patches",
        `${path} changed, but it is ${boot} (boot code, which runs before the hypervisor a livepatch changes): boot code cannot be livepatched`,
      );
    }
    const patched = new ObjectModel(path, new Uint8Array(bytes));
    const original = new ObjectModel(path, new Uint8Array(old ?? emptyObject()));
    diffs.push(diffObjects(original, patched, options));
  }
  // The .init.o twin of a changed object is reported once, as the object's refusal.
  return diffs.sort((a, b) => a.patched.file.localeCompare(b.patched.file));

  function initOnly(path: string, bytes: Buffer, old: Buffer | undefined): ObjectDiff {
    const model = new ObjectModel(path, new Uint8Array(bytes));
    return {
      ...diffObjects(new ObjectModel(path, new Uint8Array(old ?? bytes)), model),
      changed: [],
      added: [],
      hooks: [],
      refusals: [],
      initChanges: [
        {
          name: path,
          object: path,
          why: "an init-only file (linked as .init), which ran at boot and is gone",
        },
      ],
    };
  }
}

/**
 * Whether a changed object is boot code, and why: x86 boot code is built as 32-bit
 * objects, and from Xen 4.20 `arch/x86/boot/` also holds 64-bit ones (built-in-32.o made
 * by tools/combine_two_binaries.py, reloc-trampoline.o; aa9045e771, db8acf31f9), so the
 * directory is boot code too. `path` is the object's path in the tree (`xen/...`).
 */
export function bootCode(path: string, bytes: Uint8Array): string | undefined {
  if (bytes[4] === ELFCLASS32) return "a 32-bit object";
  if (/(^|\/)xen\/arch\/x86\/boot\//.test(path)) return "an object of xen/arch/x86/boot";
  return undefined;
}

/**
 * What a new object (the patch adds a source file) is compared with: a valid, empty ELF64
 * relocatable for x86-64 (null section, .shstrtab, an empty .symtab and its .strtab), so
 * everything in the new object is new.
 */
function emptyObject(): Buffer {
  const names = "\0.shstrtab\0.symtab\0.strtab\0";
  const shstrtab = { at: 64, size: names.length };
  const symtab = { at: 96, size: 24 }; // the null symbol
  const strtab = { at: 120, size: 1 };
  const shoff = 128;
  const b = Buffer.alloc(shoff + 4 * 64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  b.writeUInt16LE(1, 16); // ET_REL
  b.writeUInt16LE(62, 18); // EM_X86_64
  b.writeUInt32LE(1, 20);
  b.writeBigUInt64LE(BigInt(shoff), 40);
  b.writeUInt16LE(64, 52); // e_ehsize
  b.writeUInt16LE(64, 58); // e_shentsize
  b.writeUInt16LE(4, 60); // e_shnum
  b.writeUInt16LE(1, 62); // e_shstrndx
  b.write(names, shstrtab.at, "latin1");
  const header = (
    i: number,
    name: number,
    type: number,
    at: number,
    size: number,
    link = 0,
    info = 0,
    entsize = 0,
  ) => {
    const h = shoff + i * 64;
    b.writeUInt32LE(name, h);
    b.writeUInt32LE(type, h + 4);
    b.writeBigUInt64LE(BigInt(at), h + 24);
    b.writeBigUInt64LE(BigInt(size), h + 32);
    b.writeUInt32LE(link, h + 40);
    b.writeUInt32LE(info, h + 44);
    b.writeBigUInt64LE(1n, h + 48);
    b.writeBigUInt64LE(BigInt(entsize), h + 56);
  };
  header(1, names.indexOf(".shstrtab"), 3, shstrtab.at, shstrtab.size); // SHT_STRTAB
  header(2, names.indexOf(".symtab"), 2, symtab.at, symtab.size, 3, 1, 24); // SHT_SYMTAB
  header(3, names.indexOf(".strtab"), 3, strtab.at, strtab.size);
  return b;
}
