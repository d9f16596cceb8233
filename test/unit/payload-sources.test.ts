// The pure pieces of building payloads from sources: names, notes, .modinfo, expectations,
// the source digest, the generated kbuild Makefile and compiler error parsing.
import { describe, expect, it } from "vitest";
import { parseNotes } from "../../src/elf/reader.js";
import type { XenSourceIdentity } from "../../src/source/types.js";
import {
  expectationByte,
  expectationField,
  formatDiagnostic,
  gnuBuildIdNote,
  modinfoBytes,
  modinfoEntries,
  payloadCompileDiagnostics,
  payloadMakefile,
  payloadName,
  sourceDigest,
} from "../../src/payload/sources.js";
import { ConfigurationError } from "../../src/util/errors.js";
import { TOOL_NAME, TOOL_VERSION } from "../../src/version.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("payloadName", () => {
  it("is the directory's name with other characters replaced", () => {
    expect(payloadName("/src/patches/fix_xsa-123")).toBe("fix_xsa-123");
    expect(payloadName("relative/dir.with spaces/")).toBe("dir_with_spaces");
  });

  it("fits Xen's 128-byte name field with its NUL", () => {
    expect(payloadName(`/x/${"a".repeat(300)}`)).toHaveLength(127);
  });

  it("refuses a name with nothing usable left", () => {
    expect(() => payloadName("/x/...")).toThrow(ConfigurationError);
  });
});

describe("gnuBuildIdNote", () => {
  const id = "b0b4f42c8f01447e3e4135eb27c489710718c2e4";

  it("is a GNU NT_GNU_BUILD_ID note with the build-id as descriptor", () => {
    const note = gnuBuildIdNote(id);
    const view = new DataView(note.buffer);
    expect(note.length).toBe(12 + 4 + 20);
    expect([view.getUint32(0, true), view.getUint32(4, true), view.getUint32(8, true)]).toEqual([
      4, 20, 3,
    ]);
    expect(Buffer.from(note.subarray(12, 16)).toString("latin1")).toBe("GNU\0");
    expect(Buffer.from(note.subarray(16)).toString("hex")).toBe(id);
  });

  it("parses back as one note, descriptors of any length padded to 4 bytes", () => {
    for (const hex of [id, "0102030405"]) {
      const note = gnuBuildIdNote(hex);
      expect(note.length % 4).toBe(0);
      const [parsed, ...rest] = parseNotes(note, (p) => new Error(p));
      expect(rest).toEqual([]);
      expect(parsed).toMatchObject({ name: "GNU", type: 3 });
      expect(Buffer.from(parsed!.desc).toString("hex")).toBe(hex);
    }
  });

  it("refuses what is not a build-id", () => {
    for (const bad of ["", "abc", "zz"]) expect(() => gnuBuildIdNote(bad)).toThrow();
  });
});

describe(".modinfo", () => {
  const source: XenSourceIdentity = {
    version: "4.17.5+72-g01140da4e8-1",
    package: "xen",
    kind: "debian",
  };
  const info = { name: "fix", version: "1", source, sourceDigest: "ab".repeat(32) };

  it("has the standard entries first, then the metadata sorted by key", () => {
    const entries = modinfoEntries({
      ...info,
      metadata: { "run-url": "https://example.invalid/run/1", commit: "abc" },
    });
    expect(entries).toEqual([
      ["name", "fix"],
      ["version", "1"],
      ["source", '{"kind":"debian","package":"xen","version":"4.17.5+72-g01140da4e8-1"}'],
      ["source-digest", "ab".repeat(32)],
      ["builder", `${TOOL_NAME} ${TOOL_VERSION}`],
      ["commit", "abc"],
      ["run-url", "https://example.invalid/run/1"],
    ]);
  });

  it("does not let metadata replace a standard entry", () => {
    expect(() => modinfoEntries({ ...info, metadata: { name: "other" } })).toThrow(
      ConfigurationError,
    );
  });

  it("is key=value strings, each NUL-terminated", () => {
    expect(
      Buffer.from(
        modinfoBytes([
          ["name", "fix"],
          ["run-url", "u=1"],
        ]),
      ).toString("latin1"),
    ).toBe("name=fix\0run-url=u=1\0");
    expect(modinfoBytes([["k", "é"]])).toEqual(utf8("k=é\0"));
  });

  it("refuses keys and values that would corrupt the strings", () => {
    for (const entry of [
      ["a=b", "v"],
      ["", "v"],
      ["k", "a\0b"],
      ["k", "line\nforged=1"],
    ] as const) {
      expect(() => modinfoBytes([entry])).toThrow(ConfigurationError);
    }
  });
});

describe("expectations", () => {
  it("packs enabled in bit 0 and the length in bits 1-5", () => {
    expect(expectationByte(1)).toBe(0b11);
    expect(expectationByte(12)).toBe(0b11001);
    expect(expectationByte(31)).toBe(0x3f);
    for (const bad of [0, 32, 1.5]) expect(() => expectationByte(bad)).toThrow(RangeError);
  });

  it("expects min(old_size, 31) bytes of the old code, zero-padded to 31", () => {
    const code = Uint8Array.from({ length: 40 }, (_, i) => i + 1);
    const short = expectationField(code, 12);
    expect(short).toHaveLength(32);
    expect(short[0]).toBe(expectationByte(12));
    expect([...short.subarray(1, 13)]).toEqual([...code.subarray(0, 12)]);
    expect([...short.subarray(13)]).toEqual(new Array<number>(19).fill(0));

    const long = expectationField(code, 200);
    expect(long[0]).toBe(expectationByte(31));
    expect([...long.subarray(1)]).toEqual([...code.subarray(0, 31)]);
  });

  it("expects no more bytes than the code it was given", () => {
    expect(expectationField(Uint8Array.of(0xc3, 0x90), 12)[0]).toBe(expectationByte(2));
  });
});

describe("sourceDigest", () => {
  const a = { path: "a.c", content: utf8("int a;") };
  const b = { path: "inc/b.h", content: utf8("#define B 1") };

  it("does not depend on the order files were listed in", () => {
    expect(sourceDigest([a, b])).toBe(sourceDigest([b, a]));
    expect(sourceDigest([a, b])).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with a file's name or content, and frames them unambiguously", () => {
    const base = sourceDigest([a, b]);
    expect(sourceDigest([{ ...a, path: "a2.c" }, b])).not.toBe(base);
    expect(sourceDigest([{ ...a, content: utf8("int a; ") }, b])).not.toBe(base);
    expect(sourceDigest([{ path: "x", content: utf8("yz") }])).not.toBe(
      sourceDigest([{ path: "xy", content: utf8("z") }]),
    );
  });
});

describe("payloadMakefile", () => {
  const makefile = payloadMakefile("fix", ["fix.o", "func.o"]);

  it("compiles the sources with kbuild and combines them with its ld command", () => {
    expect(makefile).toContain("xlci-objs := fix.o func.o");
    expect(makefile).toMatch(/^extra-y := \$\(xlci-objs\) xlci-objects\.o$/m);
    expect(makefile).toMatch(/\$\(obj\)\/xlci-objects\.o: .*FORCE\n\t\$\(call if_changed,ld\)/);
  });

  it("links the payload with Xen's build-id option at the link stage", () => {
    expect(makefile).toMatch(/^ifeq \(\$\(XLCI_STAGE\),link\)\nextra-y := fix\.livepatch$/m);
    expect(makefile).toContain(
      "cmd_xlci_livepatch = $(LD) $(XEN_LDFLAGS) $(build_id_linker) -r -o $@ $(real-prereqs)",
    );
    expect(makefile).toMatch(
      /^\$\(obj\)\/fix\.livepatch: \$\(obj\)\/xlci-payload\.o \$\(obj\)\/xlci-depends\.o \$\(obj\)\/xlci-xen-depends\.o \$\(obj\)\/xlci-modinfo\.o FORCE$/m,
    );
  });

  it("makes each note and .modinfo a read-only allocated section", () => {
    for (const [file, section] of [
      ["xlci-depends", ".livepatch.depends"],
      ["xlci-xen-depends", ".livepatch.xen_depends"],
      ["xlci-modinfo", ".modinfo"],
    ]) {
      expect(makefile).toContain(`$(obj)/${file}.o: xlci-section := ${section}`);
    }
    expect(makefile).toContain(
      "--rename-section=.data=$(xlci-section),alloc,load,readonly,data,contents -S $< $@",
    );
  });

  it("indents recipes with tabs", () => {
    const recipes = makefile.split("\n").filter((l) => l.includes("$(call if_changed"));
    expect(recipes).toHaveLength(3);
    for (const line of recipes) expect(line.startsWith("\t")).toBe(true);
  });
});

describe("payloadCompileDiagnostics", () => {
  const output = [
    "  CC      livepatch-ci/fix/fix.o",
    "livepatch-ci/fix/fix.c: In function 'ci_fix':",
    "livepatch-ci/fix/fix.c:6:16: error: expected expression before ';' token",
    "    6 |     return 1 +;",
    "livepatch-ci/fix/fix.c:9:1: warning: no newline at end of file",
    "In file included from livepatch-ci/other/other.c:2:",
    "./include/xen/lib.h:10:3: fatal error: missing.h: No such file or directory",
    "livepatch-ci/fix/bad.S: Assembler messages:",
    "livepatch-ci/fix/bad.S:2: Error: no such instruction: `not_an_instruction %rax'",
    "cc1: all warnings being treated as errors",
    "make[2]: *** [Rules.mk:246: livepatch-ci/fix/fix.o] Error 1",
    "livepatch-ci/fix/fix.c:6:16: error: expected expression before ';' token",
  ].join("\n");
  const dirs = [
    { rel: "livepatch-ci/fix", sourceDir: "/src/fix" },
    { rel: "livepatch-ci/other", sourceDir: "/src/other" },
  ];

  it("finds gcc's and gas's diagnostics once each, in the user's files or Xen's tree", () => {
    const diagnostics = payloadCompileDiagnostics(output, dirs);
    expect(diagnostics).toEqual([
      {
        file: "/src/fix/fix.c",
        line: 6,
        column: 16,
        severity: "error",
        message: "expected expression before ';' token",
      },
      {
        file: "/src/fix/fix.c",
        line: 9,
        column: 1,
        severity: "warning",
        message: "no newline at end of file",
      },
      {
        file: "xen/include/xen/lib.h",
        line: 10,
        column: 3,
        severity: "error",
        message: "missing.h: No such file or directory",
      },
      {
        file: "/src/fix/bad.S",
        line: 2,
        severity: "error",
        message: "no such instruction: `not_an_instruction %rax'",
      },
    ]);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      "/src/fix/fix.c:6:16: error: expected expression before ';' token",
      "/src/fix/fix.c:9:1: warning: no newline at end of file",
      "xen/include/xen/lib.h:10:3: error: missing.h: No such file or directory",
      "/src/fix/bad.S:2: error: no such instruction: `not_an_instruction %rax'",
    ]);
  });

  it("finds nothing in output without diagnostics", () => {
    expect(payloadCompileDiagnostics("  CC      x.o\n  LD      y.o\n", dirs)).toEqual([]);
  });
});
