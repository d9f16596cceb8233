/**
 * The defects that prove the rules of the verifier's rodata-references step
 * (src/verify/steps/rodata-references.ts).
 */
import { setRelaField } from "../elf-mutate.js";
import { HELLO, label, sectionSymbol, type StepDefects } from "./shared.js";

export const RODATA_REFERENCES: StepDefects = {
  MUTATIONS: [
    // Read-only data.
    {
      rule: "rodata-unreferenced",
      title: "the only reference to __func__ of hi_func pointed elsewhere",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(b, ".rela.text.hi_func", 1, "symbol", sectionSymbol(b, ".rodata.__func__.0")),
      names: (b) => ({
        message: `${label(b, ".rodata.__func__.1")} (8 bytes) is not referenced`,
        location: { section: ".rodata.__func__.1" },
      }),
    },
  ],
};
