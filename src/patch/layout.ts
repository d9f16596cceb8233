/**
 * Data layout: whether a patch changes the layout of a structure or union that the
 * changed translation units use. A payload's new code would read and write the
 * hypervisor's live instances with the new layout, which corrupts them; no binary diff
 * sees it, because the code of every user changes as it should.
 *
 * Each changed C translation unit is compiled a second time, before and after the patch,
 * with `-g` added to the exact command Xen's build used (from its `.NAME.o.cmd` file), into
 * a scratch file: the payload is made from the objects built without it, so its code is
 * unaffected. `pahole` (Debian's `dwarves`) prints each type's layout from the debug
 * information (size, member offsets and types); the two are compared type by type.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "../util/exec.js";

/** A type whose layout differs between the base and the patched build of a unit. */
export interface LayoutChange {
  /** `struct timers`, `union foo`. */
  type: string;
  /** The objects (`xen/common/timer.o`) whose units use it. */
  objects: string[];
  /** What differs, for a person: size and members moved, added, removed or retyped. */
  what: string;
}

export interface LayoutInput {
  /** The base's built tree and the patched one (each holding `xen/`). */
  baseTree: string;
  patchedTree: string;
  /** Changed objects, by path in the tree (`xen/common/timer.o`); new objects are skipped. */
  objects: readonly string[];
  /** The build's environment (compiler cache, PATH), as the rebuild ran. */
  env: Record<string, string | undefined>;
  logFile?: string;
}

/**
 * The layout changes of the types the changed units use. Units that are not C (assembly)
 * or that the base lacks are not compared. Throws MissingProgramError (naming Debian's
 * dwarves package) when `pahole` is not installed.
 */
export async function compareLayouts(input: LayoutInput): Promise<LayoutChange[]> {
  const scratch = await mkdtemp(join(tmpdir(), "xlci-layout-"));
  const byType = new Map<string, { what: string; objects: string[] }>();
  try {
    for (const [i, object] of input.objects.entries()) {
      // The two compiles are independent: side by side.
      const [before, after] = await Promise.all([
        unitLayouts(input.baseTree, object, join(scratch, `${i}-base.o`), input),
        unitLayouts(input.patchedTree, object, join(scratch, `${i}-new.o`), input),
      ]);
      if (!before || !after) continue;
      for (const [type, layout] of after) {
        const old = before.get(type);
        if (old === undefined || old.text === layout.text) continue;
        const what = describeChange(old, layout);
        const seen = byType.get(type);
        if (seen) seen.objects.push(object);
        else byType.set(type, { what, objects: [object] });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return [...byType.entries()]
    .map(([type, { what, objects }]) => ({ type, what, objects }))
    .sort((a, b) => a.type.localeCompare(b.type));
}

/** The compile command Xen's build recorded for `object` (kbuild's `cmd_<object> := ...`). */
export function recordedCommand(cmdFile: string, object: string): string | undefined {
  const prefix = `cmd_${object} := `;
  const line = cmdFile.split("\n").find((l) => l.startsWith(prefix));
  return line?.slice(prefix.length);
}

/**
 * The recorded command turned into one that writes debug information to `out` and
 * nothing else: `-g` added, the dependency-file options and the output replaced.
 */
export function debugCommand(command: string, out: string): string | undefined {
  if (!/\s-c\s+\S+\.c(\s|$)/.test(command)) return undefined; // not a C unit
  return `${command
    .replace(/\s-MMD\b|\s-MP\b/g, "")
    .replace(/\s-MF\s+\S+/g, "")
    .replace(/\s-MQ\s+\S+/g, "")
    .replace(/\s-o\s+\S+/, ` -o ${out}`)} -g`;
}

interface Layout {
  text: string;
  size: string | undefined;
  members: Map<string, string>;
}

async function unitLayouts(
  tree: string,
  object: string,
  out: string,
  input: LayoutInput,
): Promise<Map<string, Layout> | undefined> {
  const xen = join(tree, "xen");
  const relative = object.replace(/^xen\//, "");
  const cmdPath = join(xen, relative.replace(/([^/]+)$/, ".$1.cmd"));
  let cmdFile: string;
  try {
    cmdFile = await readFile(cmdPath, "utf8");
  } catch {
    return undefined; // an object without a recorded command (new, or not compiled from C)
  }
  const recorded = recordedCommand(cmdFile, relative);
  const command = recorded && debugCommand(recorded, out);
  if (!command) return undefined;
  await runCommand("sh", ["-c", command], {
    cwd: xen,
    env: { ...input.env, MAKEFLAGS: undefined, MAKELEVEL: undefined },
    ...(input.logFile ? { logFile: input.logFile } : {}),
  });
  // A missing pahole is a MissingProgramError naming Debian's dwarves package.
  const printed = (await runCommand("pahole", [out], {})).stdout;
  return parsePahole(printed);
}

/**
 * pahole's output, type by type: `struct NAME {` ... `};` blocks at the top level, each
 * with its members (`type name; /* offset size *\/`) and its size comment.
 */
export function parsePahole(text: string): Map<string, Layout> {
  const types = new Map<string, Layout>();
  let name: string | undefined;
  let lines: string[] = [];
  for (const line of text.split("\n")) {
    if (name === undefined) {
      const open = /^((?:struct|union) [A-Za-z_]\w*) \{$/.exec(line);
      if (open) {
        name = open[1]!;
        lines = [];
      }
      continue;
    }
    if (/^\}.*;$/.test(line)) {
      const members = new Map<string, string>();
      let size: string | undefined;
      for (const l of lines) {
        const s = /\/\* size: (\d+)/.exec(l);
        if (s) size = s[1];
        // Only the type's own members (one tab deep), not those of nested anonymous types.
        const m =
          /^\t(\S.*?)\s+([A-Za-z_]\w*)(\[[^\]]*\])*(:\d+)?;\s+\/\*\s+(\d+)(?::\s*\d+)?\s+(\d+)\s+\*\//.exec(
            l,
          );
        if (m)
          members.set(
            m[2]!,
            `${m[1]!.replace(/\s+/g, " ")}${m[3] ?? ""} at ${m[5]} (${m[6]} bytes)`,
          );
      }
      // Cache-line and hole comments follow from the layout; keep what defines it.
      const text = lines
        .filter(
          (l) =>
            !/^\s*\/\* (XXX|--- cacheline|last cacheline|sum members|padding|paddings|forced alignments|bit holes|holes|BRAIN FART)/.test(
              l,
            ),
        )
        .join("\n");
      if (!types.has(name)) types.set(name, { text, size, members });
      name = undefined;
      continue;
    }
    lines.push(line);
  }
  return types;
}

function describeChange(before: Layout, after: Layout): string {
  const parts: string[] = [];
  if (before.size !== after.size) parts.push(`size ${before.size} -> ${after.size} bytes`);
  for (const [member, was] of before.members) {
    const now = after.members.get(member);
    if (now === undefined) parts.push(`${member} removed (was ${was})`);
    else if (now !== was) parts.push(`${member}: ${was} -> ${now}`);
  }
  for (const [member, now] of after.members) {
    if (!before.members.has(member)) parts.push(`${member} added (${now})`);
  }
  return parts.length > 0 ? parts.join("; ") : "its members changed";
}
