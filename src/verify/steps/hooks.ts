/**
 * prepare_payload()'s hook sections (LIVEPATCH_ASSIGN_SINGLE_HOOK / _MULTI_HOOK,
 * xen/common/livepatch.c): a single hook is one pointer, the others whole pointers. Where
 * the hooks point, as relocated, is beyond the loader: it assigns them unchecked, then
 * apply_payload() and revert_payload() call every load and unload hook (no NULL test),
 * and the action hooks when is_hook_enabled() finds them non-NULL.
 */
import { SHF_ALLOC, SHF_EXECINSTR } from "../../elf/constants.js";
import { HOOK_SECTIONS } from "../../xen/abi.js";
import { type StepContext, type VerifierStep, at } from "./context.js";

/** Bytes of a hook pointer. */
const HOOK_SIZE = 8;

export const HOOKS: VerifierStep = {
  name: "hooks",
  basis: "prepare_payload() LIVEPATCH_ASSIGN_*_HOOK (livepatch.c)",
  rules: { "hook-size": "hooks", "hook-target": "apply" },
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
        continue;
      }
      for (let i = 0; i < s.size / HOOK_SIZE; i++) {
        const problem = hookProblem(ctx, s.index, i * HOOK_SIZE, kind === "multi");
        if (problem)
          ctx.add("hook-target", `${name} hook ${i} ${problem}`, {
            section: name,
            offset: i * HOOK_SIZE,
          });
      }
    }
  },
};

/** What is wrong with the hook pointer at `offset` of a section, as relocated, if anything. */
function hookProblem(
  ctx: StepContext,
  section: number,
  offset: number,
  calledUnchecked: boolean,
): string | undefined {
  const value = ctx.loaded?.pointer(section, offset);
  // Unknown (no xen-syms, or a symbol of an earlier payload): nothing to judge.
  if (value === undefined || !ctx.loaded) return undefined;
  if (value === 0n)
    return calledUnchecked
      ? "is NULL, and Xen calls it without a check (a page fault at address 0)"
      : undefined;
  if (ctx.loaded.inText(value)) return undefined;
  const xenCode = ctx.target.xen?.elf.sections.some(
    (x) =>
      (x.flags & (SHF_ALLOC | SHF_EXECINSTR)) === (SHF_ALLOC | SHF_EXECINSTR) &&
      value >= x.addr &&
      value < x.addr + BigInt(x.size),
  );
  if (xenCode) return undefined;
  return `points to 0x${value.toString(16)}, which is not code of the payload or the hypervisor: Xen would jump there`;
}
