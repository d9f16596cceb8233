/**
 * Defects of issue 21's verifier rules (src/verify/kinds.ts), made from xen_hello_world:
 * a store into the hypervisor's read-only-after-boot data, what the loader trusts in a
 * function entry, and per-CPU data of the payload's own. Concatenated into DEFECTS.
 */
import { STT_FUNC } from "../../../src/elf/constants.js";
import { type ElfFile, type ElfSection, parseElf } from "../../../src/elf/reader.js";
import type { XenSyms } from "../../../src/livepatch/xen-syms.js";
import { LIVEPATCH_FUNC } from "../../../src/xen/abi.js";
import type { Defect } from "./shared.js";
import {
  findSection,
  findSymbol,
  replaceSectionData,
  setRelaField,
  setSymbolField,
  writeSectionBytes,
} from "../elf-mutate.js";

const HELLO = "xen_hello_world";
const HELLO_TEXT = ".text.xen_hello_world";

/** A __ro_after_init variable of 4.17's xen-syms (xen/common/kernel.c). */
const READ_ONLY_VARIABLE = "opt_dit";
/**
 * A 2-byte function of 4.17's xen-syms (xen/arch/x86/mm.c) followed by alignment padding:
 * too small for the 5-byte jump, whose end lands in the padding.
 */
const TINY_FUNCTION = "__set_fixmap_x";

/**
 * xen_hello_world's `lea .LC1(%rip),%rax` turned into `mov %rax,X(%rip)`, with X the
 * hypervisor's READ_ONLY_VARIABLE (the relocation against its undefined xen_extra_version
 * with the distance as addend): the replacement of xen_extra_version stores there when it
 * runs.
 */
function storeIntoReadOnly(bytes: Uint8Array, xen: XenSyms): Uint8Array {
  const elf = parseElf(bytes, "(lookup)");
  const text = findSection(elf, HELLO_TEXT);
  const code = elf.data(text);
  const rela = findSection(elf, `.rela${HELLO_TEXT}`);
  const entries = elf.relocations(rela);
  // REX.W 8d /r with a RIP-relative operand (ModRM mod 00, r/m 101).
  const i = entries.findIndex((r) => {
    const at = Number(r.offset);
    return code[at - 3] === 0x48 && code[at - 2] === 0x8d && (code[at - 1]! & 0xc7) === 0x05;
  });
  if (i < 0) throw new Error(`no RIP-relative lea in ${HELLO_TEXT}`);
  const field = Number(entries[i]!.offset);
  const anchor = xen.lookup("xen_extra_version");
  const variable = xen.lookup(READ_ONLY_VARIABLE);
  if (!anchor || !variable) throw new Error(`${xen.file} lacks xen_extra_version or opt_dit`);
  let out = writeSectionBytes(bytes, HELLO_TEXT, field - 2, [0x89]);
  out = setRelaField(out, rela.name, i, "symbol", findSymbol(elf, "xen_extra_version").index);
  // The operand is relative to the instruction's end, 4 bytes past the field.
  out = setRelaField(out, rela.name, i, "addend", variable.value - anchor.value - 4n);
  return withLeaInPadding(out, elf, rela, field + 4, i);
}

/**
 * xen_hello_world's `lea .LC1(%rip),%rax` pointed at xen_hello_world itself, the
 * replacement its function entry installs: the code takes the copy's address as data. The
 * string stays referenced through a copy of the lea (withLeaInPadding).
 */
function leaOfReplacement(bytes: Uint8Array): Uint8Array {
  const elf = parseElf(bytes, "(lookup)");
  const code = elf.data(findSection(elf, HELLO_TEXT));
  const rela = findSection(elf, `.rela${HELLO_TEXT}`);
  const i = elf.relocations(rela).findIndex((r) => {
    const at = Number(r.offset);
    return code[at - 3] === 0x48 && code[at - 2] === 0x8d && (code[at - 1]! & 0xc7) === 0x05;
  });
  if (i < 0) throw new Error(`no RIP-relative lea in ${HELLO_TEXT}`);
  const field = Number(elf.relocations(rela)[i]!.offset);
  let out = setRelaField(bytes, rela.name, i, "symbol", findSymbol(elf, HELLO).index);
  // The operand is relative to the instruction's end, 4 bytes past the field.
  out = setRelaField(out, rela.name, i, "addend", -4n);
  return withLeaInPadding(out, elf, rela, field + 4, i);
}

/**
 * The lea that storeIntoReadOnly() turned into a store, written again into the 7-byte
 * `nopl 0x0(%rax)` padding after the `jmp` that follows it (never run), with a copy of its
 * relocation: the string stays referenced, so the store is the payload's only defect.
 */
function withLeaInPadding(
  bytes: Uint8Array,
  elf: ElfFile,
  rela: ElfSection,
  jumpAt: number,
  leaRela: number,
): Uint8Array {
  const code = elf.data(findSection(elf, HELLO_TEXT));
  const padAt = jumpAt + 5;
  const PAD = [0x0f, 0x1f, 0x80, 0, 0, 0, 0];
  if (code[jumpAt] !== 0xe9 || PAD.some((b, k) => code[padAt + k] !== b)) {
    throw new Error(`${HELLO_TEXT} has no jmp and 7-byte nopl after its lea`);
  }
  const out = writeSectionBytes(bytes, HELLO_TEXT, padAt, [0x48, 0x8d, 0x05, 0, 0, 0, 0]);
  // The relocations as storeIntoReadOnly() left them, with the lea's own copied.
  const now = parseElf(out, "(lookup)");
  const entries = now.data(findSection(now, rela.name));
  const size = rela.entsize;
  const grown = new Uint8Array(entries.length + size);
  grown.set(entries);
  grown.set(elf.data(rela).subarray(leaRela * size, (leaRela + 1) * size), entries.length);
  // r_offset, the first field: the copy's displacement field.
  new DataView(grown.buffer).setBigUint64(entries.length, BigInt(padAt + 3), true);
  return replaceSectionData(out, rela.name, grown);
}

/** The payload with symbol `from` renamed to `to`, appended to the symbol string table. */
function withSymbolName(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const elf = parseElf(bytes, "(lookup)");
  const strtab = findSection(elf, elf.symbolTables()[0]!.link);
  const names = elf.data(strtab);
  const grown = new Uint8Array(names.length + to.length + 1);
  grown.set(names);
  grown.set(Buffer.from(to, "latin1"), names.length);
  const out = replaceSectionData(bytes, strtab.name, grown);
  return setSymbolField(out, findSymbol(elf, from).index, "name", names.length);
}

/** xen_hello_world's xen_extra_version, size of xen-syms' function. */
function helloOldSize(xen: XenSyms): number {
  const sym = xen.elf.symbols().find((s) => s.name === "xen_extra_version" && s.type === STT_FUNC);
  if (!sym) throw new Error(`${xen.file} has no xen_extra_version`);
  return sym.size;
}

const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];

export const KIND_DEFECTS: readonly Defect[] = [
  {
    rule: "store-read-only",
    title: "xen_hello_world's new code stores into opt_dit, a __ro_after_init variable",
    payload: HELLO,
    mutate: (b, _, xen) => storeIntoReadOnly(b, xen),
    names: {
      message:
        /^xen_hello_world\+0x[0-9a-f]+: `mov %rax,xen_extra_version\(%rip\)` stores into opt_dit, which is in __ro_after_init of /,
      location: { section: HELLO_TEXT },
    },
  },
  {
    rule: "func-address-taken",
    title: "xen_hello_world's new code takes its own address with a lea (as a callback would)",
    payload: HELLO,
    mutate: (b) => leaOfReplacement(b),
    names: {
      message:
        /^xen_hello_world\+0x[0-9a-f]+ takes the address of the payload's own xen_extra_version \(the replacement its function entry installs\) as data/,
      location: { section: HELLO_TEXT },
    },
  },
  {
    rule: "func-old-size-mismatch",
    title: "xen_hello_world's old_size one byte short of xen_extra_version's size",
    payload: HELLO,
    mutate: (b, _, xen) =>
      writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, u32(helloOldSize(xen) - 1)),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) has old_size \d+ but xen_extra_version is \d+ bytes in /,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-symbol-too-short",
    title: "xen_hello_world patching __set_fixmap_x, 2 bytes, with old_size 5",
    payload: HELLO,
    mutate: (b) =>
      writeSectionBytes(
        withSymbolName(b, "xen_extra_version", TINY_FUNCTION),
        ".livepatch.funcs",
        LIVEPATCH_FUNC.oldSize,
        u32(5),
      ),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) patches __set_fixmap_x, which is 2 bytes in .*: smaller than the 5-byte jump Xen writes over it/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-reserved-disabled",
    title: "a reserved bit of xen_hello_world's disabled expectation set",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [0x40]),
    names: {
      message:
        "function entry 0 (xen_extra_version) has a disabled expectation with reserved bits set (1)",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "percpu-new",
    title: "xen_hello_world's counter renamed per_cpu__cnt, as DEFINE_PER_CPU names it",
    payload: HELLO,
    mutate: (b) => withSymbolName(b, "cnt", "per_cpu__cnt"),
    names: {
      message: /^the payload defines the per-CPU variable cnt \(per_cpu__cnt in \.bss\.cnt\)/,
      location: { section: ".bss.cnt", symbol: "per_cpu__cnt" },
    },
  },
];
