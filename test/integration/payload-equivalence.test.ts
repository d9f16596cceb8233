// The patch builder's payloads are assembled and linked directly (src/payload/direct.ts);
// before, its generated sources went through Xen's kbuild in a copy of the base's tree
// (buildSourcePayloads, which hand-written sources still take). For every buildable
// fixture, both ways build the same generated sources and must give the same payload: the
// same funcs entries, the same bytes in every section (code, data, notes, .modinfo) and the
// same relocations (issue 20).
import { readdirSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Payload } from "../../src/livepatch/payload.js";
import { type PatchMode, buildPatchPayloads } from "../../src/patch/build.js";
import { baseToolchain } from "../../src/payload/direct.js";
import { buildSourcePayloads } from "../../src/payload/sources.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

const fixtures = join(import.meta.dirname, "..", "fixtures");
const buildable = (dir: string) =>
  readdirSync(join(fixtures, dir))
    .filter((f) => f.endsWith(".patch") && !f.includes("-REFUSED"))
    .sort()
    .map((f) => join(fixtures, dir, f));

/** The series built below: every buildable fixture, the stack also stacked. */
const SERIES: Array<{
  what: string;
  patches: string[];
  mode: PatchMode;
  ignoreInitChanges?: boolean;
}> = [
  {
    what: "patches/ (independent)",
    patches: buildable("patches").filter((p) => !/stack-/.test(p)),
    mode: "independent",
  },
  {
    what: "patches/stack-* (stacked)",
    patches: buildable("patches").filter((p) => /stack-/.test(p)),
    mode: "stacked",
  },
  // (init-beside-runtime is built as the patch-shapes test builds it.)
  {
    what: "patch-shapes/ (independent)",
    patches: buildable("patch-shapes"),
    mode: "independent",
    ignoreInitChanges: true,
  },
];

/** A payload as the hypervisor loads it: funcs entries, sections' bytes, relocations. */
async function contents(file: string) {
  const payload = await Payload.load(file);
  const elf = payload.elf;
  const symbols = elf.symbols();
  return {
    funcs: payload.funcs().map((f) => ({
      name: f.name,
      old: [f.oldAddr.raw, f.oldAddr.symbol?.name, f.oldAddr.rela?.addend],
      new: [f.newAddr.raw, f.newAddr.symbol?.name, f.newAddr.rela?.addend],
      sizes: [f.oldSize, f.newSize, f.version],
      expect: f.expect,
    })),
    sections: elf.sections
      .filter((s) => s.name !== "" && !/^\.(symtab|strtab|shstrtab)$/.test(s.name))
      .filter((s) => !s.name.startsWith(".rela"))
      .map((s) => ({
        name: s.name,
        type: s.type,
        flags: s.flags,
        bytes: Buffer.from(elf.data(s)).toString("hex"),
        relocations: payload
          .relocationSectionsFor(s)
          .flatMap((r) => elf.relocations(r))
          .map((r) => [r.offset, r.type, symbols[r.symbolIndex]?.name, r.addend]),
      })),
  };
}

describe("payloads assembled directly are the ones kbuild made", () => {
  it.each(SERIES)("$what", { timeout: 1_800_000 }, async ({ patches, mode, ignoreInitChanges }) => {
    const [base, source] = await Promise.all([getXenBase(), getXenSource()]);
    expect(await baseToolchain(join(base.tree, "xen"))).toBeDefined();
    const out = await mkdtemp(join(tmpdir(), "xlci-equivalence-"));
    const sourcesDir = join(out, "sources");
    const direct = await buildPatchPayloads({
      base,
      baseOptions: { source, cacheDir: integrationCacheDir() },
      source: source.identity,
      patches,
      mode,
      expectations: "auto",
      ignoreInitChanges: ignoreInitChanges ?? false,
      outDir: join(out, "direct"),
      sourcesDir,
      logFile: join(out, "build.log"),
    });
    const dirs = (await readdir(sourcesDir)).sort();
    expect(dirs.length).toBe(direct.length);
    const kbuild = await buildSourcePayloads({
      base,
      source: source.identity,
      sourceDirs: direct.map((p) => p.sourceDir),
      stackMode: mode === "independent" ? "independent" : "stacked",
      expectations: "auto",
      outDir: join(out, "kbuild"),
      logFile: join(out, "build.log"),
    });
    expect(kbuild.map((p) => p.name)).toEqual(direct.map((p) => p.name));
    for (const [i, d] of direct.entries()) {
      const k = kbuild[i]!;
      const [dc, kc] = [await contents(d.file), await contents(k.file)];
      expect(dc.funcs.length, d.name).toBeGreaterThan(0);
      expect(dc.funcs, d.name).toEqual(kc.funcs);
      expect(dc.sections, d.name).toEqual(kc.sections);
      expect(d.buildId, d.name).toBe(k.buildId);
    }
  });
});
