/**
 * The defects that prove the rules of the verifier's placement step
 * (src/verify/steps/placement.ts).
 */
import { setRelaField, setSectionField } from "../elf-mutate.js";
import { ABS_SYMBOL, HELLO, label, symbolIndex, type StepDefects } from "./shared.js";

export const PLACEMENT: StepDefects = {
  MUTATIONS: [
    // Section headers (elf_resolve_sections, move_payload).
    {
      rule: "section-overlap",
      // Seen in Xen 4.17.5: the replacement's relocations and alternatives land in
      // check_fnc's bytes, and the unload hook check_fnc takes a page fault.
      title: "check_fnc's code aligned to 0: placed over the replacement function",
      payload: HELLO,
      // The text region's size becomes check_fnc's end (50 bytes), so the exception table's
      // fixup, a bug frame's location and a hook now lie past the payload's text.
      also: ["ex-table-range", "bug-frame-range", "hook-target"],
      mutate: (b) => setSectionField(b, ".text.check_fnc", "addralign", 0),
      names: (b) => ({
        message: `${label(b, ".text.check_fnc")} (alignment 0) is placed at offset 0 of the text region, over ${label(b, ".text.xen_hello_world")}`,
        location: { section: ".text.check_fnc" },
      }),
    },
    {
      rule: "section-overlap",
      title: "the revert hook's code aligned to 0",
      payload: HELLO,
      mutate: (b) => setSectionField(b, ".text.revert_hook", "addralign", 0),
      names: (b) => ({
        message: `${label(b, ".text.revert_hook")} (alignment 0) is placed at offset 0 of the text region`,
        location: { section: ".text.revert_hook" },
      }),
    },
  ],
  LOADED_VALUES: [
    {
      rule: "rela-overflow",
      title: "a PC32 relocation in hello_world's code with addend 2 GiB",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.text.xen_hello_world", 0, "addend", 0x80000000),
      names: {
        message:
          /^relocation 0 in \.rela\.text\.xen_hello_world \[\d+\] \(R_X86_64_PC32 at offset 40 of \.text\.xen_hello_world, against \.LC1\+2147483648\) computes \d+, outside the signed 32 bits/,
        location: { section: ".rela.text.xen_hello_world", entry: 0 },
      },
    },
    {
      rule: "rela-overflow",
      title: "the .fixup jump's PC32 relocation against an absolute symbol (address 0)",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.fixup", 0, "symbol", symbolIndex(b, ABS_SYMBOL)),
      names: {
        message: /^relocation 0 in \.rela\.fixup \[\d+\] \(R_X86_64_PC32 at offset 8 of \.fixup/,
        location: { section: ".rela.fixup", entry: 0 },
      },
    },
    {
      rule: "rela-overflow",
      title: "the PLT32 call of printk 4 GiB off",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.text.apply_hook", 1, "addend", 1n << 32n),
      names: {
        message: /\(R_X86_64_PLT32 at offset 8 of \.text\.apply_hook, against printk\+4294967296\)/,
        location: { section: ".rela.text.apply_hook", entry: 1 },
      },
    },
  ],
};
