/**
 * Whether a patch to an input of asm-offsets.h changes it. Xen generates the header from
 * the `==>...<==` lines the compiler writes for arch/x86/x86_64/asm-offsets.c (xen/build.mk:
 * asm-offsets.s, then sed), and only the full build regenerates it, so a patch to a header
 * it includes (a common one: sched.h, domain.h) used to rebuild the whole hypervisor. The
 * file is compiled here to assembly in the base's tree and in the patched one, with the
 * same command, and their lines compared: the same lines, the same header, and only the
 * objects the patch reaches need rebuilding.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { shellWords } from "../payload/direct.js";
import { runCommand } from "../util/exec.js";

/** The base's record of a C object of the hypervisor, whose flags the compile takes. */
const C_RECORD = "common/.version.o.cmd";
const SOURCE = "arch/x86/x86_64/asm-offsets.c";

/**
 * True when asm-offsets.h from the patched `tree` would be the base's; false when it would
 * differ or cannot be told (no record, a compile failure: the full build then decides).
 */
export async function asmOffsetsUnchanged(
  baseTree: string,
  tree: string,
  env: NodeJS.ProcessEnv,
  logFile?: string,
): Promise<boolean> {
  const record = await readFile(join(baseTree, "xen", C_RECORD), "utf8").catch(() => "");
  const words = shellWords(/^cmd_\S+ := (.*)$/m.exec(record)?.[1] ?? "");
  if (!words || words.length < 2) return false;
  const flags: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (["-MF", "-MQ", "-MT", "-c", "-o"].includes(w)) i++;
    else if (!["-MMD", "-MP"].includes(w) && !w.startsWith("-D__OBJECT_LABEL__=")) flags.push(w);
  }
  const scratch = await mkdtemp(join(tmpdir(), "xlci-asm-offsets-"));
  try {
    const lines = async (root: string, name: string) => {
      const out = join(scratch, name);
      await runCommand(words[0]!, [...flags, "-S", "-g0", "-o", out, SOURCE], {
        cwd: join(root, "xen"),
        env: { ...env, MAKEFLAGS: undefined, MAKELEVEL: undefined },
        ...(logFile ? { logFile } : {}),
      });
      return offsetLines(await readFile(out, "utf8"));
    };
    const [before, after] = await Promise.all([lines(baseTree, "base.s"), lines(tree, "new.s")]);
    return before.length > 0 && before.join("\n") === after.join("\n");
  } catch {
    return false;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The header's lines in the compiler's output: what build.mk's sed keeps of `==>X<==`. */
export function offsetLines(assembly: string): string[] {
  return assembly
    .split("\n")
    .filter((l) => /^[^#].*==>/.test(l))
    .map((l) => l.replace(/.*==>(.*)<==.*/, "$1").replace(/ [$#]/, " "));
}
