// The lines of asm-offsets.h in the compiler's output, as xen/build.mk's sed takes them.
import { describe, expect, it } from "vitest";
import { offsetLines } from "../../src/patch/asm-offsets.js";

describe("offsetLines", () => {
  it("keeps what is between ==> and <== of each marker line, as build.mk's sed does", () => {
    const assembly = [
      '\t.file\t"asm-offsets.c"',
      '# 0 "" 2',
      '\t.ascii "==>#define UREGS_r15 $0 /* offsetof(struct cpu_user_regs, r15) */<=="',
      '#APP\n\t.ascii "==>#define VCPU_processor $4 <=="',
      '\t.ascii "==><=="',
      "\tret",
    ].join("\n");
    expect(offsetLines(assembly)).toEqual([
      "#define UREGS_r15 0 /* offsetof(struct cpu_user_regs, r15) */",
      "#define VCPU_processor 4 ",
      "",
    ]);
  });
});
