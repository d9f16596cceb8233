/** The defects that prove the rules of the verifier's funcs step (src/verify/steps/funcs.ts). */
import { R_X86_64_NONE, SHT_NOBITS } from "../../../src/elf/constants.js";
import { LIVEPATCH_FUNC } from "../../../src/xen/abi.js";
import { setRelaField, setSectionField, writeSectionBytes, xorSectionByte } from "../elf-mutate.js";
import {
  ABS_SYMBOL,
  EXPECTATIONS,
  EXPECTATIONS_FAIL,
  HELLO,
  NOP,
  REPLACE,
  expectationOverAlternative,
  funcRela,
  helloFuncRela,
  nopAt,
  oldAddrRela,
  sealedExpectation,
  sectionSize,
  symbolIndex,
  twoEntries,
  type StepDefects,
  u32,
} from "./shared.js";

export const FUNCS: StepDefects = {
  MUTATIONS: [
    // .livepatch.funcs (prepare_payload, arch_livepatch_verify_func, expectations).
    {
      rule: "funcs-size",
      title: "a trailing byte after the one entry",
      payload: HELLO,
      mutate: (b) => setSectionField(b, ".livepatch.funcs", "size", LIVEPATCH_FUNC.size + 1),
      names: {
        message: `.livepatch.funcs is ${LIVEPATCH_FUNC.size + 1} bytes, not a multiple of ${LIVEPATCH_FUNC.size}`,
        location: { section: ".livepatch.funcs" },
      },
    },
    {
      rule: "func-version",
      title: "entry version 1",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.version, [1]),
      names: {
        message: "function entry 0 (xen_extra_version) has version 1, expected 2",
        location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_version" },
      },
    },
    {
      rule: "func-version",
      // Xen 4.17.5: "Wrong version (0). Expected 2", EOPNOTSUPP (a fresh pass found it).
      title: ".livepatch.funcs as NOBITS: zeros in memory, entries of version 0",
      payload: HELLO,
      also: ["func-old-size"],
      mutate: (b) => setSectionField(b, ".livepatch.funcs", "type", SHT_NOBITS),
      names: {
        message: "function entry 0 (xen_extra_version) has version 0, expected 2",
        location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_version" },
      },
    },
    {
      rule: "func-old-size",
      title: "old_size 0",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, [0, 0, 0, 0]),
      names: {
        message: "function entry 0 (xen_extra_version) has old_size 0",
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-name-unmapped",
      title: "name pointer relocated 4 KiB past its string (xen_replace_world patches by name)",
      payload: REPLACE,
      // resolve_old_address() passes the pointer straight to symbols_lookup_by_name()
      // (livepatch.c:208): 4 KiB past the name is past the payload's last page.
      mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "addend", 0x1000),
      names: {
        message:
          /^function entry 0: old_addr is 0 and the name pointer is 0x[0-9a-f]+, where nothing is mapped/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-name-unmapped",
      title: "name pointer relocation made R_X86_64_NONE: a NULL name (xen_replace_world)",
      payload: REPLACE,
      mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "type", R_X86_64_NONE),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\): old_addr is 0 and the name pointer is 0x0, NULL/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-name",
      title: "name pointer 4 bytes before its string: in the gap the loader leaves for alignment",
      payload: REPLACE,
      // The loader places the 16-byte aligned name string at offset 64 of the read-only
      // region, after 55 bytes of notes and strings: 60 is in no section. Xen reads the name
      // from memory no section filled: "" or garbage running into the name, neither a symbol.
      mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "addend", -4),
      names: {
        message: "function entry 0 has neither old_addr nor a name pointer",
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-unresolved",
      title: "name pointer just past the end of its string section",
      payload: REPLACE,
      // Xen reads the name from whatever it placed next: here .livepatch.depends, a note whose
      // first byte is 4 and second 0, so the name "\x04", which resolves to nothing. The
      // loader model places the sections as Xen does and reads the same name.
      mutate: (b) =>
        setRelaField(
          b,
          ".rela.livepatch.funcs",
          0,
          "addend",
          sectionSize(b, ".rodata.xen_replace_world_name"),
        ),
      names: {
        message: 'function entry 0: "\\u0004" is neither in',
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-unresolved",
      title: "a misspelt function name (xen_replace_world patches by name)",
      payload: REPLACE,
      mutate: (b) => writeSectionBytes(b, ".rodata.xen_replace_world_name", 13, "z"),
      names: {
        message: "function entry 0 (xen_extra_verzion): xen_extra_verzion is neither in",
        location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_verzion" },
      },
    },
    {
      rule: "func-too-short",
      title: "old_size 4, too short for the jump",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, [4, 0, 0, 0]),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\) has old_size 4; the jump needs (5|9) bytes/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-nop-size",
      title: "a NOP entry of 32 bytes",
      payload: NOP,
      mutate: (b) =>
        writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, [32, 0, 0, 0]),
      names: {
        message: /^function entry 0 NOPs out 32 bytes of a \d+-byte function/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-old-size-overrun",
      title: "old_size 100 for a 12-byte function",
      payload: HELLO,
      mutate: (b) =>
        writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, [100, 0, 0, 0]),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\) has old_size 100 but xen_extra_version is only \d+ bytes/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "expect-invalid",
      title: "reserved bits set in the expectation",
      payload: EXPECTATIONS,
      mutate: (b) => xorSectionByte(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect, 0x40),
      names: {
        message: "expectation has reserved bits set (1)",
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "expect-invalid",
      title: "expectation longer than old_size",
      payload: EXPECTATIONS,
      // enabled, len 9 (old_size is 8).
      mutate: (b) =>
        writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [1 | (9 << 1)]),
      names: { message: "expects 9 bytes of a 8-byte function" },
    },
    {
      rule: "expect-mismatch",
      title: "first expected byte changed",
      payload: EXPECTATIONS,
      mutate: (b) => xorSectionByte(b, ".livepatch.funcs", LIVEPATCH_FUNC.expectData),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\) expects b7[0-9a-f]* but xen_extra_version in .*xen-syms starts with 48/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
  ],
  IN_CONTEXT: [
    {
      rule: "expect-mismatch",
      title: "xen_expectations_fail, as built in-tree",
      payload: EXPECTATIONS_FAIL,
      baseline: "none",
      names: {
        message: /expects deadc0debabe but xen_extra_version in .*xen-syms starts with/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
      also: ["func-old-size-mismatch"], // built with old_size 8, the expectation's length
    },
  ],
  INSTRUCTIONS: [
    {
      rule: "nop-insn-boundary",
      title: "xen_nop as built: its NOPs end inside xen_minor_version's return-thunk jump",
      payload: NOP,
      baseline: "none",
      names: {
        message:
          /^function entry 0: the 9-byte NOP run \(xen_minor_version to xen_minor_version\+0x8\) ends inside the instruction at xen_minor_version\+0x5/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "nop-insn-boundary",
      title: "xen_nop's run cut to 3 bytes, inside the first mov",
      payload: NOP,
      baseline: "none",
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, u32(3)),
      names: {
        message: /the 3-byte NOP run .* ends inside the instruction at xen_minor_version:/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "nop-insn-boundary",
      title: "xen_nop moved to xen_major_version (same shape, same defect)",
      payload: NOP,
      baseline: "none",
      mutate: (b, _, xen) => nopAt(b, xen, "xen_major_version", { newSize: 9 }),
      names: {
        message: /ends inside the instruction at xen_major_version\+0x5/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "branch-into-patch",
      title: "NOPs over __machine_halt's hlt, which its loop jumps back to",
      payload: NOP,
      baseline: "none",
      // endbr64 (4), 4 bytes of setup, then `1: hlt; jmp 1b`: NOPs [4, 9) end on the jmp.
      mutate: (b, _, xen) => nopAt(b, xen, "__machine_halt", { newSize: 9 }),
      names: {
        message:
          /1 branch of .*xen-syms lands inside the bytes the 5-byte NOP run overwrites .*: __machine_halt\+0x9 -> __machine_halt\+0x8/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "branch-into-patch",
      title: "NOPs over all of __machine_halt, its loop included",
      payload: NOP,
      baseline: "none",
      mutate: (b, _, xen) => nopAt(b, xen, "__machine_halt", { newSize: 11, oldSize: 11 }),
      names: {
        message: /lands inside the bytes the 7-byte NOP run overwrites/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "old-addr-not-function-start",
      title:
        "hello_world's old_addr relocation 8 bytes into xen_extra_version (its jump ends past it)",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", oldAddrRela(b), "addend", 8),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\): old_addr 0x[0-9a-f]+ is 8 bytes into xen_extra_version/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
  ],
  LOADED_VALUES: [
    {
      rule: "old-addr-not-function-start",
      title: "hello_world's old_addr relocation 1 byte into xen_extra_version",
      payload: HELLO,
      mutate: helloFuncRela("oldAddr", "addend", () => 1),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\): old_addr 0x[0-9a-f]+ is 1 bytes into xen_extra_version/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "old-addr-not-function-start",
      title: "hello_world's old_addr relocation into the padding after xen_extra_version",
      payload: HELLO,
      mutate: helloFuncRela("oldAddr", "addend", () => 13),
      names: {
        message:
          /old_addr 0x[0-9a-f]+ is 1 bytes past the end of xen_extra_version, in no function/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "old-addr-not-function-start",
      title: "hello_world's old_addr relocated against its own counter in .bss.cnt",
      payload: HELLO,
      mutate: helloFuncRela("oldAddr", "symbol", (b) => symbolIndex(b, "cnt")),
      names: {
        message: /old_addr 0x[0-9a-f]+ is inside the payload itself \(\.bss\.cnt\+0\)/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "old-addr-non-canonical",
      title: "hello_world's old_addr relocated to absolute 0x8000000000000000",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          helloFuncRela("oldAddr", "symbol", (x) => symbolIndex(x, ABS_SYMBOL))(b),
          ".rela.livepatch.funcs",
          oldAddrRela(b),
          "addend",
          1n << 63n,
        ),
      names: {
        message: /old_addr is 0x8000000000000000, not a canonical address/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "old-addr-non-canonical",
      title:
        "hello_world's old_addr relocated to absolute 0x800000000000 (just past the lower half)",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          helloFuncRela("oldAddr", "symbol", (x) => symbolIndex(x, ABS_SYMBOL))(b),
          ".rela.livepatch.funcs",
          oldAddrRela(b),
          "addend",
          1n << 47n,
        ),
      names: {
        message: /old_addr is 0x800000000000, not a canonical address/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-distance",
      title: "hello_world's new_addr relocated to absolute 0x1000",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          helloFuncRela("newAddr", "symbol", (x) => symbolIndex(x, ABS_SYMBOL))(b),
          ".rela.livepatch.funcs",
          funcRela(b, "newAddr"),
          "addend",
          0x1000,
        ),
      names: {
        message: /new_addr 0x1000 is \d+ bytes from old_addr, beyond the ±2 GiB/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-distance",
      title: "hello_world's new_addr relocation 1 TiB past xen_hello_world",
      payload: HELLO,
      mutate: helloFuncRela("newAddr", "addend", () => 1n << 40n),
      names: {
        message: /bytes from old_addr, beyond the ±2 GiB a jump reaches/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "new-addr-outside-text",
      title: "hello_world's new_addr relocated against its counter in .bss.cnt",
      payload: HELLO,
      mutate: helloFuncRela("newAddr", "symbol", (b) => symbolIndex(b, "cnt")),
      names: {
        message:
          /new_addr 0x[0-9a-f]+ is in \.bss\.cnt\+0, which the loader maps writable and not executable/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "new-addr-outside-text",
      title: "hello_world's new_addr relocated against its read-only name string",
      payload: HELLO,
      mutate: helloFuncRela("newAddr", "symbol", (b) =>
        symbolIndex(b, "hello_world_patch_this_fnc"),
      ),
      names: {
        message: /is in \.rodata\.hello_world_patch_this_fnc\+0, which the loader maps read-only/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-duplicate",
      title: "hello_world's entry twice (its relocations too): xen_extra_version patched twice",
      payload: HELLO,
      mutate: (b) => twoEntries(b, () => 0n),
      names: {
        message:
          /^function entry 1 \(xen_extra_version\) patches xen_extra_version at 0x[0-9a-f]+, as function entry 0 does/,
        location: { section: ".livepatch.funcs", entry: 1 },
      },
    },
    {
      rule: "func-duplicate",
      title:
        "a second entry reaching xen_extra_version by name (old_addr relocation R_X86_64_NONE)",
      payload: HELLO,
      mutate: (b) => twoEntries(b, (field) => (field === "oldAddr" ? "none" : 0n)),
      names: {
        message: /^function entry 1 \(xen_extra_version\) patches xen_extra_version/,
        location: { section: ".livepatch.funcs", entry: 1 },
      },
    },
    {
      rule: "func-unresolved",
      title:
        "old_addr relocation made R_X86_64_NONE, name pointer 4 bytes on: looked up as extra_version",
      payload: HELLO,
      mutate: (b) =>
        helloFuncRela(
          "name",
          "addend",
          () => 4,
        )(helloFuncRela("oldAddr", "type", () => R_X86_64_NONE)(b)),
      names: {
        message: /^function entry 0 \(extra_version\): extra_version is neither in/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "func-nop-size",
      title: "new_addr relocation made R_X86_64_NONE: a 58-byte NOP entry",
      payload: HELLO,
      mutate: helloFuncRela("newAddr", "type", () => R_X86_64_NONE),
      names: {
        message: /^function entry 0 \(xen_extra_version\) NOPs out \d+ bytes of a 12-byte function/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
  ],
  HOST_ONLY: [
    {
      rule: "expect-endbr-sealed",
      title: "an expectation of vmx_cpu_down's ENDBR64, which Xen seals on CET-IBT hosts",
      payload: NOP,
      baseline: "none",
      mutate: (b, _, xen) => sealedExpectation(b, xen, "vmx_cpu_down", 4),
      names: {
        message:
          /^function entry 0 expects vmx_cpu_down to start with ENDBR64, but Xen seals that function at boot on CET-IBT hardware/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "expect-endbr-sealed",
      title: "an expectation of the first 9 bytes of nsvm_vcpu_reset, ENDBR64 included",
      payload: NOP,
      baseline: "none",
      mutate: (b, _, xen) => sealedExpectation(b, xen, "nsvm_vcpu_reset", 9),
      names: {
        message: /^function entry 0 expects nsvm_vcpu_reset to start with ENDBR64/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
  ],
  BOOT_REWRITTEN: [
    {
      rule: "expect-alternative",
      title: "an expectation of hvm_get_reg's altcall, which Xen turns into a direct call",
      payload: NOP,
      baseline: "none",
      mutate: (b, _, xen) => expectationOverAlternative(b, xen, "hvm_get_reg", 6),
      names: {
        message:
          /^function entry 0 expects 6 bytes of hvm_get_reg, but Xen rewrites 6 of them at boot \(an alternative at hvm_get_reg,/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
    {
      rule: "expect-alternative",
      title: "an expectation of the first 8 bytes of nestedhvm_vcpu_destroy, an altcall",
      payload: NOP,
      baseline: "none",
      mutate: (b, _, xen) => expectationOverAlternative(b, xen, "nestedhvm_vcpu_destroy", 8),
      names: {
        message:
          /^function entry 0 expects 8 bytes of nestedhvm_vcpu_destroy, but Xen rewrites 6 of them/,
        location: { section: ".livepatch.funcs", entry: 0 },
      },
    },
  ],
  TABLE_REFERENCES: [
    {
      rule: "func-reserved",
      title: "a byte of _pad set in hello_world's entry",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", 40, [1]),
      names: {
        message:
          /^function entry 0 \(xen_extra_version\) has reserved byte 40 \(in _pad, bytes 33-71\) set to 0x1/,
        location: { section: ".livepatch.funcs", entry: 0, offset: 40 },
      },
    },
    {
      rule: "func-reserved",
      title: "the first byte of _pad set",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.version + 1, [0x80]),
      names: { message: "has reserved byte 33 (in _pad, bytes 33-71) set to 0x80" },
    },
    {
      rule: "func-reserved",
      title: "the last byte of _pad set, in an entry with an expectation",
      payload: EXPECTATIONS,
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.expect - 1, [0xff]),
      names: { message: "has reserved byte 71 (in _pad, bytes 33-71) set to 0xff" },
    },
  ],
};
