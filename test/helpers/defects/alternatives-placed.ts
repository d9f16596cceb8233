/**
 * The defects that prove the rules of the verifier's alternatives-placed step
 * (src/verify/steps/alternatives-placed.ts).
 */
import { setRelaField } from "../elf-mutate.js";
import { HELLO, sectionSymbol, type StepDefects } from "./shared.js";

export const ALTERNATIVES_PLACED: StepDefects = {
  SPECIAL_ENTRIES: [
    {
      rule: "altinstr-range",
      title: "an alternative's original code 4 KiB past hello_world's code",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.altinstructions", 0, "addend", 0x1000),
      names: {
        message:
          /^\.altinstructions entry 0: original code .* \(\d+ bytes\) is not inside the payload's text/,
        location: { section: ".altinstructions", entry: 0 },
      },
    },
    {
      rule: "altinstr-range",
      title: "an alternative's replacement relocated into hello_world's code",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          b,
          ".rela.altinstructions",
          1,
          "symbol",
          sectionSymbol(b, ".text.xen_hello_world"),
        ),
      names: {
        message:
          /^\.altinstructions entry 0: replacement \.text\.xen_hello_world\+\d+ \(\d+ bytes\) is not inside \.altinstr_replacement/,
        location: { section: ".altinstructions", entry: 0 },
      },
    },
    {
      rule: "altinstr-range",
      title: "the second alternative's original code relocated into read-only data",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          b,
          ".rela.altinstructions",
          2,
          "symbol",
          sectionSymbol(b, ".rodata.hello_world_patch_this_fnc"),
        ),
      names: {
        message:
          /^\.altinstructions entry 1: original code \.rodata\.hello_world_patch_this_fnc\+8/,
        location: { section: ".altinstructions", entry: 1 },
      },
    },
  ],
};
