/**
 * The defects that prove the rules of the verifier's bug-frames step (src/verify/steps/bug-
 * frames.ts).
 */
import { setRelaField } from "../elf-mutate.js";
import { HELLO, sectionSymbol, type StepDefects } from "./shared.js";

export const BUG_FRAMES: StepDefects = {
  SPECIAL_ENTRIES: [
    {
      rule: "bug-frame-range",
      title: "a bug frame's location relocated into read-only data",
      payload: HELLO,
      mutate: (b) =>
        setRelaField(
          b,
          ".rela.bug_frames.2",
          0,
          "symbol",
          sectionSymbol(b, ".rodata.hello_world_patch_this_fnc"),
        ),
      names: {
        // The 18-byte string plus the addend 0x38, past .livepatch.depends (36 bytes).
        message: /^\.bug_frames\.2 entry 0: its location is \.livepatch\.xen_depends\+2,/,
        location: { section: ".bug_frames.2", entry: 0 },
      },
    },
    {
      rule: "bug-frame-range",
      title: "a bug frame's location 64 KiB past check_fnc",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.bug_frames.2", 2, "addend", 0x30 + 0x10000),
      names: {
        message: /^\.bug_frames\.2 entry 1: its location is 0x[0-9a-f]+, outside the payload/,
        location: { section: ".bug_frames.2", entry: 1 },
      },
    },
  ],
};
