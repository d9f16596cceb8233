/**
 * The defects that prove the rules of the verifier's modinfo step
 * (src/verify/steps/modinfo.ts).
 */
import { setSectionField, writeSectionBytes } from "../elf-mutate.js";
import { HELLO, sectionSize, type StepDefects } from "./shared.js";

export const MODINFO: StepDefects = {
  MUTATIONS: [
    {
      rule: "modinfo-format",
      title: ".modinfo without its final NUL",
      payload: HELLO,
      mutate: (b) => setSectionField(b, ".modinfo", "size", sectionSize(b, ".modinfo") - 1),
      names: {
        message: ".modinfo (15 bytes) does not end with NUL",
        location: { section: ".modinfo" },
      },
    },
    {
      rule: "modinfo-entry",
      title: "LIVEPATCH_RULEZ split into two strings, neither key=value",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".modinfo", "LIVEPATCH".length, "\0"),
      names: {
        message: '.modinfo string "RULEZ" is not key=value',
        location: { section: ".modinfo" },
      },
    },
  ],
  IN_CONTEXT: [
    {
      rule: "modinfo-entry",
      title: "hello_world's LIVEPATCH_RULEZ, as built in-tree",
      payload: HELLO,
      baseline: "none",
      names: {
        message: '.modinfo string "LIVEPATCH_RULEZ" is not key=value',
        location: { section: ".modinfo" },
      },
    },
  ],
};
