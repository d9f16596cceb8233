/**
 * The special sections prepare_payload() takes (xen/common/livepatch.c): `.bug_frames.*`,
 * `.altinstructions`, `.alt_call_sites` (4.21) and `.ex_table` must hold whole entries of
 * this version's sizes. What their entries hold is the steps after this one's.
 */
import { type VerifierStep, at } from "./context.js";

export const SPECIAL_SECTIONS: VerifierStep = {
  name: "special-sections",
  basis: "prepare_payload() special sections (livepatch.c)",
  // The step depends on the section (loader-order.ts stepOf).
  rules: { "special-section-size": "alternatives" },
  run(ctx) {
    for (const [name, size] of Object.entries(ctx.version.specialEntrySizes)) {
      const s = ctx.elf.sectionNamed(name);
      if (s && s.size % size !== 0) {
        ctx.add(
          "special-section-size",
          `${name} is ${s.size} bytes, not a multiple of its ${size}-byte entries`,
          at(s),
        );
      }
    }
  },
};
