import { describe, expect, it } from "vitest";
import { parseCompilerDiagnostics, sourcePath } from "../../src/report/compiler.js";

const LOG = `  CC      common/version.o
common/version.c:12:2: error: #error broken on purpose
   12 | #error broken on purpose
      |  ^~~~~
common/version.c: In function 'xen_compile_date':
arch/x86/setup.c:100:5: warning: unused variable 'x' [-Wunused-variable]
common/version.c:12:2: error: #error broken on purpose
include/xen/lib.h:7:10: fatal error: missing.h: No such file or directory
livepatch-ci/p/entry.S:3: Error: no such instruction: frobnicate
ld: prelink.o:(.text+0x10): undefined reference to 'nothing'
make[2]: *** [Rules.mk:246: common/version.o] Error 1`;

describe("compiler diagnostics", () => {
  it("finds each error and warning once, with file, line and column", () => {
    expect(parseCompilerDiagnostics(LOG)).toEqual([
      {
        file: "common/version.c",
        line: 12,
        column: 2,
        severity: "error",
        message: "#error broken on purpose",
      },
      {
        file: "arch/x86/setup.c",
        line: 100,
        column: 5,
        severity: "warning",
        message: "unused variable 'x' [-Wunused-variable]",
      },
      {
        file: "include/xen/lib.h",
        line: 7,
        column: 10,
        severity: "error",
        message: "missing.h: No such file or directory",
      },
      {
        file: "livepatch-ci/p/entry.S",
        line: 3,
        severity: "error",
        message: "no such instruction: frobnicate",
      },
    ]);
  });

  it("maps a path in the build copy back to the user's tree", () => {
    expect(
      sourcePath("common/version.c", "/cache/build/k/xen", "/cache/build/k", "/work/xen"),
    ).toBe("/work/xen/xen/common/version.c");
    expect(
      sourcePath("/usr/include/stdio.h", "/cache/build/k/xen", "/cache/build/k", "/work/xen"),
    ).toBe("/usr/include/stdio.h");
  });
});
