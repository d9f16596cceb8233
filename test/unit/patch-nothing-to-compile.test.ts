// Patches whose text already tells they change no compiled code are refused before the
// builder copies or compiles anything (issue 20).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { XenBase } from "../../src/base/xen.js";
import { buildPatchPayloads, nothingToCompile } from "../../src/patch/build.js";
import { parsePatch } from "../../src/patch/series.js";
import { ConfigurationError } from "../../src/util/errors.js";

const hunk = "@@ -10,3 +10,3 @@\n ctx\n-old\n+new\n ctx\n";
const patchOf = (...paths: string[]) =>
  paths.map((p) => `--- a/${p}\n+++ b/${p}\n${hunk}`).join("");
const why = (...paths: string[]) => nothingToCompile(parsePatch("/p/x.patch", patchOf(...paths)));

describe("nothingToCompile", () => {
  it("names a patch of Kconfig or documentation only, and why", () => {
    expect(why("xen/common/Kconfig")).toMatch(
      /^the patch changes only Kconfig \(xen\/common\/Kconfig\), which compiles to no code/,
    );
    expect(why("xen/arch/x86/Kconfig.cpu", "xen/README")).toMatch(
      /^the patch changes only Kconfig and documentation \(xen\/arch\/x86\/Kconfig\.cpu, xen\/README\)/,
    );
    expect(why("xen/include/public/README.md")).toMatch(/only documentation/);
  });

  it("lets through a patch with a file that may change what is compiled", () => {
    expect(why("xen/common/Kconfig", "xen/common/timer.c")).toBeUndefined();
    expect(why("xen/include/xen/version.h")).toBeUndefined();
    expect(why("xen/common/Makefile")).toBeUndefined();
    expect(why("xen/arch/x86/x86_64/entry.S")).toBeUndefined();
    expect(why("xen/tools/gen-cpuid.py")).toBeUndefined();
  });

  it("refuses such a patch before reading the base", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xlci-nothing-"));
    const patch = join(dir, "kconfig.patch");
    writeFileSync(patch, patchOf("xen/common/Kconfig"));
    // A base that cannot be read: the refusal must come before anything touches it.
    const base = { xenSyms: join(dir, "missing"), tree: join(dir, "missing") } as XenBase;
    const built = buildPatchPayloads({
      base,
      baseOptions: {} as never,
      source: {} as never,
      patches: [patch],
      mode: "stacked",
      expectations: "auto",
      outDir: join(dir, "out"),
      sourcesDir: join(dir, "sources"),
    });
    await expect(built).rejects.toBeInstanceOf(ConfigurationError);
    await expect(built).rejects.toThrow(
      /kconfig\.patch cannot be built into a livepatch:\n {2}- the patch changes only Kconfig/,
    );
  });
});
