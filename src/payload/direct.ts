/**
 * The patch builder's payloads assembled and linked directly, without a copy of the tree
 * or a kbuild run: its generated sources are assembly with no includes, so they are
 * assembled with the command Xen's kbuild ran for the base's own assembly, read from the
 * base's build record (`xen/arch/x86/x86_64/.entry.o.cmd`, the `cmd_<object> := ...` line
 * Rules.mk's if_changed writes), and combined and linked with the linker and flags of the
 * base's `xen/common/.built_in.o.cmd` (cmd_ld: `$(LD) $(XEN_LDFLAGS) -r`). That is what the
 * payload Makefile (sources.ts payloadMakefile) runs, so the payloads are the same; where
 * the records are missing or not understood, the kbuild build (buildSourcePayloads) runs.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { xenMakeFor } from "../base/xen.js";
import { XenSyms } from "../livepatch/xen-syms.js";
import { SECTION } from "../xen/abi.js";
import { CommandError, runCommand } from "../util/exec.js";
import {
  COMBINED_OBJECT,
  NOTE_FILES,
  PAYLOAD_OBJECT,
  type PayloadDir,
  linkPayloads,
} from "./link.js";
import {
  type BuildSourcePayloadsOptions,
  type SourcePayload,
  buildSourcePayloads,
  compileError,
  readPayloadDirs,
} from "./sources.js";

/** The base's assembler command and linker, as its build records give them. */
export interface BaseToolchain {
  /** The compiler and its flags for a `.S` file, without dependency, label, input or output. */
  assemble: string[];
  /** The linker and XEN_LDFLAGS, before `-r`. */
  ld: string[];
  objcopy: string;
}

const ASSEMBLY_RECORD = "arch/x86/x86_64/.entry.o.cmd";
const LINK_RECORD = "common/.built_in.o.cmd";

/**
 * Builds one payload per generated source directory (assembly only) against the base, as
 * buildSourcePayloads does, into `outDir`; the base's tree is only read.
 */
export async function buildGeneratedPayloads(
  opts: BuildSourcePayloadsOptions,
): Promise<SourcePayload[]> {
  if (opts.sourceDirs.length === 0) return [];
  const xenDir = join(opts.base.tree, "xen");
  const tools = await baseToolchain(xenDir);
  const dirs = await readPayloadDirs(opts.sourceDirs);
  if (!tools || dirs.some((d) => d.files.some((f) => /\.c$/.test(f.path)))) {
    return buildSourcePayloads(opts);
  }
  const logFile = opts.logFile && resolve(opts.logFile);
  const started = Date.now();
  const log = async (line: string) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (logFile) await writeFile(logFile, `# [${seconds} s] ${line}\n`, { flag: "a" });
  };
  const xen = await XenSyms.load(opts.base.xenSyms);
  if (!xen.buildId) throw new Error(`${opts.base.xenSyms} has no build-id note`);
  await mkdir(resolve(opts.outDir), { recursive: true });
  const work = await mkdtemp(join(tmpdir(), "xlci-payloads-"));
  // Run where the base was built (the records' paths are relative to its xen/), with its
  // environment; nothing is written there.
  const run = (cmd: string, args: string[]) =>
    runCommand(cmd, args, {
      cwd: xenDir,
      env: xenMakeFor(opts.base, opts.base.tree).env,
      ...(logFile ? { logFile } : {}),
    });
  try {
    for (const dir of dirs) {
      try {
        await assembleDir(join(work, dir.rel), dir, tools, run);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        throw compileError(err, dirs);
      }
    }
    await log(`payload sources: assembled ${dirs.length} director(ies) directly`);
    const results = await linkPayloads(
      dirs,
      { ...opts, outDir: resolve(opts.outDir) },
      {
        xen,
        linker: {
          objDir: (dir) => join(work, dir.rel),
          link: (objDir, dir) => linkDirect(objDir, dir, tools, run),
        },
        notes: () => [],
        log,
      },
    );
    await log(`payload sources: ${results.length} payload(s) built`);
    return results;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

type Run = (cmd: string, args: string[]) => Promise<unknown>;

/** Writes `dir`'s sources into `objDir`, assembles each and combines them (COMBINED_OBJECT). */
async function assembleDir(objDir: string, dir: PayloadDir, tools: BaseToolchain, run: Run) {
  for (const file of dir.files) {
    const path = join(objDir, ...file.path.split("/"));
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.content);
  }
  const [cc, ...flags] = tools.assemble;
  for (const object of dir.objects) {
    const source = dir.files.find((f) => f.path.replace(/\.[cS]$/, ".o") === object)!.path;
    await run(cc!, [
      ...flags,
      `-D__OBJECT_LABEL__=${dir.rel}/${object}`,
      "-c",
      join(objDir, source),
      "-o",
      join(objDir, object),
    ]);
  }
  const [ld, ...ldflags] = tools.ld;
  await run(ld!, [
    ...ldflags,
    "-r",
    "-o",
    join(objDir, COMBINED_OBJECT),
    ...dir.objects.map((o) => join(objDir, o)),
  ]);
}

/**
 * The payload Makefile's link stage: each note and `.modinfo` file made a section with
 * objcopy, then `ld -r --build-id=sha1` (Xen's build_id_linker; a livepatch-enabled
 * hypervisor has a build-id, so its linker makes them).
 */
async function linkDirect(objDir: string, dir: PayloadDir, tools: BaseToolchain, run: Run) {
  const sections: Record<keyof typeof NOTE_FILES, string> = {
    depends: SECTION.depends,
    xenDepends: SECTION.xenDepends,
    modinfo: SECTION.modinfo,
  };
  const notes: string[] = [];
  for (const [key, file] of Object.entries(NOTE_FILES) as Array<
    [keyof typeof NOTE_FILES, string]
  >) {
    const object = join(objDir, `${file}.o`);
    await run(tools.objcopy, [
      "-I",
      "binary",
      "-O",
      "elf64-x86-64",
      "-B",
      "i386:x86-64",
      `--rename-section=.data=${sections[key]},alloc,load,readonly,data,contents`,
      "-S",
      join(objDir, `${file}.bin`),
      object,
    ]);
    notes.push(object);
  }
  const [ld, ...ldflags] = tools.ld;
  await run(ld!, [
    ...ldflags,
    "--build-id=sha1",
    "-r",
    "-o",
    join(objDir, `${dir.name}.livepatch`),
    join(objDir, PAYLOAD_OBJECT),
    ...notes,
  ]);
}

/**
 * The base's assembler command and linker from its build records (see the module's
 * comment), or undefined when a record is missing or is not a plain command line.
 */
export async function baseToolchain(xenDir: string): Promise<BaseToolchain | undefined> {
  const command = async (record: string) => {
    const text = await readFile(join(xenDir, record), "utf8").catch(() => "");
    const line = /^cmd_\S+ := (.*)$/m.exec(text)?.[1];
    return line === undefined ? undefined : shellWords(line);
  };
  const asm = await command(ASSEMBLY_RECORD);
  const link = await command(LINK_RECORD);
  if (!asm || !link) return undefined;
  const assemble: string[] = [];
  for (let i = 0; i < asm.length; i++) {
    const word = asm[i]!;
    if (["-MF", "-MQ", "-MT", "-c", "-o"].includes(word)) i++;
    else if (!["-MMD", "-MP"].includes(word) && !word.startsWith("-D__OBJECT_LABEL__="))
      assemble.push(word);
  }
  const r = link.indexOf("-r");
  const ld = link[0];
  if (r < 1 || !ld || !/(^|[-/])ld$/.test(ld) || assemble.some((w) => w.startsWith("-Wp,-M")))
    return undefined;
  return {
    assemble,
    ld: link.slice(0, r),
    objcopy: join(dirname(ld), `${basename(ld).slice(0, -2)}objcopy`).replace(/^\.\//, ""),
  };
}

/**
 * The words of a command line as sh splits it, for the plain ones build records hold
 * (words, single and double quotes); undefined for anything else (expansions, operators).
 */
export function shellWords(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === " " || c === "\t") {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      const quoted = line.slice(i + 1, end);
      if (end < 0 || (c === '"' && /[$`\\]/.test(quoted))) return undefined;
      word = (word ?? "") + quoted;
      i = end;
    } else if (/[$`\\;&|<>()*?[\]{}~#]/.test(c)) {
      return undefined;
    } else {
      word = (word ?? "") + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}
