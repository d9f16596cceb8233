/**
 * check_special_sections() and check_patching_sections() (xen/common/livepatch.c): the
 * sections a payload must have (with the messages of this version's `.livepatch.xen_depends`
 * checks), at most one of each, and at least one thing to patch.
 */
import type { ElfSection } from "../../elf/reader.js";
import { HOOK_SECTIONS, SECTION } from "../../xen/abi.js";
import { type StepContext, type VerifierStep, at } from "./context.js";

export const LIVEPATCH_SECTIONS: VerifierStep = {
  name: "livepatch-sections",
  basis: "check_special_sections(), check_patching_sections() (livepatch.c)",
  // section-empty's step depends on the section (loader-order.ts stepOf).
  rules: {
    "section-missing": "required-sections",
    "section-empty": "required-sections",
    "section-duplicate": "required-sections",
    "nothing-to-patch": "patching-sections",
  },
  run(ctx) {
    requiredSections(ctx);
    patchingSections(ctx);
  },
};

// check_special_sections(), and check_xen_buildid() where the model has it early.
function requiredSections(ctx: StepContext): void {
  const lines = ctx.version.xenDepends.lines;
  for (const name of [SECTION.depends, SECTION.xenDepends, SECTION.buildId]) {
    const all = ctx.elf.sectionsNamed(name);
    const xenDepends = name === SECTION.xenDepends;
    if (all.length === 0) {
      const line = xenDepends ? lines.missing : `: ${name} is missing`;
      ctx.add(
        "section-missing",
        `required section ${name} is missing: ${ctx.refusal("EINVAL", line)}`,
        { section: name },
      );
    } else if (all[0]!.size === 0) {
      const line = xenDepends ? lines.empty : `: ${name} is empty`;
      ctx.add(
        "section-empty",
        `required section ${name} is empty: ${ctx.refusal("EINVAL", line)}`,
        at(all[0]!),
      );
    }
    if (all.length > 1) duplicate(ctx, name, all);
  }
}

function duplicate(ctx: StepContext, name: string, all: ElfSection[]): void {
  ctx.add(
    "section-duplicate",
    `section ${name} appears ${all.length} times (sections ${all.map((s) => s.index).join(", ")}); the hypervisor uses only the first`,
    at(all[1]!),
  );
}

// check_patching_sections().
function patchingSections(ctx: StepContext): void {
  let present = 0;
  for (const name of [SECTION.funcs, ...Object.keys(HOOK_SECTIONS)]) {
    const all = ctx.elf.sectionsNamed(name);
    if (all.length === 0) continue;
    present++;
    if (all[0]!.size === 0) ctx.add("section-empty", `section ${name} is empty`, at(all[0]!));
    if (all.length > 1) duplicate(ctx, name, all);
  }
  if (present === 0) {
    ctx.add(
      "nothing-to-patch",
      `neither ${SECTION.funcs} nor a .livepatch.hooks.* section: the payload does nothing`,
    );
  }
}
