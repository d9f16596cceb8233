// Issue 21, items 1 and 2 in the builder: a changed function that stores into memory Xen
// maps read-only after boot, and a patch that adds per-CPU data, are refused by name; a
// load hook's store, a read, and the hypervisor's existing per-CPU data are not.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeMemoryStores, loadX86Decoder, storeInto } from "../../src/livepatch/xen-code.js";
import { diffObjects } from "../../src/patch/object-diff.js";
import { ObjectModel } from "../../src/patch/object-model.js";

const dir = mkdtempSync(join(tmpdir(), "xlci-runtime-data-"));

// Xen's shapes (xen/include/xen/init.h, xen/include/xen/percpu.h, xen/livepatch_payload.h).
const HEADER = `
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
  execFileSync("gcc", [
    "-c",
    "-O2",
    "-ffunction-sections",
    "-fno-pic",
    "-mcmodel=kernel",
    c,
    "-o",
    o,
  ]);
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
