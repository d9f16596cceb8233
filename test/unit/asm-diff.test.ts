// Assembly objects through the object comparison and payload writing: routines assembled
// here with Xen's FUNC()/END() shapes (xen/include/xen/linkage.h, 4.19 on), several in one
// section as in Xen's .S files. What the assembler resolved between routines, entries into
// a routine's body, fall-through, code outside any routine, entry code, untyped assembly
// before 4.19, boot objects by path, and debug sections and notes left out.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadX86Decoder } from "../../src/livepatch/xen-code.js";
import { bootCode } from "../../src/patch/build.js";
import { PatchRefusal, emitPayloadSource } from "../../src/patch/emit.js";
import { type DiffOptions, diffObjects, isEntryCode } from "../../src/patch/object-diff.js";
import { ObjectModel } from "../../src/patch/object-model.js";

const dir = mkdtempSync(join(tmpdir(), "xlci-asm-diff-"));

// Xen's x86 shapes: global routines are hidden; FUNC aligns on 16 with CODE_FILL (nop).
const LINKAGE = `
#define FUNC(n) .type n, @function; .globl n; .hidden n; .balign 16, 0x90; n:
#define FUNC_LOCAL(n) .type n, @function; .balign 16, 0x90; n:
#define LABEL(n) .type n, @notype; .globl n; .hidden n; n:
#define END(n) .size n, . - n
`;

function assemble(name: string, source: string): ObjectModel {
  const s = join(dir, `${name}.S`);
  const o = join(dir, `${name}.o`);
  writeFileSync(s, `${LINKAGE}\n.file "x86_64/${name}.S"\n${source}\n`);
  execFileSync("gcc", ["-c", "-g", "-Wa,--noexecstack", s, "-o", o]);
  return new ObjectModel(`xen/arch/x86/${name}.o`, new Uint8Array(readFileSync(o)));
}

function refusals(original: ObjectModel, patched: ObjectModel, options: DiffOptions = {}) {
  try {
    emitPayloadSource([diffObjects(original, patched, options)]);
    return [];
  } catch (e) {
    if (!(e instanceof PatchRefusal)) throw e;
    return e.reasons;
  }
}

const XEN_4_17 = { major: 4, minor: 17, patch: 5, text: "4.17.5" };
const XEN_4_21 = { major: 4, minor: 21, patch: 2, text: "4.21.2" };

beforeAll(loadX86Decoder);

const routines = (grow: string, body = "") => `
        .text
FUNC(first)
        ${grow}
        call  helper
        call  last
        ret
END(first)
FUNC_LOCAL(helper)
        lea   table(%rip), %rax
${body}
        ret
END(helper)
FUNC(last)
        mov   $1, %eax
        ret
END(last)
        .data
table:  .quad 0
`;

describe("assembly routines sharing a section", () => {
  it("turns branches the assembler resolved between routines into relocations", () => {
    const model = assemble("calls", routines(""));
    const first = model.units.find((u) => u.name === "first")!;
    // call helper, call last: no relocation in the object, one each in the model.
    expect(first.relas.map((r) => model.describeTarget(r))).toEqual([
      "function helper-4",
      "function last-4",
    ]);
  });

  it("sees routines that only moved as unchanged, and patches the changed one", () => {
    const original = assemble("moved-a", routines(""));
    const patched = assemble("moved-b", routines("nop; nop; nop"));
    const diff = diffObjects(original, patched);
    expect(diff.changed.map((c) => c.original.xenName)).toEqual(["first"]);
    expect(diff.refusals).toEqual([]);
    const source = emitPayloadSource([diff]);
    // The copy reaches the hypervisor's routines by name, the static one by file#name.
    expect(source.text).toContain('R_X86_64_PC32,"x86_64/moved-a.S#helper"-4');
    expect(source.text).toContain('R_X86_64_PLT32,"last"-4');
    expect(source.functions.map((f) => f.name)).toEqual(["first"]);
  });

  it("refuses a routine entered elsewhere than at its start: a global label, a jump from another routine", () => {
    const body = (extra: string) => `
        .text
FUNC(other)
        jmp   inner
END(other)
FUNC(outer)
        mov   $1, %eax
LABEL(inner)
        mov   $2, %eax
${extra}
        ret
END(outer)
`;
    const reasons = refusals(assemble("entry-a", body("")), assemble("entry-b", body("nop")));
    expect(reasons.join("\n")).toMatch(
      /outer \(xen\/arch\/x86\/entry-b\.o\) is entered elsewhere than at its start \(the global label inner at \+5; a jump or reference from other to \+5\)/,
    );
  });

  it("refuses a routine that falls through into the next one", () => {
    const body = (extra: string) => `
        .text
FUNC(falls)
        mov   $1, %eax
        ${extra}
END(falls)
FUNC(next)
        ret
END(next)
`;
    expect(refusals(assemble("fall-a", body("")), assemble("fall-b", body("inc %eax")))).toEqual([
      "falls (xen/arch/x86/fall-b.o) cannot run from a payload as it is: it has no jump or return as its last instruction: it falls through into what follows it",
    ]);
  });

  it("refuses a jump to code outside any routine (UNLIKELY_START code after several)", () => {
    const body = (extra: string) => `
        .text
FUNC(before)
        ret
END(before)
FUNC(checks)
        test  %eax, %eax
        jz    .Lrare
.Lback:
        ${extra}
        ret
END(checks)
        .subsection 1
.Lrare:
        xor   %eax, %eax
        jmp   .Lback
        .subsection 0
`;
    const reasons = refusals(assemble("rare-a", body("")), assemble("rare-b", body("inc %eax")));
    expect(reasons.join("\n")).toMatch(
      /checks \(xen\/arch\/x86\/rare-b\.o\) cannot run from a payload as it is: it has a (short jump|reference) at \+2 to \.text\+0x\w+ \(after checks\)/,
    );
    // The code after it jumps back into its body: it is entered there too.
    expect(reasons.join("\n")).toMatch(/is entered elsewhere than at its start/);
  });

  it("refuses a change to code outside any routine; the only routine of a section owns what follows it", () => {
    const body = (extra: string) => `
        .text
FUNC(plain)
        ret
END(plain)
FUNC(plain2)
        ret
END(plain2)
loose:
        mov   $1, %eax
        ${extra}
        ret
`;
    const reasons = refusals(assemble("loose-a", body("")), assemble("loose-b", body("inc %eax")), {
      xenVersion: XEN_4_21,
    });
    expect(reasons).toEqual([
      "xen/arch/x86/loose-b.o: the code at loose in .text changed, and holds code outside any function symbol (assembly without FUNC()/END(), or .type @function and .size): it cannot be patched function by function",
    ]);
    // Alone in its section, a routine takes the code after it along (as C functions whose
    // inline assembly puts a ud2 after their end).
    const alone = (extra: string) => `
        .text
FUNC(owner)
        test  %eax, %eax
        jz    .Ltail
        ret
END(owner)
.Ltail:
        mov   $1, %eax
        ${extra}
        ret
`;
    const original = assemble("alone-a", alone(""));
    const diff = diffObjects(original, assemble("alone-b", alone("inc %eax")));
    expect(original.units.map((u) => [u.name, u.size, u.symbol.size])).toEqual([["owner", 11, 5]]);
    expect(diff.changed.map((c) => [c.original.xenName, c.why])).toEqual([
      ["owner", "its size changed from 11 to 13 bytes"],
    ]);
    expect(emitPayloadSource([diff]).functions.map((f) => [f.name, f.size])).toEqual([
      ["owner", 13],
    ]);
  });

  it("refuses entry code with the XPTI reason, naming the routine", () => {
    const body = (extra: string) => `
        .section .text.entry, "ax", @progbits
FUNC(syscall_enter)
        ${extra}
        mov   $1, %eax
        ret
END(syscall_enter)
`;
    const reasons = refusals(assemble("xpti-a", body("")), assemble("xpti-b", body("nop")));
    expect(reasons).toEqual([
      "syscall_enter (xen/arch/x86/xpti-b.o) is in .text.entry, entry code that runs under XPTI before Xen switches to its full page tables; only .text.entry is mapped there (setup_cpu_root_pgt()), not a payload's text, so it cannot be livepatched",
    ]);
    expect(isEntryCode({ name: ".text.entry.__x86_return_thunk" })).toBe(true);
    expect(isEntryCode({ name: ".text.entryfoo" })).toBe(false);
  });
});

describe("alternatives and exception-table entries of a routine", () => {
  it("come along with its copy, reaching the copy and its fixup", () => {
    const body = (extra: string) => `
        .text
FUNC(other)
        ret
END(other)
FUNC(reader)
        ${extra}
1:      mov   8(%rdi), %rax
2:      ret
END(reader)
        .section .fixup, "ax", @progbits
3:      xor   %eax, %eax
        jmp   2b
        .section .ex_table, "a", @progbits
        .long 1b - ., 3b - .
`;
    const diff = diffObjects(assemble("ex-a", body("")), assemble("ex-b", body("inc %eax")));
    expect(diff.changed.map((c) => c.original.xenName)).toEqual(["reader"]);
    const text = emitPayloadSource([diff]).text;
    // The entry's instruction is in the copy; its fixup is copied and jumps back into it.
    expect(text).toMatch(/\.section "\.ex_table"/);
    expect(text).toMatch(/\.reloc \.Lxlci\d+\+0,R_X86_64_PC32,"reader"\+2/);
    expect(text).toMatch(/\.section "\.fixup"/);
    expect(text).toMatch(/R_X86_64_PC32,"reader"\+\d+/);
  });
});

describe("tables Xen's loader does not register for a payload", () => {
  it("refuses a routine with .ex_table.pre entries", () => {
    const body = (extra: string) => `
        .text
FUNC(guarded)
1:      mov   8(%rdi), %rax
        ${extra}
        ret
END(guarded)
        .section .ex_table.pre, "a", @progbits
        .long 1b - ., 1b - .
`;
    expect(refusals(assemble("pre-a", body("")), assemble("pre-b", body("inc %eax")))).toEqual([
      "guarded (xen/arch/x86/pre-b.o) has entries in .ex_table.pre, which Xen's livepatch loader does not register for a payload's code",
    ]);
  });
});

describe("ENDBR64 at a routine's start", () => {
  it("counts toward the bytes the jump needs: Xen writes it after the ENDBR64", () => {
    const body = (value: number) => `
        .text
FUNC(tiny)
        endbr64
        mov   $${value}, %al
        ret
END(tiny)
`;
    expect(refusals(assemble("endbr-a", body(1)), assemble("endbr-b", body(2)))).toEqual([
      "tiny (xen/arch/x86/endbr-b.o) is 7 bytes in the base, shorter than the 5-byte jump a livepatch writes over it after its ENDBR64",
    ]);
  });
});

describe("untyped assembly (before Xen 4.19)", () => {
  // ENTRY()/GLOBAL() in 4.17: a global label, no type, size 0.
  const body = (extra: string) => `
        .text
        .globl switch_to_kernel
switch_to_kernel:
        mov   $1, %eax
        ${extra}
        ret
`;
  it("says from which version assembly routines can be patched", () => {
    const original = assemble("untyped-a", body(""));
    const patched = assemble("untyped-b", body("inc %eax"));
    expect(refusals(original, patched, { xenVersion: XEN_4_17 })).toEqual([
      "xen/arch/x86/untyped-b.o: the code at switch_to_kernel+0x5 in .text changed, and is assembly without function types or sizes: Xen 4.17.5 writes its assembly routines as untyped labels (ENTRY()/GLOBAL(), size 0), which cannot be patched routine by routine; assembly routines can be patched from Xen 4.19 on, where FUNC()/END() give them a type and a size",
    ]);
    expect(refusals(original, patched, { xenVersion: XEN_4_21 })[0]).toMatch(
      /holds code outside any function symbol/,
    );
  });
});

describe("what is never payload content", () => {
  it("leaves debug sections and notes out, and sees no change where only they differ", () => {
    const c = (name: string, source: string) => {
      const file = join(dir, `${name}.c`);
      const o = join(dir, `${name}.o`);
      writeFileSync(file, source);
      // As Xen 4.18.4+ with DEBUG_INFO=y, IBT and --noexecstack (4.19.5+) build C.
      execFileSync("gcc", [
        "-O2",
        "-g",
        "-ffunction-sections",
        "-fdata-sections",
        "-fcf-protection=branch",
        "-Wa,--noexecstack",
        "-c",
        file,
        "-o",
        o,
      ]);
      return new ObjectModel(`xen/common/${name}.o`, new Uint8Array(readFileSync(o)));
    };
    // Big enough for the jump after ENDBR64 (-fcf-protection).
    const EXTERN = "int h(int);\n";
    const original = c(
      "debug-a",
      `${EXTERN}int f(int x) { return h(x) + 1; }\nint g(int x) { return x; }\n`,
    );
    const sections = original.elf.sections.map((s) => s.name);
    expect(sections).toEqual(
      expect.arrayContaining([
        ".debug_info",
        ".debug_line",
        ".note.gnu.property",
        ".note.GNU-stack",
      ]),
    );
    // Two lines more above: only the debug information (line numbers) differs.
    const moved = c(
      "debug-b",
      `${EXTERN}\n\nint f(int x) { return h(x) + 1; }\nint g(int x) { return x; }\n`,
    );
    const same = diffObjects(original, moved);
    expect([same.changed, same.added, same.refusals]).toEqual([[], [], []]);

    const changed = c(
      "debug-c",
      `${EXTERN}\n\nint f(int x) { return h(x) + 2; }\nint g(int x) { return x; }\n`,
    );
    const diff = diffObjects(original, changed);
    expect(diff.changed.map((d) => d.original.xenName)).toEqual(["f"]);
    const text = emitPayloadSource([diff]).text;
    expect(text).not.toMatch(/\.debug|\.note/);
  });
});

describe("boot code", () => {
  it("is a 32-bit object, or any object of xen/arch/x86/boot (64-bit ones from Xen 4.20)", () => {
    const elf64 = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2]);
    const elf32 = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 1]);
    expect(bootCode("xen/arch/x86/boot/reloc-trampoline.o", elf64)).toBe(
      "an object of xen/arch/x86/boot",
    );
    expect(bootCode("xen/arch/x86/boot/built-in-32.o", elf64)).toBe(
      "an object of xen/arch/x86/boot",
    );
    expect(bootCode("xen/arch/x86/efi/relocs-dummy.o", elf32)).toBe("a 32-bit object");
    expect(bootCode("xen/arch/x86/setup.o", elf64)).toBeUndefined();
  });
});
