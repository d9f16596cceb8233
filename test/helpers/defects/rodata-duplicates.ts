/**
 * The defects that prove the rules of the verifier's rodata-duplicates step
 * (src/verify/steps/rodata-duplicates.ts).
 */
import { writeSectionBytes } from "../elf-mutate.js";
import { BYE, HELLO, NOFUNC, type StepDefects } from "./shared.js";

export const RODATA_DUPLICATES: StepDefects = {
  MUTATIONS: [
    {
      rule: "rodata-duplicate",
      title: "a payload re-carrying hello_world's __FILE__ string",
      payload: NOFUNC,
      stack: [HELLO],
      mutate: (b) =>
        writeSectionBytes(
          b,
          ".rodata.post_revert_hook.str1.8",
          0,
          "test/livepatch/xen_hello_world.c\0",
        ),
      names: {
        message:
          /strings \(33 bytes\) are already carried by .*xen_hello_world\.livepatch \(\.rodata\.check_fnc\.str1\.8\), e\.g\. "test\/livepatch\/xen_hello_world\.c"/,
        location: { section: ".rodata.post_revert_hook.str1.8" },
      },
      load: {
        skip: "unbroken, it is refused already: it and hello_world both define apply_hook and revert_hook (symbol-duplicate); the in-tree bye_world on hello_world is loaded instead",
      },
    },
  ],
  IN_CONTEXT: [
    {
      rule: "rodata-duplicate",
      title: "bye_world on hello_world, as built in-tree",
      payload: BYE,
      stack: [HELLO],
      baseline: "none",
      names: {
        message:
          /^\.rodata\.bye_world_patch_this_fnc \[\d+\]: all 18 bytes are already carried by .*xen_hello_world\.livepatch \(\.rodata\.hello_world_patch_this_fnc\)$/,
        location: { section: ".rodata.bye_world_patch_this_fnc" },
      },
    },
  ],
};
