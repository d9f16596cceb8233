/**
 * The recompiled objects of a rebuild: every compiled object of the tree's hypervisor,
 * and those a rebuild changed, each as its two versions (the base's and the patched).
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { ChangeFailure } from "../util/errors.js";
import { ObjectModel } from "./object-model.js";
import { bootCodeRefusal } from "./patchability.js";

/** Objects that are links of others, not compiled from a source file. */
const AGGREGATES = new Set(["built_in.o", "prelink.o"]);

/** One object the rebuild changed, with the version it is compared with. */
export interface RecompiledObject {
  /** The base's version (an empty object for a new file; itself for a new init-only file). */
  original: ObjectModel;
  patched: ObjectModel;
  /** An init-only file (compiled to X.o, renamed X.init.o): judged as a whole. */
  initOnly: boolean;
}

/**
 * When each compiled object of the tree's hypervisor was last written (`mtime:size`), by
 * its path in the tree (`xen/...`): the name reports and refusals give it. A rebuild's
 * objects are those whose stamp it changed; only they are read (rebuiltObjects).
 */
export async function objectStamps(tree: string): Promise<Map<string, string>> {
  const xen = join(tree, "xen");
  const stamps = new Map<string, string>();
  for (const entry of await readdir(xen, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".o") || AGGREGATES.has(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    stamps.set(relative(tree, path), `${info.mtimeMs}:${info.size}`);
  }
  return stamps;
}

/**
 * The objects a rebuild wrote (their stamps changed from `was` to `now`, or are new), for
 * recompiledObjects: `after` their bytes now, `before` their bytes before it, from
 * `earlier` (what an earlier step of a stack left) or else the base's tree (new objects
 * have none).
 */
export async function rebuiltObjects(
  tree: string,
  baseTree: string,
  was: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
  earlier: ReadonlyMap<string, Buffer>,
): Promise<{ before: Map<string, Buffer>; after: Map<string, Buffer> }> {
  const before = new Map<string, Buffer>();
  const after = new Map<string, Buffer>();
  for (const [path, stamp] of now) {
    if (was.get(path) === stamp) continue;
    after.set(path, await readFile(join(tree, path)));
    const old = earlier.get(path) ?? (await readFile(join(baseTree, path)).catch(() => undefined));
    if (old) before.set(path, old);
  }
  return { before, after };
}

/**
 * The objects the rebuild changed, sorted by path. Throws a ConfigurationError when one
 * is boot code, which no livepatch reaches (patchability.ts bootCodeRefusal decides).
 */
export function recompiledObjects(
  before: ReadonlyMap<string, Buffer>,
  after: ReadonlyMap<string, Buffer>,
): RecompiledObject[] {
  const found: RecompiledObject[] = [];
  for (const [path, bytes] of after) {
    const old = before.get(path);
    if (old && old.equals(bytes)) continue;
    // An init-only file is compiled to X.o and renamed into X.init.o: judged as the latter.
    // (The .init.o twin of a changed object is reported once, as the object's refusal.)
    if (after.has(path.replace(/\.o$/, ".init.o"))) continue;
    const initOnly = path.endsWith(".init.o");
    const boot = initOnly ? undefined : bootCodeRefusal(path, bytes);
    if (boot) throw new ChangeFailure("patches", boot);
    const patched = new ObjectModel(path, new Uint8Array(bytes));
    const original = new ObjectModel(
      path,
      new Uint8Array(old ?? (initOnly ? bytes : emptyObject())),
    );
    found.push({ original, patched, initOnly });
  }
  return found.sort((a, b) => a.patched.file.localeCompare(b.patched.file));
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
