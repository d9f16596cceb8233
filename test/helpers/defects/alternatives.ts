/**
 * The defects that prove the rules of the verifier's alternatives step
 * (src/verify/steps/alternatives.ts).
 */
import { renameSection, writeSectionBytes } from "../elf-mutate.js";
import { ALT_CPUID, ALT_ORIG_LEN, HELLO, type StepDefects } from "./shared.js";

export const ALTERNATIVES: StepDefects = {
  MUTATIONS: [
    {
      rule: "altinstr-incomplete",
      title: ".altinstr_replacement renamed",
      payload: HELLO,
      mutate: (b) => renameSection(b, ".altinstr_replacement", "altinstr_replacement"),
      names: {
        message: ".altinstructions is present but .altinstr_replacement is missing",
        location: { section: ".altinstructions" },
      },
    },
  ],
  SPECIAL_ENTRIES: [
    {
      rule: "altinstr-entry",
      title: "an alternative's feature number past NCAPINTS * 32",
      payload: HELLO,
      // cpuid 0x7ff0: feature 32752 (bit 15, ALT_FLAG_NOT, clear), far past any NCAPINTS.
      mutate: (b) => writeSectionBytes(b, ".altinstructions", ALT_CPUID, [0xf0, 0x7f]),
      names: {
        message:
          /^\.altinstructions entry 0: its feature 32752 is past the 672 NCAPINTS \* 32 features \(NCAPINTS 21, from xen-syms' forced_caps\): Xen 4\.17\.5 hits BUG_ON in _apply_alternatives\(\) at upload, a hypervisor panic$/,
        location: { section: ".altinstructions", entry: 0 },
      },
    },
    {
      rule: "altinstr-entry",
      title: "an alternative's replacement longer than its original code (orig_len 0)",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".altinstructions", ALT_ORIG_LEN, [0]),
      names: {
        message:
          /^\.altinstructions entry 0: its replacement \(\d+ bytes\) is longer than the original code and its padding \(orig_len \+ pad_len = 0\): Xen 4\.17\.5 hits BUG_ON/,
        location: { section: ".altinstructions", entry: 0 },
      },
      load: {
        skip: "the same BUG_ON panic as the feature-number defect, whose boot proves the verdict; test/integration/versions.test.ts loads it into Xen 4.21, which refuses it",
      },
    },
  ],
};
