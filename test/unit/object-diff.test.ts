// The object comparison and payload writing on small objects compiled here with the
// hypervisor's section flags: what counts as a change, and what is refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadX86Decoder } from "../../src/livepatch/xen-code.js";
import { emitPayloadSource } from "../../src/patch/emit.js";
import { debugCommand, parsePahole, recordedCommand } from "../../src/patch/layout.js";
import { diffObjects, embeddedLineChange } from "../../src/patch/object-diff.js";
import { ObjectModel } from "../../src/patch/object-model.js";
import { pcRelativeBias } from "../../src/patch/rip-relative.js";

// Check patchability decodes the changed functions' stores (src/patch/runtime-data.ts),
// as the builder does once XenSyms.load has loaded the decoder.
beforeAll(loadX86Decoder);

const dir = mkdtempSync(join(tmpdir(), "xlci-object-diff-"));
// Xen's compiler.h makes every symbol hidden, so -fpic code reaches them PC-relative.
const visibility = join(dir, "hidden.h");
writeFileSync(visibility, "#pragma GCC visibility push(hidden)\n");

/** Compiles C like Xen's CONFIG_LIVEPATCH build does: a section per function and datum. */
function compile(name: string, source: string): ObjectModel {
  const c = join(dir, `${name}.c`);
  const o = join(dir, `${name}.o`);
  writeFileSync(c, source);
  execFileSync("gcc", [
    "-O2",
    "-ffunction-sections",
    "-fdata-sections",
    "-fpic",
    "-fno-jump-tables",
    "-include",
    visibility,
    "-c",
    c,
    "-o",
    o,
  ]);
  return new ObjectModel(o, new Uint8Array(readFileSync(o)));
}

const base = `
int g(int);
int f(void) { static int calls; return g(++calls); }
int h(void) { return 1; }
const char *s(void) { return "same"; }
`;

describe("comparing objects", () => {
  it("sees renumbered statics and moved strings as the same, and a new function as new", () => {
    const original = compile("a", base);
    const patched = compile(
      "b",
      `
int g(int);
const char *t(void) { return "new"; }
int e(void) { static int calls; return g(calls += 2); }
int f(void) { static int calls; return g(++calls); }
int h(void) { return 2; }
const char *s(void) { return "same"; }
`,
    );
    // f's static became calls.1 (e's is calls.0) and the strings moved: f and s are unchanged.
    expect(patched.units.map((u) => u.name)).toEqual(
      expect.arrayContaining(["calls.0", "calls.1"]),
    );
    const diff = diffObjects(original, patched);
    expect(diff.changed.map((c) => [c.unit.name, c.why])).toEqual([["h", "its code changed"]]);
    expect(diff.added.map((u) => u.name).sort()).toEqual(["e", "t"]);
    const payload = emitPayloadSource([diff]);
    expect(payload.functions.map((f) => f.name)).toEqual(["h"]);
    expect(payload.text).toContain('.asciz "h"');
  });

  it("sees a changed string as a change of the function that uses it", () => {
    const diff = diffObjects(compile("c", base), compile("d", base.replace('"same"', '"other"')));
    expect(diff.changed.map((c) => c.unit.name)).toEqual(["s"]);
    expect(diff.changed[0]!.why).toMatch(/"same" to string .*"other"/);
  });

  it("pairs a changed function's renumbered static through the function, and keeps the live one", () => {
    const original = compile("e", base);
    const patched = compile(
      "f",
      `
int g(int);
int e(void) { static int calls; return g(calls += 2); }
int f(void) { static int calls; return g(calls += 3); }
int h(void) { return 1; }
const char *s(void) { return "same"; }
`,
    );
    const diff = diffObjects(original, patched);
    expect(diff.changed.map((c) => c.unit.name)).toEqual(["f"]);
    const payload = emitPayloadSource([diff]);
    // f's static is now calls.1, but it is the hypervisor's calls.0 that f must keep using;
    // the new function e gets its own.
    expect(payload.text).toMatch(/R_X86_64_PC32,"e\.c#calls\.0"/);
    expect(payload.notes).toEqual([
      expect.stringMatching(/^f\.c#calls\.\d: new data copied into the payload$/),
    ]);
  });

  it("patches the function whose split-off cold part changed, and carries the cold part", () => {
    const source = `
void report(const char *, int) __attribute__((cold));
void die(void) __attribute__((noreturn, cold));
int f(int x) {
  if (__builtin_expect(x > 100, 0)) { report("too big", x); die(); }
  return x * 3;
}
`;
    const original = compile("cold1", source);
    const patched = compile("cold2", source.replace('"too big"', '"far too big"'));
    expect(patched.units.map((u) => u.name).sort()).toEqual(["f", "f.cold"]);
    const diff = diffObjects(original, patched);
    // Only the cold part's string changed; f is entered through its own start.
    expect(diff.changed.map((c) => [c.unit.name, c.why])).toEqual([
      ["f", "its cold part f.cold changed"],
    ]);
    const payload = emitPayloadSource([diff]);
    expect(payload.functions.map((f) => f.name)).toEqual(["f"]);
    expect(payload.added).toEqual(["cold2.c#f.cold"]);
    expect(payload.text).toContain("0x66,0x61,0x72"); // "far"

    // The hot part changed, the cold one not: it still comes along, since it jumps back
    // into the function's body, which is the new one now.
    const hot = diffObjects(original, compile("cold3", source.replace("x * 3", "x * 5")));
    expect(hot.changed.map((c) => [c.unit.name, c.why])).toEqual([["f", "its code changed"]]);
    expect(emitPayloadSource([hot]).added).toEqual(["cold3.c#f.cold"]);

    // A cold part that returns jumps back into the body: its own, not an entry from elsewhere.
    const back = source.replace(" die(); ", " ");
    const before = compile("cold4", back);
    const after = compile("cold5", back.replace("x * 3", "x * 5"));
    const cold = before.units.find((u) => u.name === "f.cold")!;
    const f = before.units.find((u) => u.name === "f")!;
    expect(before.entriesInto(f)).toEqual([
      expect.stringMatching(/^a reference from cold4\.c#f\.cold to \+\d+$/),
    ]);
    expect(before.entriesInto(f, new Set([f, cold]))).toEqual([]);
    expect(emitPayloadSource([diffObjects(before, after)]).functions.map((x) => x.name)).toEqual([
      "f",
    ]);
  });

  it("takes a jump table only the function reads as its own, not as an entry into its body", () => {
    const source = (k: number) => `
int g(int);
int f(int x) {
  switch (x) {
  case 0: return g(${k});
  case 1: return g(x * 7) + 1;
  case 2: return g(x) - 3;
  case 3: return g(x + 11);
  case 4: return g(x ^ 5);
  case 5: return g(x << 2);
  default: return 0;
  }
}
`;
    // As a build without CONFIG_INDIRECT_THUNK (which adds -fno-jump-tables) compiles it.
    const table = (name: string, text: string) => {
      const c = join(dir, `${name}.c`);
      const o = join(dir, `${name}.o`);
      writeFileSync(c, text);
      execFileSync("gcc", [
        "-O2",
        "-ffunction-sections",
        "-fdata-sections",
        "-fjump-tables",
        "-fno-reorder-blocks-and-partition",
        "-fpic",
        "-c",
        c,
        "-o",
        o,
      ]);
      return new ObjectModel(o, new Uint8Array(readFileSync(o)));
    };
    const before = table("jt1", source(1));
    const f = before.units.find((u) => u.name === "f")!;
    expect(
      before.elf.sections.some(
        (s) => s.name.startsWith(".rodata") && before.relocations(s).length > 0,
      ),
    ).toBe(true);
    expect(before.entriesInto(f)).toEqual([]);
    const diff = diffObjects(before, table("jt2", source(2)));
    expect(emitPayloadSource([diff]).functions.map((x) => x.name)).toEqual(["f"]);
  });

  it("refuses a new initial value of live data, and a new size", () => {
    const original = compile(
      "g",
      "int counter = 1; int big[2]; int use(void) { return counter + big[1]; }",
    );
    const patched = compile(
      "h",
      "int counter = 2; int big[3]; int use(void) { return counter + big[1]; }",
    );
    const reasons = diffObjects(original, patched).refusals.join("\n");
    expect(reasons).toMatch(/counter .*has a new initial value/);
    expect(reasons).toMatch(/big .*changes size from 8 to 12 bytes/);
  });

  it("says when a function differs only by a line number in its code", () => {
    const source = (blank: string) => `
void report(int line);
${blank}void crash(void) { report(__LINE__); }
int other(int x) { return x + 1; }
`;
    const diff = diffObjects(compile("line1", source("")), compile("line2", source("\n\n\n")), {
      lineMoved: (from, to) => to === from + 3,
    });
    expect(diff.changed.map((c) => [c.unit.name, c.why])).toEqual([
      [
        "crash",
        expect.stringMatching(/^only a line number embedded in its code changed \(3 to 6\)/),
      ],
    ]);
    // A changed constant that is not a line number's move is a change of code.
    expect(embeddedLineChange(Uint8Array.of(1, 0, 0, 0, 9), Uint8Array.of(4, 0, 0, 0, 7))).toBe(
      undefined,
    );
    expect(
      embeddedLineChange(Uint8Array.of(0xb8, 0x20, 1, 0, 0), Uint8Array.of(0xb8, 0x24, 1, 0, 0)),
    ).toEqual({
      from: 0x120,
      to: 0x124,
    });
  });
});

describe("symbols across objects", () => {
  it("resolves a new global from another object to the payload's copy, named", () => {
    const a1 = compile("x1", "int keep(void) { return 1; }");
    const a2 = compile("x2", "int keep(void) { return 1; }\nint helper(int x) { return x * 7; }");
    const b1 = compile(
      "y1",
      "int helper(int); int other(int); int caller(int x) { return other(x) + 1; }",
    );
    const b2 = compile("y2", "int helper(int); int caller(int x) { return helper(x); }");
    // The caller's object first: the helper is placed as its target before its own turn.
    const payload = emitPayloadSource([diffObjects(b1, b2), diffObjects(a1, a2)]);
    expect(payload.functions.map((f) => f.name)).toEqual(["caller"]);
    expect(payload.added).toEqual(["helper"]);
    expect(payload.text).toContain('.type "helper",@function');
    expect(payload.text).toMatch(/R_X86_64_PLT32,"helper"-4/);
  });

  it("resolves a function that became global to the hypervisor's static by its file", () => {
    const body =
      "__attribute__((noinline)) int sf(int x) { return x * 5; }\nint user(int x) { return sf(x) + 1; }";
    const a1 = compile("s1", `static ${body}`);
    const a2 = compile("s2", body);
    const b1 = compile("t1", "int g(int); int other(int x) { return g(x) + 1; }");
    const b2 = compile("t2", "int sf(int); int other(int x) { return sf(x) + 1; }");
    const diffs = [diffObjects(a1, a2), diffObjects(b1, b2)];
    expect(diffs[0]!.changed).toEqual([]);
    const payload = emitPayloadSource(diffs);
    expect(payload.functions.map((f) => f.name)).toEqual(["other"]);
    expect(payload.text).toMatch(/R_X86_64_PLT32,"s1\.c#sf"-4/);
  });

  it("gives a copy whose name the hypervisor has a name of its own", () => {
    const source = `
void report(const char *, int) __attribute__((cold));
void die(void) __attribute__((noreturn, cold));
int f(int x) {
  if (__builtin_expect(x > 100, 0)) { report("too big", x); die(); }
  return x * 3;
}
`;
    const diff = diffObjects(
      compile("n1", source),
      compile("n2", source.replace("x * 3", "x * 5")),
    );
    const taken = new Set(["n2.c#f.cold"]);
    const one = emitPayloadSource([diff], { nameTaken: (n) => taken.has(n), payloadName: "fix-1" });
    const two = emitPayloadSource([diff], { nameTaken: (n) => taken.has(n), payloadName: "fix-2" });
    expect(one.added).toEqual([expect.stringMatching(/^n2\.c#f\.cold\.lp[0-9a-f]{8}$/)]);
    expect(two.added[0]).not.toBe(one.added[0]);
    // Deterministic: the same payload name gives the same name.
    expect(
      emitPayloadSource([diff], { nameTaken: (n) => taken.has(n), payloadName: "fix-1" }).added,
    ).toEqual(one.added);
    expect(one.symbols).not.toContain("n2.c#f.cold");
  });
});

describe("statics of the hypervisor", () => {
  const source = (message: string) => `
void say(const char *);
__attribute__((section(".data.read_mostly"))) int before_flag = 3;
void warn_once(void) {
  static _Bool __attribute__((section(".data.read_mostly"))) once_;
  if (!once_) { once_ = 1; say("${message}"); }
}
`;

  it("finds a flag reached with an immediate after the displacement (bias 5, not 4)", () => {
    const model = compile("once1", source("first"));
    const fn = model.units.find((u) => u.name === "warn_once")!;
    const code = model.bytes(fn.section);
    const flagRefs = fn.relas.filter((r) => model.describeTarget(r).startsWith("object once_"));
    // Both the test (cmpb $0) and the store (movb $1) of the flag are found as the flag.
    expect(flagRefs.length).toBeGreaterThanOrEqual(2);
    expect(flagRefs.some((r) => pcRelativeBias(code, fn.start + Number(r.offset)) === 5)).toBe(
      true,
    );
  });

  it("resolves a changed function's flag to the hypervisor's copy, by its file and name", () => {
    const diff = diffObjects(compile("once2", source("first")), compile("once3", source("second")));
    expect(diff.changed.map((c) => c.unit.name)).toEqual(["warn_once"]);
    const payload = emitPayloadSource([diff]);
    expect(payload.text).toMatch(/"once2\.c#once_\.\d+"/);
    expect(payload.text).not.toMatch(/\.data\.xlci/); // no writable data copied
  });
});

describe("init code beside runtime code", () => {
  const source = (init: string, run: string) => `
int say(const char *);
__attribute__((section(".init.text"))) int setup(void) { return say("${init}"); }
int runtime(void) { return say("${run}"); }
`;

  it("refuses by default, naming the init function and how to go on", () => {
    const diff = diffObjects(compile("i1", source("a", "b")), compile("i2", source("A", "B")));
    expect(diff.initChanges.map((c) => c.name)).toEqual(["setup"]);
    expect(() => emitPayloadSource([diff])).toThrow(
      /setup \(.*i2\.o\) is init code .*ignore-init-changes/s,
    );
  });

  it("on request builds the runtime part and lists the init change as ignored", () => {
    const diff = diffObjects(compile("i3", source("a", "b")), compile("i4", source("A", "B")));
    const payload = emitPayloadSource([diff], { ignoreInitChanges: true });
    expect(payload.functions.map((f) => f.name)).toEqual(["runtime"]);
    expect(payload.ignored.map((c) => c.name)).toEqual(["setup"]);
  });

  it("refuses a patch of init code only, even on request", () => {
    const diff = diffObjects(compile("i5", source("a", "b")), compile("i6", source("A", "b")));
    expect(() => emitPayloadSource([diff], { ignoreInitChanges: true })).toThrow(
      /changes only init code \(setup\)/,
    );
  });
});

describe("data layouts from pahole", () => {
  it("reads each structure's size and members, and turns Xen's recorded command into a -g one", () => {
    const layouts = parsePahole(
      [
        "struct timers {",
        "\tspinlock_t                 lock;                 /*     0     8 */",
        "\tstruct list_head           inactive;             /*     8    16 */",
        "\tunsigned int               flag:1;               /*    24: 0  4 */",
        "",
        "\t/* size: 128, cachelines: 2, members: 3 */",
        "\t/* padding: 100 */",
        "} __attribute__((__aligned__(128)));",
        "union u {",
        "\tint                        a;                    /*     0     4 */",
        "};",
      ].join("\n"),
    );
    expect([...layouts.keys()]).toEqual(["struct timers", "union u"]);
    const timers = layouts.get("struct timers")!;
    expect(timers.size).toBe("128");
    expect([...timers.members.entries()]).toEqual([
      ["lock", "spinlock_t at 0 (8 bytes)"],
      ["inactive", "struct list_head at 8 (16 bytes)"],
      ["flag", "unsigned int at 24 (4 bytes)"],
    ]);
    const recorded = recordedCommand(
      "cmd_common/timer.o := gcc -MMD -MP -MF common/.timer.o.d -O2 -c common/timer.c -o common/.timer.o.tmp -MQ common/timer.o\n\nsource_common/timer.o := common/timer.c\n",
      "common/timer.o",
    );
    expect(debugCommand(recorded!, "/tmp/t.o")).toBe("gcc -O2 -c common/timer.c -o /tmp/t.o -g");
    expect(debugCommand("gcc -c arch/x86/entry.S -o x.o", "/tmp/t.o")).toBeUndefined();
  });
});
