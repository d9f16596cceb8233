/**
 * prepare_payload()'s hook sections (LIVEPATCH_ASSIGN_SINGLE_HOOK / _MULTI_HOOK,
 * xen/common/livepatch.c): a single hook is one pointer, the others whole pointers.
 */
import { HOOK_SECTIONS } from "../../xen/abi.js";
import { type VerifierStep, at } from "./context.js";

/** Bytes of a hook pointer. */
const HOOK_SIZE = 8;

export const HOOKS: VerifierStep = {
  name: "hooks",
  basis: "prepare_payload() LIVEPATCH_ASSIGN_*_HOOK (livepatch.c)",
  rules: { "hook-size": "hooks" },
  run(ctx) {
    for (const [name, kind] of Object.entries(HOOK_SECTIONS)) {
      const s = ctx.elf.sectionNamed(name);
      if (!s || s.size === 0) continue;
      if (kind === "single" ? s.size !== HOOK_SIZE : s.size % HOOK_SIZE !== 0) {
        ctx.add(
          "hook-size",
          `${name} is ${s.size} bytes; it must be ${kind === "single" ? "exactly one 8-byte pointer" : "a multiple of 8 bytes"}`,
          at(s),
        );
      }
    }
  },
};
