// Issue 21, items 1 and 2 in the builder: a changed function that stores into memory Xen
// maps read-only after boot, and a patch that adds per-CPU data, are refused by name; a
// load hook's store, a read, and the hypervisor's existing per-CPU data are not.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeMemoryStores, loadX86Decoder, storeInto } from "../../src/livepatch/xen-code.js";
import { emitPayloadSource } from "../../src/patch/emit.js";
import { diffObjects } from "../../src/patch/object-diff.js";
import { checkPatchability } from "../../src/patch/patchability.js";
import { ObjectModel } from "../../src/patch/object-model.js";

const dir = mkdtempSync(join(tmpdir(), "xlci-runtime-data-"));

// Xen's shapes (xen/include/xen/init.h, xen/include/xen/percpu.h, xen/livepatch_payload.h),
// every symbol hidden as Xen's compiler.h makes them, so -fpic code reaches them PC-relative.
const HEADER = `
#pragma GCC visibility push(hidden)
#define __ro_after_init __attribute__((__section__(".data.ro_after_init")))
#define DEFINE_PER_CPU(type, name) \\
  __attribute__((__section__(".bss.percpu"))) __typeof__(type) per_cpu__##name
#define this_cpu(name) (*(__typeof__(&per_cpu__##name))((char *)&per_cpu__##name + cpu_offset()))
unsigned long cpu_offset(void);
typedef void (*hook_t)(void);
int limit __ro_after_init = 4;
static DEFINE_PER_CPU(unsigned int, calls);
`;

/** Each version as limits.c in a directory of its own: its local symbols are `limits.c#...`. */
function compile(name: string, source: string): ObjectModel {
  mkdirSync(join(dir, name));
  const c = join(dir, name, "limits.c");
  const o = join(dir, name, "limits.o");
  writeFileSync(c, `${HEADER}\n${source}\n`);
  execFileSync("gcc", ["-c", "-O2", "-ffunction-sections", "-fdata-sections", "-fpic", c, "-o", o]);
  return new ObjectModel("xen/common/limits.o", new Uint8Array(readFileSync(o)));
}

const BASE = `
int get_limit(void) { this_cpu(calls)++; return limit; }
`;

beforeAll(loadX86Decoder);

describe("memory stores, decoded", () => {
  it("finds the memory-destination forms with a 32-bit displacement, and no load, lea or immediate", () => {
    const code = new Uint8Array([
      ...[0x89, 0x05, 0, 0, 0, 0], // mov %eax,0(%rip)
      ...[0x8b, 0x05, 0, 0, 0, 0], // mov 0(%rip),%eax
      ...[0x48, 0x8d, 0x05, 0, 0, 0, 0], // lea 0(%rip),%rax
      ...[0xff, 0x05, 0, 0, 0, 0], // incl 0(%rip)
      ...[0xc7, 0x05, 0, 0, 0, 0, 1, 0, 0, 0], // movl $1,0(%rip)
      ...[0xf0, 0x0f, 0xb1, 0x0d, 0, 0, 0, 0], // lock cmpxchg %ecx,0(%rip)
      ...[0x89, 0x07], // mov %eax,(%rdi): no displacement to name a variable
    ]);
    const stores = decodeMemoryStores(code, 0, code.length);
    expect(stores.map((s) => [s.offset, s.field, s.end])).toEqual([
      [0, 2, 6],
      [19, 21, 25],
      [25, 27, 35],
      [35, 39, 43],
    ]);
    expect(storeInto(stores[2]!, "opt_dit")).toBe("movl $1,opt_dit(%rip)");
  });
});

describe("runtime data in the builder", () => {
  it("refuses a changed function's store into __ro_after_init data, naming function, instruction and variable", () => {
    const diff = diffObjects(
      compile("store-a", BASE),
      compile("store-b", `int get_limit(void) { this_cpu(calls)++; limit = 8; return limit; }`),
    );
    expect(diff.refusals).toEqual([
      expect.stringMatching(
        /^get_limit \(xen\/common\/limits\.o\) stores into limit \(\.data\.ro_after_init\) with `movl \$(0x)?8,.*` at \+0x[0-9a-f]+: the hypervisor maps it read-only once it has booted/,
      ),
    ]);
  });

  it("lets a load hook store there, and changed code read it", () => {
    const diff = diffObjects(
      compile("hook-a", BASE),
      compile(
        "hook-b",
        `int get_limit(void) { this_cpu(calls) += 2; return limit; }
static void set_limit(void) { limit = 8; }
__attribute__((__used__, __section__(".livepatch.hooks.load"))) static hook_t hook = set_limit;`,
      ),
    );
    expect(diff.changed.map((c) => c.unit.name)).toEqual(["get_limit"]);
    expect(diff.refusals).toEqual([]);
  });

  it("refuses a new per-CPU variable by name; the object's existing one is the hypervisor's", () => {
    const diff = diffObjects(
      compile("percpu-a", BASE),
      compile(
        "percpu-b",
        `static DEFINE_PER_CPU(unsigned int, misses);
int get_limit(void) { this_cpu(calls)++; this_cpu(misses)++; return limit; }`,
      ),
    );
    expect(diff.refusals).toEqual([
      expect.stringMatching(
        /^limits\.c#per_cpu__misses \(xen\/common\/limits\.o\) is a new per-CPU variable \(DEFINE_PER_CPU, \.bss\.percpu\): Xen has no per-CPU area for a payload/,
      ),
    ]);
  });
});

describe("changed read-only data", () => {
  const TABLE = (third: number) => `
static const int limits[4] = { 1, 2, ${third}, 4 };
int limit_of(int i) { return limits[i & 3]; }
int limit_sum(int n) { int s = 0; for (int i = 0; i < n && i < 4; i++) s += limits[i]; return s; }
__attribute__((__section__(".init.text"))) int limit_boot(int i) { return limits[(i + 1) & 3]; }
int lookup(int i) { switch (i) { case 0: return 7; case 1: return 9; case 2: return 11; case 3: return 13; case 4: return 17; case 5: return 19; default: return 0; } }
`;

  it("refuses by default, naming the table, its runtime readers and its init readers", () => {
    const diff = diffObjects(compile("const-a", TABLE(3)), compile("const-b", TABLE(30)));
    const refusals = checkPatchability({ diffs: [diff], functionEntries: 2 });
    expect(refusals).toEqual([
      "the read-only data limits.c#limits (xen/common/limits.o) changed; its runtime readers are limit_of, limit_sum; init readers limit_boot: the hypervisor's table keeps its contents, and only a copy in the payload could change, leaving every other pointer to the old one; to give the payload its own copy and patch every runtime reader (listed in the report), set copy-changed-constants (--copy-changed-constants true)",
      expect.stringMatching(/^limit_boot \(xen\/common\/limits\.o\) is init code/),
      expect.stringMatching(/^to build the runtime part of the patch/),
    ]);
  });

  it("on request copies it and patches its runtime readers", () => {
    const diff = diffObjects(compile("copy-a", TABLE(3)), compile("copy-b", TABLE(30)));
    expect(diff.changed.map((c) => c.unit.name)).toEqual(["limit_of", "limit_sum"]);
    const source = emitPayloadSource([diff], {
      copyChangedConstants: true,
      ignoreInitChanges: true,
    });
    expect(source.functions.map((f) => f.name)).toEqual(["limit_of", "limit_sum"]);
    expect(source.notes).toContain("limits.c#limits: changed constant copied into the payload");
  });

  it("takes a switch's lookup table along with its function, unasked", () => {
    const a = compile("switch-a", TABLE(3));
    const b = compile("switch-b", TABLE(3).replace("return 19", "return 23"));
    const diff = diffObjects(a, b);
    expect(diff.changed.map((c) => c.unit.name)).toEqual(["lookup"]);
    expect(checkPatchability({ diffs: [diff], functionEntries: 1 })).toEqual([]);
  });
});
