/** The defects that prove the rules of the verifier's hooks step (src/verify/steps/hooks.ts). */
import { setRelaField, setSectionField } from "../elf-mutate.js";
import { HELLO, PREPOST, type StepDefects } from "./shared.js";

export const HOOKS: StepDefects = {
  MUTATIONS: [
    // Hooks, special sections and metadata.
    {
      rule: "hook-size",
      title: "a single hook of two pointers",
      payload: PREPOST,
      mutate: (b) => setSectionField(b, ".livepatch.hooks.preapply", "size", 16),
      names: {
        message: ".livepatch.hooks.preapply is 16 bytes; it must be exactly one 8-byte pointer",
        location: { section: ".livepatch.hooks.preapply" },
      },
    },
    {
      rule: "hook-size",
      title: "load hooks not a whole number of pointers",
      payload: HELLO,
      mutate: (b) => setSectionField(b, ".livepatch.hooks.load", "size", 20),
      names: {
        message: ".livepatch.hooks.load is 20 bytes; it must be a multiple of 8 bytes",
        location: { section: ".livepatch.hooks.load" },
      },
    },
    {
      rule: "hook-target",
      title: "a load hook whose relocation writes nothing (NULL, called unchecked at apply)",
      payload: HELLO,
      mutate: (b) => setRelaField(b, ".rela.livepatch.hooks.load", 0, "type", 0),
      names: {
        message:
          ".livepatch.hooks.load hook 0 is NULL, and Xen calls it without a check (a page fault at address 0)",
        location: { section: ".livepatch.hooks.load", offset: 0 },
      },
    },
  ],
};
