/**
 * Payloads from hand-written C and assembly sources, one payload per directory, built the
 * way Xen builds its own test payloads (xen/test/livepatch/Makefile): compiled by Xen's
 * kbuild with the hypervisor's flags, linked `ld -r --build-id` together with objects that
 * hold the `.livepatch.depends` and `.livepatch.xen_depends` build-id notes and `.modinfo`.
 *
 * The kbuild runs in a private copy of the base tree's hypervisor part, so the cached base
 * is never written to; xen-syms is compared before and after to prove nothing was rebuilt.
 *
 * Between compiling and the final link the builder completes the `.livepatch.funcs`
 * entries of the combined object: a zero old_size or new_size is filled in from the
 * base's xen-syms and the replacement's symbol, and with `expectations: "auto"` each
 * entry expects the old function's first bytes. The final link comes after, so the
 * payload's build-id covers the entries and the metadata.
 */
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { basename, isAbsolute, join, relative, resolve, sep } from "node:path";
import { NT_GNU_BUILD_ID } from "../elf/constants.js";
import { pinChangeset } from "../base/build-values.js";
import { type XenBase, xenMakeFor } from "../base/xen.js";
import { Payload } from "../livepatch/payload.js";
import type { BuildIdNote } from "../livepatch/notes.js";
import { SECTION, XEN_LIVEPATCH_NAME_SIZE } from "../xen/abi.js";
import { XenSyms } from "../livepatch/xen-syms.js";
import { hasChange } from "../xen/version.js";
import { ASSEMBLY_MACRO_DROPPED } from "../xen/changes.js";
import { type CompilerDiagnostic, parseCompilerDiagnostics } from "../report/compiler.js";
import type { XenSourceIdentity } from "../source/types.js";
import { ConfigurationError } from "../util/errors.js";
import { CommandError, runCommand } from "../util/exec.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { canonicalJson } from "../util/json.js";
import { sha256File } from "../util/fs.js";

import { type ExpectationsMode, completeFuncs } from "./complete-funcs.js";

export {
  type ExpectationsMode,
  completeFuncs,
  expectationByte,
  expectationField,
} from "./complete-funcs.js";

export type StackMode = "stacked" | "independent";

export interface BuildSourcePayloadsOptions {
  base: XenBase;
  /** Where the base's source came from; recorded in every payload's `.modinfo`. */
  source: XenSourceIdentity;
  /** One payload per directory, in stack order. */
  sourceDirs: readonly string[];
  /** `stacked`: each payload depends on the one before (the first on the base). */
  stackMode: StackMode;
  expectations: ExpectationsMode;
  /** Extra `.modinfo` entries (e.g. the workflow run URL). */
  metadata?: Readonly<Record<string, string>>;
  /** The `version` entry of `.modinfo`; "1" unless given. */
  version?: string;
  outDir: string;
  logFile?: string;
  jobs?: number;
}

export interface SourcePayload {
  /** The upload name: the directory's name, sanitised. */
  name: string;
  /** `<outDir>/<name>.livepatch` */
  file: string;
  sourceDir: string;
  buildId: string;
  /** The build-id in `.livepatch.depends`: the base's, or the previous payload's. */
  depends: string;
  /** sha256 of the directory's files (see sourceDigest). */
  sourceDigest: string;
  /** What the builder wrote into `.livepatch.funcs`, and what it left alone and why. */
  notes: string[];
}

/** The input a compile failure is reported against. */
const INPUT = "payload-sources";
/** Where the payload directories go inside the copy's `xen/` (it names local symbols' files). */
const SCRATCH = "livepatch-ci";
/** Generated files in a payload's directory start with this; sources must not. */
const GENERATED_PREFIX = "xlci-";
const COMBINED_OBJECT = `${GENERATED_PREFIX}objects.o`;
const PAYLOAD_OBJECT = `${GENERATED_PREFIX}payload.o`;
const NOTE_FILES = {
  depends: `${GENERATED_PREFIX}depends`,
  xenDepends: `${GENERATED_PREFIX}xen-depends`,
  modinfo: `${GENERATED_PREFIX}modinfo`,
} as const;

// ---------------------------------------------------------------------------------------
// Pure pieces

/** The payload name for a directory: its base name with other than [A-Za-z0-9_-] as `_`. */
export function payloadName(dir: string): string {
  const name = basename(resolve(dir))
    .replace(/[^A-Za-z0-9_-]/g, "_")
    .slice(0, XEN_LIVEPATCH_NAME_SIZE - 1);
  if (!/[A-Za-z0-9]/.test(name)) {
    throw new ConfigurationError(INPUT, `${dir}: the directory name gives no usable payload name`);
  }
  return name;
}

/** A GNU build-id ELF note (the format of `.note.gnu.build-id` and Xen's depends sections). */
export function gnuBuildIdNote(buildIdHex: string): Uint8Array {
  if (!/^(?:[0-9a-f]{2})+$/i.test(buildIdHex)) {
    throw new Error(`not a build-id: ${JSON.stringify(buildIdHex)}`);
  }
  const desc = Buffer.from(buildIdHex, "hex");
  const name = Buffer.from("GNU\0", "latin1");
  const note = Buffer.alloc(12 + name.length + align4(desc.length));
  note.writeUInt32LE(name.length, 0);
  note.writeUInt32LE(desc.length, 4);
  note.writeUInt32LE(NT_GNU_BUILD_ID, 8);
  name.copy(note, 12);
  desc.copy(note, 12 + name.length);
  return new Uint8Array(note);
}

const align4 = (n: number) => (n + 3) & ~3;

/** The `.modinfo` entries of a source payload, in order: the standard ones, then `metadata`. */
export function modinfoEntries(info: {
  name: string;
  version: string;
  source: XenSourceIdentity;
  sourceDigest: string;
  metadata?: Readonly<Record<string, string>>;
}): Array<[string, string]> {
  const entries: Array<[string, string]> = [
    ["name", info.name],
    ["version", info.version],
    ["source", canonicalJson(info.source)],
    ["source-digest", info.sourceDigest],
    ["builder", `${TOOL_NAME} ${TOOL_VERSION}`],
  ];
  const standard = new Set(entries.map(([key]) => key));
  // Sorted, so the bytes (and the build-id) do not depend on how the record was assembled.
  for (const key of Object.keys(info.metadata ?? {}).sort()) {
    if (standard.has(key)) {
      throw new ConfigurationError("metadata", `${key} is set by the builder and cannot be given`);
    }
    entries.push([key, info.metadata![key]!]);
  }
  return entries;
}

/** `.modinfo` bytes: `key=value\0` strings, the format Xen prints on apply. */
export function modinfoBytes(entries: ReadonlyArray<readonly [string, string]>): Uint8Array {
  const parts: Buffer[] = [];
  for (const [key, value] of entries) {
    if (!/^[A-Za-z0-9_.-]+$/.test(key)) {
      throw new ConfigurationError("metadata", `key ${JSON.stringify(key)}: use [A-Za-z0-9_.-]`);
    }
    // Xen prints the strings one a line: a NUL would cut the entry, a newline forge one.
    if (/[\0\n\r]/.test(value)) {
      throw new ConfigurationError(
        "metadata",
        `${key}: the value must not contain NUL or line breaks`,
      );
    }
    parts.push(Buffer.from(`${key}=${value}\0`, "utf8"));
  }
  return new Uint8Array(Buffer.concat(parts));
}

export interface SourceFile {
  /** Relative to the payload directory, `/`-separated. */
  path: string;
  content: Uint8Array;
}

/** sha256 (hex) over the files sorted by path, each framed as `path\0size\0content`. */
export function sourceDigest(files: readonly SourceFile[]): string {
  const hash = createHash("sha256");
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`${f.path}\0${f.content.length}\0`);
    hash.update(f.content);
  }
  return hash.digest("hex");
}

/**
 * The kbuild Makefile for one payload directory. The default stage compiles the sources
 * and combines them into one object (the builder then completes its function entries);
 * `XLCI_STAGE=link` makes the note and metadata objects and links the payload with Xen's
 * own command (test/livepatch's cmd_livepatch).
 */
export function payloadMakefile(name: string, objects: readonly string[]): string {
  const generated = [COMBINED_OBJECT, ...Object.values(NOTE_FILES).map((n) => `${n}.o`)];
  return `# Generated by ${TOOL_NAME}: payload ${name}, built by Xen's kbuild the way
# xen/test/livepatch/Makefile builds Xen's test payloads.
xlci-objs := ${objects.join(" ")}

ifeq ($(XLCI_STAGE),link)
extra-y := ${name}.livepatch
else
extra-y := $(xlci-objs) ${COMBINED_OBJECT}
endif
targets += ${generated.join(" ")}

# The sources in one relocatable object, whose function entries ${TOOL_NAME} completes.
$(obj)/${COMBINED_OBJECT}: $(addprefix $(obj)/,$(xlci-objs)) FORCE
\t$(call if_changed,ld)

# A section made from a file of bytes, as test/livepatch makes its notes and .modinfo.
quiet_cmd_xlci_section = OBJCOPY $@
cmd_xlci_section = $(OBJCOPY) -I binary -O elf64-x86-64 -B i386:x86-64 \\
\t--rename-section=.data=$(xlci-section),alloc,load,readonly,data,contents -S $< $@

$(obj)/${NOTE_FILES.depends}.o: xlci-section := ${SECTION.depends}
$(obj)/${NOTE_FILES.xenDepends}.o: xlci-section := ${SECTION.xenDepends}
$(obj)/${NOTE_FILES.modinfo}.o: xlci-section := ${SECTION.modinfo}
${Object.values(NOTE_FILES)
  .map((n) => `$(obj)/${n}.o`)
  .join(" ")}: $(obj)/%.o: $(obj)/%.bin FORCE
\t$(call if_changed,xlci_section)

quiet_cmd_xlci_livepatch = LD      $@
cmd_xlci_livepatch = $(LD) $(XEN_LDFLAGS) $(build_id_linker) -r -o $@ $(real-prereqs)

$(obj)/${name}.livepatch: $(obj)/${PAYLOAD_OBJECT} ${Object.values(NOTE_FILES)
    .map((n) => `$(obj)/${n}.o`)
    .join(" ")} FORCE
\t$(call if_changed,xlci_livepatch)
`;
}

/**
 * The compiler's diagnostics in make's output of the payload build (see
 * parseCompilerDiagnostics), with the paths in the work copy turned back into the user's:
 * `dirs` maps each payload's directory in the copy (relative to its `xen/`, where make
 * runs) to the user's directory; other files are Xen's, named from the tree's root.
 */
export function payloadCompileDiagnostics(
  output: string,
  dirs: ReadonlyArray<{ rel: string; sourceDir: string }>,
): CompilerDiagnostic[] {
  return parseCompilerDiagnostics(output).map((d) => {
    const file = d.file.replace(/^\.\//, "");
    const dir = dirs.find((x) => file.startsWith(`${x.rel}/`));
    const mapped = dir
      ? join(dir.sourceDir, file.slice(dir.rel.length + 1))
      : isAbsolute(file)
        ? file
        : `xen/${file}`;
    return { ...d, file: mapped };
  });
}

export const formatDiagnostic = (d: CompilerDiagnostic): string =>
  `${d.file}:${d.line}:${d.column !== undefined ? `${d.column}:` : ""} ${d.severity}: ${d.message}`;

/** Payload sources that do not compile; `diagnostics` locate the errors in the user's files. */
export class PayloadCompileError extends ConfigurationError {
  override name = "PayloadCompileError";
  constructor(
    readonly diagnostics: CompilerDiagnostic[],
    message: string,
    options?: ErrorOptions & { input?: string },
  ) {
    super(options?.input ?? INPUT, message, options);
  }
}

// ---------------------------------------------------------------------------------------
// The build

interface PayloadDir {
  name: string;
  sourceDir: string;
  files: SourceFile[];
  objects: string[];
  digest: string;
  /** The payload's directory inside the work copy, relative to its `xen/`. */
  rel: string;
}

/**
 * Builds one payload per source directory against the base, in order, into `outDir`.
 * Compile errors throw a PayloadCompileError naming the user's files and lines.
 */
export async function buildSourcePayloads(
  opts: BuildSourcePayloadsOptions,
): Promise<SourcePayload[]> {
  if (opts.sourceDirs.length === 0) return [];
  const started = Date.now();
  const logFile = opts.logFile && resolve(opts.logFile);
  const log = async (line: string) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (logFile) await writeFile(logFile, `# [${seconds} s] ${line}\n`, { flag: "a" });
  };
  const dirs = await readPayloadDirs(opts.sourceDirs);
  const assemblyMacroUses = hasChange(opts.base.xenVersion, ASSEMBLY_MACRO_DROPPED)
    ? usesOfAssemblyMacro(dirs)
    : [];
  const xen = await XenSyms.load(opts.base.xenSyms);
  if (!xen.buildId) throw new Error(`${opts.base.xenSyms} has no build-id note`);
  const baseSymsDigest = await sha256File(opts.base.xenSyms);

  const outDir = resolve(opts.outDir);
  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(join(tmpdir(), "xlci-payloads-"));
  try {
    await log(`payload sources: copying the base's hypervisor tree to ${work}`);
    await copyHypervisorTree(opts.base.tree, work, logFile);
    const xenDir = join(work, "xen");
    await log("payload sources: copied");
    await writePayloadDirs(xenDir, dirs);

    // As the base was built (the distribution's compiler and flags), in this copy.
    const base = xenMakeFor(opts.base, work);
    const make = (goals: string[], extra: string[] = []) =>
      runCommand(
        "make",
        [
          "-C",
          xenDir,
          `-j${opts.jobs ?? availableParallelism()}`,
          ...base.args,
          ...extra,
          ...goals,
        ],
        // Make run inside another make would inherit its jobserver and flags.
        { env: { ...base.env, MAKEFLAGS: undefined, MAKELEVEL: undefined }, logFile },
      );

    // Compile every directory at once; -k reports the errors of all of them.
    try {
      await make(
        dirs.map((d) => `${d.rel}/`),
        ["-k"],
      );
    } catch (err) {
      if (!(err instanceof CommandError)) throw err;
      throw compileError(err, dirs, assemblyMacroUses);
    }
    await log(`payload sources: compiled ${dirs.length} director(ies)`);

    const results: SourcePayload[] = [];
    const patchedEarlier = new Map<string, string>(); // old function address -> payload
    for (const dir of dirs) {
      const objDir = join(xenDir, dir.rel);
      const depends =
        opts.stackMode === "stacked" && results.length > 0
          ? results[results.length - 1]!.buildId
          : xen.buildId;

      const combined = await readFile(join(objDir, COMBINED_OBJECT));
      const completed = completeFuncs(new Uint8Array(combined), {
        payload: dir.name,
        file: join(objDir, COMBINED_OBJECT),
        xen,
        expectations: opts.expectations,
        patchedEarlier: opts.stackMode === "stacked" ? patchedEarlier : new Map(),
      });
      await writeFile(join(objDir, PAYLOAD_OBJECT), completed.bytes);

      await writeLinkInputs(objDir, dir, opts, depends, xen.buildId);
      await make([`${dir.rel}/`], ["XLCI_STAGE=link"]);

      const file = join(outDir, `${dir.name}.livepatch`);
      await copyFile(join(objDir, `${dir.name}.livepatch`), file);
      const id = await checkLinked(file, depends, xen.buildId);
      for (const address of completed.oldAddresses) patchedEarlier.set(address, dir.name);
      results.push({
        name: dir.name,
        file,
        sourceDir: dir.sourceDir,
        buildId: id,
        depends,
        sourceDigest: dir.digest,
        notes: [
          ...assemblyMacroUses
            .filter((use) => use.payload === dir.name)
            .map((use) => assemblyMacroNote(use.file, opts.base.xenVersion.text)),
          ...completed.notes,
        ],
      });
      await log(`payload ${dir.name}: ${file} build-id ${id} depends ${depends}`);
    }

    // Nothing above may have rebuilt the hypervisor: not in the cache, not in the copy
    // (a rebuilt copy would mean the payloads were compiled against something else).
    for (const syms of [opts.base.xenSyms, join(xenDir, "xen-syms")]) {
      if ((await sha256File(syms)) !== baseSymsDigest) {
        throw new Error(
          `${syms} changed while building payloads: the base tree was out of date, so the payloads may not match it`,
        );
      }
    }
    await log(`payload sources: ${results.length} payload(s) built`);
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Each payload directory's sources and its Makefile, in the copy of the tree. */
async function writePayloadDirs(xenDir: string, dirs: readonly PayloadDir[]): Promise<void> {
  for (const dir of dirs) {
    const target = join(xenDir, dir.rel);
    for (const file of dir.files) {
      const path = join(target, ...file.path.split("/"));
      await mkdir(join(path, ".."), { recursive: true });
      await writeFile(path, file.content);
    }
    await writeFile(join(target, "Makefile"), payloadMakefile(dir.name, dir.objects));
  }
}

/** The build-id notes and `.modinfo` the final link of `dir` takes, in its object dir. */
async function writeLinkInputs(
  objDir: string,
  dir: PayloadDir,
  opts: BuildSourcePayloadsOptions,
  depends: string,
  xenBuildId: string,
): Promise<void> {
  const modinfo = modinfoBytes(
    modinfoEntries({
      name: dir.name,
      version: opts.version ?? "1",
      source: opts.source,
      sourceDigest: dir.digest,
      ...(opts.metadata ? { metadata: opts.metadata } : {}),
    }),
  );
  await writeFile(join(objDir, `${NOTE_FILES.depends}.bin`), gnuBuildIdNote(depends));
  await writeFile(join(objDir, `${NOTE_FILES.xenDepends}.bin`), gnuBuildIdNote(xenBuildId));
  await writeFile(join(objDir, `${NOTE_FILES.modinfo}.bin`), modinfo);
}

/**
 * The linked payload's build-id, after checking its notes are the ones linked in.
 *
 * @throws Error naming the file when a note is missing or differs.
 */
async function checkLinked(file: string, depends: string, xenBuildId: string): Promise<string> {
  const payload = await Payload.load(file);
  const check = (what: string, note: BuildIdNote, expected?: string) => {
    if (note.status !== "ok" || (expected !== undefined && note.id !== expected)) {
      throw new Error(`${file}: ${what} is not what was linked in (${JSON.stringify(note)})`);
    }
    return note.id;
  };
  const id = check("the build-id", payload.buildId);
  check(SECTION.depends, payload.depends, depends);
  check(SECTION.xenDepends, payload.xenDepends, xenBuildId);
  return id;
}

async function readPayloadDirs(sourceDirs: readonly string[]): Promise<PayloadDir[]> {
  const dirs: PayloadDir[] = [];
  const byName = new Map<string, string>();
  for (const given of sourceDirs) {
    const sourceDir = resolve(given);
    const name = payloadName(sourceDir);
    const clash = byName.get(name);
    if (clash) {
      throw new ConfigurationError(
        INPUT,
        `${clash} and ${sourceDir} both give the payload name ${name}`,
      );
    }
    byName.set(name, sourceDir);
    const files = await readSourceFiles(sourceDir);
    const objects: string[] = [];
    for (const { path } of files) {
      if (path.includes("/")) continue;
      // kbuild reads build.mk before Makefile; the builder writes both kinds of file.
      if (["Makefile", "build.mk", "Kbuild"].includes(path) || path.startsWith(GENERATED_PREFIX)) {
        throw new ConfigurationError(
          INPUT,
          `${join(sourceDir, path)}: the builder generates the build files (Makefile, ${GENERATED_PREFIX}*); remove or rename it`,
        );
      }
      if (!/\.[cS]$/.test(path)) continue;
      // Make and kbuild take the names unquoted; generated files must stay distinct.
      if (!/^[A-Za-z0-9_][A-Za-z0-9_.+-]*$/.test(path)) {
        throw new ConfigurationError(
          INPUT,
          `${join(sourceDir, path)}: source names must match [A-Za-z0-9_][A-Za-z0-9_.+-]*`,
        );
      }
      const object = path.replace(/\.[cS]$/, ".o");
      if (objects.includes(object)) {
        throw new ConfigurationError(
          INPUT,
          `${sourceDir}: more than one source compiles to ${object}`,
        );
      }
      objects.push(object);
    }
    if (objects.length === 0) {
      throw new ConfigurationError(INPUT, `${sourceDir} has no .c or .S file`);
    }
    dirs.push({
      name,
      sourceDir,
      files,
      objects: objects.sort(),
      digest: sourceDigest(files),
      rel: `${SCRATCH}/${name}`,
    });
  }
  return dirs;
}

/** Every regular file under `dir` (following links to files), sorted by path. */
async function readSourceFiles(dir: string): Promise<SourceFile[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (err) {
    throw new ConfigurationError(
      INPUT,
      `${dir}: cannot read the directory: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const full = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) continue;
    const isFile = entry.isFile() || (entry.isSymbolicLink() && (await stat(full)).isFile());
    if (!isFile) {
      throw new ConfigurationError(INPUT, `${full} is not a regular file or directory`);
    }
    files.push({
      path: relative(dir, full).split(sep).join("/"),
      content: new Uint8Array(await readFile(full)),
    });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Copies what the hypervisor build reads (`xen/`, `config/`, the top-level files such as
 * Config.mk), keeping times so make sees the copy as up to date.
 *
 * The copy reports the base's changeset: Xen asks `xen/tools/scmversion` for it on every
 * build (xen/build.mk, compile.h), and the copy has no `.git` (and once patched would be
 * "-dirty"), so it would embed another string and every object using compile.h (version.c,
 * the EFI boot code) would differ from the base's.
 */
export async function copyHypervisorTree(
  tree: string,
  work: string,
  logFile?: string,
): Promise<void> {
  const entries = await readdir(tree, { withFileTypes: true });
  const parts = entries
    .filter((e) => e.isFile() || (e.isDirectory() && (e.name === "xen" || e.name === "config")))
    .map((e) => join(tree, e.name));
  await runCommand("cp", ["-a", ...parts, work], logFile ? { logFile } : {});
  const compileH = await readFile(join(tree, "xen", "include", "xen", "compile.h"), "utf8").catch(
    () => "",
  );
  const changeset = /^#define XEN_CHANGESET\s+"(.*)"$/m.exec(compileH)?.[1];
  if (changeset !== undefined) await pinChangeset(work, changeset);
}

/** The payload files that test `__ASSEMBLY__`, which Xen 4.22 no longer defines. */
function usesOfAssemblyMacro(dirs: readonly PayloadDir[]): { payload: string; file: string }[] {
  return dirs.flatMap((dir) =>
    dir.files
      .filter((file) => /\b__ASSEMBLY__\b/.test(Buffer.from(file.content).toString("utf8")))
      .map((file) => ({ payload: dir.name, file: join(dir.sourceDir, file.path) })),
  );
}

function assemblyMacroNote(file: string, xenVersion: string): string {
  return `${file} tests __ASSEMBLY__, which Xen ${xenVersion} no longer defines for assembly (${ASSEMBLY_MACRO_DROPPED.commit}): test __ASSEMBLER__, which the compiler defines for every Xen version`;
}

function compileError(
  err: CommandError,
  dirs: readonly PayloadDir[],
  assemblyMacroUses: readonly { file: string }[] = [],
): PayloadCompileError {
  const diagnostics = payloadCompileDiagnostics(`${err.stderr}\n${err.stdout}`, dirs);
  const hints = assemblyMacroUses.map((use) => `\nhint: ${assemblyMacroNote(use.file, "4.22+")}`);
  const detail =
    (diagnostics.length > 0
      ? diagnostics.map(formatDiagnostic).join("\n")
      : err.message.split("\n").slice(1).join("\n")) + hints.join("");
  const log = err.logFile ? `\n(full log: ${err.logFile})` : "";
  return new PayloadCompileError(
    diagnostics,
    `the payload sources do not compile against the base:\n${detail}${log}`,
    { cause: err },
  );
}
