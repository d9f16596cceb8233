/**
 * The defects that prove the rules of the verifier's livepatch-sections step
 * (src/verify/steps/livepatch-sections.ts).
 */
import { renameSection, setSectionField } from "../elf-mutate.js";
import { HELLO, NOP, NO_XEN_BUILDID, PREPOST, sectionIndex, type StepDefects } from "./shared.js";

export const LIVEPATCH_SECTIONS: StepDefects = {
  MUTATIONS: [
    // Livepatch sections and build-ids (check_special_sections, check_patching_sections).
    {
      rule: "section-missing",
      title: ".livepatch.depends renamed",
      payload: HELLO,
      mutate: (b) => renameSection(b, ".livepatch.depends", "livepatch.depends"),
      names: {
        message: "required section .livepatch.depends is missing",
        location: { section: ".livepatch.depends" },
      },
    },
    {
      rule: "section-missing",
      title: ".note.gnu.build-id renamed",
      payload: HELLO,
      mutate: (b) => renameSection(b, ".note.gnu.build-id", "note.gnu.build-id"),
      names: { message: "required section .note.gnu.build-id is missing" },
    },
    {
      rule: "section-empty",
      title: "required section emptied",
      payload: HELLO,
      mutate: (b) => setSectionField(b, ".livepatch.depends", "size", 0),
      names: {
        message: "required section .livepatch.depends is empty",
        location: { section: ".livepatch.depends" },
      },
    },
    {
      rule: "section-empty",
      title: ".livepatch.funcs emptied (xen_nop has no relocations into it)",
      payload: NOP,
      mutate: (b) => setSectionField(b, ".livepatch.funcs", "size", 0),
      names: {
        message: "section .livepatch.funcs is empty",
        location: { section: ".livepatch.funcs" },
      },
    },
    {
      rule: "section-empty",
      title: "a hook section emptied",
      payload: PREPOST,
      mutate: (b) => setSectionField(b, ".livepatch.hooks.preapply", "size", 0),
      // The hook pointer's relocation stays and now writes past the empty section: the loader
      // performs relocations before it looks at the patching sections, so both are reported.
      also: ["rela-offset"],
      names: {
        message: "section .livepatch.hooks.preapply is empty",
        location: { section: ".livepatch.hooks.preapply" },
      },
    },
    {
      rule: "section-duplicate",
      title: "a second .livepatch.depends",
      payload: HELLO,
      mutate: (b) => renameSection(b, ".comment", ".livepatch.depends"),
      names: (b) => ({
        message: `section .livepatch.depends appears 2 times (sections ${sectionIndex(b, ".livepatch.depends")}, ${sectionIndex(b, ".comment")})`,
        location: { section: ".livepatch.depends", sectionIndex: sectionIndex(b, ".comment") },
      }),
    },
    {
      rule: "nothing-to-patch",
      title: "xen_nop without its .livepatch.funcs",
      payload: NOP,
      mutate: (b) => renameSection(b, ".livepatch.funcs", "livepatch.funcs"),
      names: { message: "neither .livepatch.funcs nor a .livepatch.hooks.* section" },
    },
  ],
  IN_CONTEXT: [
    {
      rule: "section-missing",
      title: "xen_no_xen_buildid, as built in-tree",
      payload: NO_XEN_BUILDID,
      baseline: "none",
      // It is xen_nop without the note, xen_nop's own defect included.
      also: ["nop-insn-boundary"],
      names: { message: "required section .livepatch.xen_depends is missing" },
    },
  ],
};
