import { describe, expect, it } from "vitest";
import {
  CONFIGURE_FLAGS,
  configureFailureSummary,
  GUEST_TOOL_LIBS,
  guestToolSteps,
} from "../../src/base/guest-tool.js";

const TREE = "/cache/build/0123456789abcdef";

describe("guest tool steps", () => {
  it("configure the tools only, then build include, the eight libraries and xen-livepatch", () => {
    const steps = guestToolSteps({ tree: TREE, jobs: 3, regenerateConfigure: false });
    expect(steps.map((s) => [s.cmd, ...s.args.slice(0, 2)].join(" "))).toEqual([
      "./configure --disable-xen --disable-docs",
      "make -C tools/include",
      "make -C tools/libs/toolcore",
      "make -C tools/libs/toollog",
      "make -C tools/libs/evtchn",
      "make -C tools/libs/gnttab",
      "make -C tools/libs/call",
      "make -C tools/libs/foreignmemory",
      "make -C tools/libs/devicemodel",
      "make -C tools/libs/ctrl",
      "make -C tools/misc",
    ]);
    expect(steps[0]?.args).toEqual([...CONFIGURE_FLAGS]);
    for (const flag of ["--disable-stubdom", "--disable-ocamltools", "--disable-golang"])
      expect(CONFIGURE_FLAGS).toContain(flag);
    for (const step of steps.slice(1, -1)) expect(step.args).toContain("-j3");
  });

  it("run every step in the tree, with the C locale", () => {
    for (const step of guestToolSteps({ tree: TREE, jobs: 1, regenerateConfigure: true })) {
      expect(step.cwd).toBe(TREE);
      expect(step.env.LC_ALL).toBe("C");
    }
  });

  it("link xen-livepatch statically, each library before the ones it uses", () => {
    const link = guestToolSteps({ tree: TREE, jobs: 1, regenerateConfigure: false }).at(-1);
    expect(link?.args.slice(0, 5)).toEqual([
      "-C",
      "tools/misc",
      "xen-livepatch",
      "nosharedlibs=y",
      "LDFLAGS=-static",
    ]);
    const append = link?.args[5] ?? "";
    expect(append.startsWith("APPEND_LDFLAGS=")).toBe(true);
    const archives = append.slice("APPEND_LDFLAGS=".length).split(" ");
    // libxenctrl.a is linked by the Makefile itself with nosharedlibs=y.
    expect(archives).toEqual(
      ["devicemodel", "foreignmemory", "call", "gnttab", "evtchn", "toollog", "toolcore"].map(
        (lib) => `${TREE}/tools/libs/${lib}/libxen${lib}.a`,
      ),
    );
    // From tools/libs/uselibs.mk: a static archive must come before what it uses.
    const uses: Record<string, string[]> = {
      devicemodel: ["toollog", "toolcore", "call"],
      call: ["toollog", "toolcore"],
      foreignmemory: ["toollog", "toolcore"],
      gnttab: ["toollog", "toolcore"],
      evtchn: ["toollog", "toolcore"],
    };
    const position = (lib: string) => archives.findIndex((a) => a.endsWith(`/libxen${lib}.a`));
    for (const [lib, deps] of Object.entries(uses))
      for (const dep of deps) expect(position(lib)).toBeLessThan(position(dep));
    expect(GUEST_TOOL_LIBS).toHaveLength(8);
  });

  it("generate the configure scripts first when the tree lacks them (Debian deletes them)", () => {
    const steps = guestToolSteps({ tree: TREE, jobs: 1, regenerateConfigure: true });
    expect(steps[0]).toMatchObject({
      name: "autoreconf",
      cmd: "autoreconf",
      args: ["--install", "--force"],
      env: { ACLOCAL: "true" },
    });
    expect(steps[1]?.cmd).toBe("./configure");
    expect(steps).toHaveLength(12);
  });
});

describe("configure failure summary", () => {
  it("names the first error and the Debian package that provides what is missing", () => {
    const output = [
      "checking for yajl_alloc in -lyajl... no",
      "configure: error: Could not find yajl",
      "configure: error: ./configure failed for tools",
    ].join("\n");
    const summary = configureFailureSummary(output);
    expect(summary).toContain("configure: error: Could not find yajl");
    expect(summary).not.toContain("failed for tools");
    expect(summary).toContain("'libyajl-dev'");
    expect(summary).toContain("scripts/provision.sh");
  });

  it.each([
    ["Unable to find iasl, please install iasl", "acpica-tools"],
    ["cannot find a valid uuid library", "uuid-dev"],
    ["Unable to find a suitable curses library", "libncurses-dev"],
    ["Could not find zlib", "zlib1g-dev"],
    ["Unable to find Python development headers", "python3-dev"],
  ])("maps %j to %s", (error, pkg) => {
    expect(configureFailureSummary(`configure: error: ${error}\n`)).toContain(`'${pkg}'`);
  });

  it("still points at provisioning for an error it does not recognise, and is undefined without one", () => {
    expect(configureFailureSummary("configure: error: something new")).toContain(
      "scripts/provision.sh",
    );
    expect(configureFailureSummary("checking for gcc... gcc\n")).toBeUndefined();
  });
});
