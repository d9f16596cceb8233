/**
 * The link of a payload, shared by the two ways its objects are made (Xen's kbuild in a
 * copy of the tree for hand-written sources, sources.ts; directly for the patch builder's
 * generated assembly, direct.ts): complete the `.livepatch.funcs` entries of the combined
 * object, then link it with the build-id notes and `.modinfo` the way
 * xen/test/livepatch/Makefile links Xen's test payloads, and check what was linked.
 */
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { NT_GNU_BUILD_ID } from "../elf/constants.js";
import { Payload } from "../livepatch/payload.js";
import type { BuildIdNote } from "../livepatch/notes.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { XenSourceIdentity } from "../source/types.js";
import { SECTION } from "../xen/abi.js";
import { ConfigurationError } from "../util/errors.js";
import { canonicalJson } from "../util/json.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { type ExpectationsMode, completeFuncs } from "./complete-funcs.js";

export type StackMode = "stacked" | "independent";

/** What the link of every payload of a set takes. */
export interface LinkOptions {
  /** Where the base's source came from; recorded in every payload's `.modinfo`. */
  source: XenSourceIdentity;
  /** `stacked`: each payload depends on the one before (the first on the base). */
  stackMode: StackMode;
  expectations: ExpectationsMode;
  /** Extra `.modinfo` entries (e.g. the workflow run URL). */
  metadata?: Readonly<Record<string, string>>;
  /** The `version` entry of `.modinfo`; "1" unless given. */
  version?: string;
  outDir: string;
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

export interface SourceFile {
  /** Relative to the payload directory, `/`-separated. */
  path: string;
  content: Uint8Array;
}

/** One payload's sources, as read from its directory. */
export interface PayloadDir {
  name: string;
  sourceDir: string;
  files: SourceFile[];
  objects: string[];
  digest: string;
  /** The payload's directory inside the work copy, relative to its `xen/`. */
  rel: string;
}

/** Generated files in a payload's directory start with this; sources must not. */
export const GENERATED_PREFIX = "xlci-";
export const COMBINED_OBJECT = `${GENERATED_PREFIX}objects.o`;
export const PAYLOAD_OBJECT = `${GENERATED_PREFIX}payload.o`;
export const NOTE_FILES = {
  depends: `${GENERATED_PREFIX}depends`,
  xenDepends: `${GENERATED_PREFIX}xen-depends`,
  modinfo: `${GENERATED_PREFIX}modinfo`,
} as const;

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

/** How one payload directory's objects are found and linked. */
export interface PayloadLinker {
  /** The directory holding `dir`'s COMBINED_OBJECT, where its link inputs go. */
  objDir(dir: PayloadDir): string;
  /** Links `objDir`'s PAYLOAD_OBJECT and NOTE_FILES objects into `<objDir>/<name>.livepatch`. */
  link(objDir: string, dir: PayloadDir): Promise<void>;
}

/**
 * Completes and links every payload, in stack order, into `opts.outDir`; `notes(dir)` are
 * the builder's notes put first in the payload's. Returns the payloads as linked.
 */
export async function linkPayloads(
  dirs: readonly PayloadDir[],
  opts: LinkOptions,
  ctx: {
    xen: XenSyms;
    linker: PayloadLinker;
    notes: (dir: PayloadDir) => string[];
    log: (line: string) => Promise<void>;
  },
): Promise<SourcePayload[]> {
  const { xen, log } = ctx;
  const xenBuildId = xen.buildId!;
  const results: SourcePayload[] = [];
  const patchedEarlier = new Map<string, string>(); // old function address -> payload
  for (const dir of dirs) {
    const objDir = ctx.linker.objDir(dir);
    const depends =
      opts.stackMode === "stacked" && results.length > 0
        ? results[results.length - 1]!.buildId
        : xenBuildId;

    const combined = await readFile(join(objDir, COMBINED_OBJECT));
    const completed = completeFuncs(new Uint8Array(combined), {
      payload: dir.name,
      file: join(objDir, COMBINED_OBJECT),
      xen,
      expectations: opts.expectations,
      patchedEarlier: opts.stackMode === "stacked" ? patchedEarlier : new Map(),
    });
    await writeFile(join(objDir, PAYLOAD_OBJECT), completed.bytes);

    await writeLinkInputs(objDir, dir, opts, depends, xenBuildId);
    await ctx.linker.link(objDir, dir);

    const file = join(opts.outDir, `${dir.name}.livepatch`);
    await copyFile(join(objDir, `${dir.name}.livepatch`), file);
    const id = await checkLinked(file, depends, xenBuildId);
    for (const address of completed.oldAddresses) patchedEarlier.set(address, dir.name);
    results.push({
      name: dir.name,
      file,
      sourceDir: dir.sourceDir,
      buildId: id,
      depends,
      sourceDigest: dir.digest,
      notes: [...ctx.notes(dir), ...completed.notes],
    });
    await log(`payload ${dir.name}: ${file} build-id ${id} depends ${depends}`);
  }
  return results;
}

/** The build-id notes and `.modinfo` the final link of `dir` takes, in its object dir. */
async function writeLinkInputs(
  objDir: string,
  dir: PayloadDir,
  opts: LinkOptions,
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
