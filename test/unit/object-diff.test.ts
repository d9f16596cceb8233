// The object comparison and payload writing on small objects compiled here with the
// hypervisor's section flags: what counts as a change, and what is refused.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitPayloadSource } from "../../src/patch/emit.js";
import { diffObjects } from "../../src/patch/object-diff.js";
import { ObjectModel } from "../../src/patch/object-model.js";

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
});
