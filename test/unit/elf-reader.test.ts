// The reader on hostile input built by hand: every defect is a clear ElfFormatError naming
// the file, never a crash or an allocation the size of a lying header.
import { describe, expect, it } from "vitest";
import { ElfFormatError, parseElf, parseNotes } from "../../src/elf/reader.js";

/** A minimal valid ELF64 header for an x86-64 relocatable object with no sections. */
function header(): Uint8Array {
  const b = new Uint8Array(64);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  const v = new DataView(b.buffer);
  v.setUint16(16, 1, true); // ET_REL
  v.setUint16(18, 62, true); // EM_X86_64
  v.setUint32(20, 1, true);
  v.setUint16(52, 64, true);
  v.setUint16(58, 64, true);
  return b;
}

function problem(bytes: Uint8Array): string {
  try {
    parseElf(bytes, "evil.livepatch");
  } catch (e) {
    expect(e).toBeInstanceOf(ElfFormatError);
    expect((e as Error).message).toMatch(/^evil\.livepatch: /);
    return (e as ElfFormatError).problem;
  }
  throw new Error("parsed without error");
}

describe("ELF reader", () => {
  it("reads a bare header", () => {
    const elf = parseElf(header(), "ok.o");
    expect(elf.header.type).toBe(1);
    expect(elf.header.machine).toBe(62);
    expect(elf.sections).toEqual([]);
  });

  it("refuses what is not ELF64 little-endian", () => {
    expect(problem(new Uint8Array([1, 2, 3]))).toContain("not an ELF file");
    const elf32 = header();
    elf32[4] = 1;
    expect(problem(elf32)).toContain("not a 64-bit");
    const big = header();
    big[5] = 2;
    expect(problem(big)).toContain("not a little-endian");
    expect(problem(header().subarray(0, 40))).toContain("truncated");
  });

  it("refuses a section header table outside the file, whatever its claimed size", () => {
    const b = header();
    const v = new DataView(b.buffer);
    v.setBigUint64(40, 0xffffffffffff0000n, true);
    v.setUint16(60, 65535, true);
    expect(problem(b)).toContain("lies outside the file");
    v.setBigUint64(40, 64n, true);
    v.setUint16(58, 16, true);
    expect(problem(b)).toContain("entry size 16");
  });

  it("reads notes and refuses one that runs past its section", () => {
    const note = new Uint8Array(12 + 4 + 4);
    const v = new DataView(note.buffer);
    v.setUint32(0, 4, true);
    v.setUint32(4, 4, true);
    v.setUint32(8, 3, true);
    note.set([0x47, 0x4e, 0x55, 0, 0xde, 0xad, 0xbe, 0xef], 12);
    const notes = parseNotes(note, (p) => new Error(p));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.name).toBe("GNU");
    expect([...notes[0]!.desc]).toEqual([0xde, 0xad, 0xbe, 0xef]);
    v.setUint32(4, 0xfffffff0, true);
    expect(() => parseNotes(note, (p) => new Error(p))).toThrow(/runs past the section/);
  });
});
