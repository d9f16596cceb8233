/**
 * The defects that prove the rules of the verifier's ex-table step (src/verify/steps/ex-
 * table.ts).
 */
import { setRelaField } from "../elf-mutate.js";
import { HELLO, sectionSymbol, type StepDefects } from "./shared.js";

export const EX_TABLE: StepDefects = {
  SPECIAL_ENTRIES: [
    {
      rule: "ex-table-range",
      title: "an exception-table entry's faulting address relocated into read-only data",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          b,
          ".rela.ex_table",
          0,
          "symbol",
          sectionSymbol(b, ".rodata.hello_world_patch_this_fnc"),
        ),
      names: {
        // The 18-byte string plus the addend 0x1a: the note the loader placed after it.
        message:
          /^\.ex_table entry 0: its faulting address is \.livepatch\.depends\+8, not in the payload's text/,
        location: { section: ".ex_table", entry: 0 },
      },
    },
    {
      rule: "ex-table-range",
      title: "an exception-table continuation 1 MiB past .fixup",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "addend", 0x100000),
      names: {
        message:
          /^\.ex_table entry 0: its continuation is 0x[0-9a-f]+, outside the payload, not in the payload's text/,
        location: { section: ".ex_table", entry: 0 },
      },
    },
  ],
};
