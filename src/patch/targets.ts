/**
 * Which objects a patch makes the hypervisor's build recompile, from the build's own
 * dependency records: Xen's kbuild writes `.NAME.o.cmd` beside every object, holding the
 * source (`source_OBJ := ...`) and every file the compiler read (`deps_OBJ := \ ...`,
 * fixdep's output). The patch builder then makes just those objects
 * (`make -C xen common/timer.o`, Xen's single-object target) instead of the whole
 * hypervisor, whose final link it would redo three times for nothing: the object
 * comparison needs only the recompiled objects.
 */
import { access, readFile, readdir } from "node:fs/promises";
import { dirname, join, posix, relative } from "node:path";

/** What a targeted rebuild makes, or why a full one is needed. */
export type RebuildPlan =
  | { kind: "objects"; objects: string[] }
  /** `asmOffsets`: the reason is a changed input of asm-offsets.h. */
  | { kind: "full"; reason: string; asmOffsets?: boolean };

/**
 * The objects (relative to `xen/`, as make takes them) that depend on `changed` (paths in
 * the tree, `xen/...`), or a full rebuild when the records cannot tell: a file that is not
 * C or assembly (`.S`) source or a header (a Makefile, Kconfig, a new file nothing depends on yet), a header
 * of the generated asm-offsets.h (whose regeneration only the full build does), or an
 * init-only object (made from another object by the full build).
 */
export async function planRebuild(
  tree: string,
  changed: readonly string[],
  /** The patch leaves asm-offsets.h as it is (see asm-offsets.ts): its inputs are headers like others. */
  opts: { asmOffsetsUnchanged?: boolean } = {},
): Promise<RebuildPlan> {
  const xen = join(tree, "xen");
  const inXen = changed.map((p) => p.replace(/^xen\//, ""));
  const other = inXen.find((p) => !/\.(c|h|S)$/.test(p));
  if (other) return { kind: "full", reason: `${other} is not C or assembly source or a header` };

  const asmOffsets = await readFile(join(xen, ".asm-offsets.s.d"), "utf8").catch(() => "");
  const offsetsInput = inXen.find((p) => dependencyWords(asmOffsets).has(p));
  if (offsetsInput && !opts.asmOffsetsUnchanged)
    return {
      kind: "full",
      reason: `${offsetsInput} is an input of asm-offsets.h`,
      asmOffsets: true,
    };

  const users = new Map<string, string[]>(inXen.map((p) => [p, []]));
  for (const entry of await readdir(xen, { recursive: true, withFileTypes: true })) {
    const m = /^\.(.+\.o)\.cmd$/.exec(entry.name);
    if (!entry.isFile() || !m) continue;
    const object = join(relative(xen, entry.parentPath), m[1]!);
    // The hypervisor's own objects: not links, nor the in-tree test payloads.
    if (/(^|\/)(built_in|prelink)\.o$/.test(object) || object.startsWith("test/")) continue;
    const text = await readFile(join(entry.parentPath, entry.name), "utf8");
    const deps = dependencyWords(text);
    for (const p of inXen) if (deps.has(p)) users.get(p)!.push(object);
  }
  const unused = inXen.find((p) => users.get(p)!.length === 0);
  if (unused) return { kind: "full", reason: `no object records ${unused} (a new file?)` };
  const objects = [...new Set([...users.values()].flat())].sort();
  // An init-only file's object is renamed into X.init.o by the full build alone.
  for (const o of objects) {
    const init = o.replace(/\.o$/, ".init.o");
    if (o.endsWith(".init.o") || (await exists(join(xen, init))))
      return { kind: "full", reason: `${init} is made by the full build` };
  }
  return { kind: "objects", objects: await makeTargets(xen, objects) };
}

/**
 * Make goals for the objects: the object itself where its directory has a Makefile (Xen's
 * `%.o` rule runs the directory's build for it), else the nearest directory above that has
 * one (`common/` for common/compat/kernel.o, which common/Makefile builds), which makes
 * just what is out of date there.
 */
async function makeTargets(xen: string, objects: readonly string[]): Promise<string[]> {
  const goals = new Set<string>();
  for (const o of objects) {
    let dir = dirname(o);
    if (await exists(join(xen, dir, "Makefile"))) {
      goals.add(o);
      continue;
    }
    while (dir !== "." && !(await exists(join(xen, dir, "Makefile")))) dir = dirname(dir);
    goals.add(dir === "." ? o : `${dir}/`);
  }
  // A directory's build makes its objects: the same object in two goals run side by side
  // (make -j) would be compiled twice at once.
  const dirs = [...goals].filter((g) => g.endsWith("/"));
  return [...goals].filter((g) => g.endsWith("/") || !dirs.some((d) => g.startsWith(d))).sort();
}

/** The file names in a make dependency record (`a.o: b.h c.h`, `deps_x := \ b.h`). */
function dependencyWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const w of text.split(/[\s\\]+/)) {
    if (!w || w.includes("$(") || w.endsWith(":") || w === ":=") continue;
    // `common/compat/../kernel.c`: compat/kernel.c includes ../kernel.c.
    words.add(posix.normalize(w));
  }
  return words;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
