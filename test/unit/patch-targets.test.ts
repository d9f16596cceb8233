// Which objects a patch makes the build recompile, from kbuild's dependency records.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rebuildBatches } from "../../src/patch/build.js";
import { planRebuild } from "../../src/patch/targets.js";

const tree = mkdtempSync(join(tmpdir(), "xlci-targets-"));
const put = (path: string, text: string) => {
  mkdirSync(join(tree, "xen", path, ".."), { recursive: true });
  writeFileSync(join(tree, "xen", path), text);
};
const record = (object: string, deps: string[]) => {
  const [dir, name] = [object.replace(/\/[^/]+$/, ""), object.replace(/^.*\//, "")];
  put(
    `${dir}/.${name}.cmd`,
    `cmd_${object} := gcc -c x.c -o ${object}\n\nsource_${object} := ${deps[0]}\n\ndeps_${object} := \\\n${deps.map((d) => `  ${d} \\\n`).join("")}    $(wildcard include/config/debug.h) \\\n\n${object}: $(deps_${object})\n\n$(deps_${object}):\n`,
  );
};
put(
  ".asm-offsets.s.d",
  "asm-offsets.s: arch/x86/x86_64/asm-offsets.c include/xen/sched.h \\\n include/xen/types.h\n",
);
record("common/timer.o", ["common/timer.c", "include/xen/timer.h", "include/xen/types.h"]);
record("common/kernel.o", ["common/kernel.c", "include/xen/version.h"]);
record("common/compat/kernel.o", [
  "common/compat/kernel.c",
  "common/compat/../kernel.c",
  "include/xen/version.h",
]);
record("common/gunzip.o", ["common/gunzip.c"]);
record("arch/x86/pv/gpr_switch.o", ["arch/x86/pv/gpr_switch.S", "include/asm/asm_defns.h"]);
put("common/gunzip.init.o", "");
record("common/built_in.o", ["common/timer.c"]);
for (const dir of ["common", "arch/x86", "arch/x86/pv"]) put(`${dir}/Makefile`, "obj-y += x.o\n");
// The in-tree test payloads include headers too, but are no part of the hypervisor.
record("test/livepatch/xen_hello_world.o", [
  "test/livepatch/xen_hello_world.c",
  "include/xen/version.h",
]);

describe("planRebuild", () => {
  it("makes the objects whose records name a changed source or header", async () => {
    expect(await planRebuild(tree, ["xen/common/kernel.c"])).toEqual({
      kind: "objects",
      // common/compat has no Makefile: common/Makefile makes its objects (and kernel.o).
      objects: ["common/"],
    });
    expect(
      await planRebuild(tree, ["xen/include/xen/timer.h", "xen/include/xen/version.h"]),
    ).toEqual({
      kind: "objects",
      objects: ["common/"],
    });
  });

  it("treats an input of asm-offsets.h as any header once the header is known unchanged", async () => {
    expect(await planRebuild(tree, ["xen/include/xen/types.h"])).toMatchObject({
      kind: "full",
      asmOffsets: true,
    });
    expect(
      await planRebuild(tree, ["xen/include/xen/types.h"], { asmOffsetsUnchanged: true }),
    ).toEqual({ kind: "objects", objects: ["common/timer.o"] });
  });

  it("makes an assembly routine's object from its .S source", async () => {
    expect(await planRebuild(tree, ["xen/arch/x86/pv/gpr_switch.S"])).toEqual({
      kind: "objects",
      objects: ["arch/x86/pv/gpr_switch.o"],
    });
  });

  it("makes the whole hypervisor when the records cannot tell", async () => {
    expect(await planRebuild(tree, ["xen/common/Makefile"])).toEqual({
      kind: "full",
      reason: "common/Makefile is not C or assembly source or a header",
    });
    expect(await planRebuild(tree, ["xen/include/xen/sched.h"])).toEqual({
      kind: "full",
      reason: "include/xen/sched.h is an input of asm-offsets.h",
      asmOffsets: true,
    });
    expect(await planRebuild(tree, ["xen/common/new.c"])).toMatchObject({ kind: "full" });
    expect(await planRebuild(tree, ["xen/common/gunzip.c"])).toEqual({
      kind: "full",
      reason: "common/gunzip.init.o is made by the full build",
    });
  });
});

describe("the makes of a rebuild", () => {
  it("makes everything at once, but only one arch/x86 goal before the others of arch/x86", () => {
    expect(rebuildBatches(["common/a.o", "arch/x86/hvm/b.o"])).toEqual([
      ["common/a.o", "arch/x86/hvm/b.o"],
    ]);
    expect(rebuildBatches(["arch/x86/a.o", "common/b.o", "arch/x86/c.o", "arch/x86/d.o"])).toEqual([
      ["arch/x86/a.o", "common/b.o"],
      ["arch/x86/c.o", "arch/x86/d.o"],
    ]);
  });
});
