/**
 * The defects that prove the rules of the verifier's build-ids step (src/verify/steps/build-
 * ids.ts).
 */
import { writeSectionBytes, xorSectionByte } from "../elf-mutate.js";
import {
  BYE,
  HELLO,
  NOP,
  NOTE_DESC,
  NOTE_NAME,
  NOTE_TYPE,
  sectionBytes,
  sectionSize,
  type StepDefects,
} from "./shared.js";

export const BUILD_IDS: StepDefects = {
  MUTATIONS: [
    {
      rule: "note-invalid",
      title: "build-id note of the wrong type",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".note.gnu.build-id", NOTE_TYPE, [4, 0, 0, 0]),
      names: {
        message: ".note.gnu.build-id: note type is 4, not NT_GNU_BUILD_ID (3)",
        location: { section: ".note.gnu.build-id" },
      },
    },
    {
      rule: "note-invalid",
      title: "depends note not named GNU",
      payload: HELLO,
      mutate: (b) => writeSectionBytes(b, ".livepatch.depends", NOTE_NAME, "GNX"),
      names: {
        message: '.livepatch.depends: note name is not "GNU"',
        location: { section: ".livepatch.depends" },
      },
    },
    {
      rule: "xen-depends-mismatch",
      title: "xen_depends one bit off the hypervisor's build-id",
      payload: HELLO,
      mutate: (b) =>
        xorSectionByte(
          b,
          ".livepatch.xen_depends",
          sectionSize(b, ".livepatch.xen_depends") - 1,
          1,
        ),
      names: {
        message:
          /^\.livepatch\.xen_depends is [0-9a-f]{40} but .*xen-syms has build-id [0-9a-f]{40}: Xen 4\.17\.5 refuses the upload \(EINVAL, -22; "xen_hello_world: check against hypervisor build-id failed"\)$/,
        location: { section: ".livepatch.xen_depends" },
      },
    },
    {
      rule: "depends-mismatch",
      title: "depends one bit off the base's build-id",
      payload: HELLO,
      mutate: (b) =>
        xorSectionByte(b, ".livepatch.depends", sectionSize(b, ".livepatch.depends") - 1, 1),
      names: {
        message: /^\.livepatch\.depends is [0-9a-f]{40} but the base .*xen-syms has build-id/,
        location: { section: ".livepatch.depends" },
      },
    },
    {
      rule: "build-id-duplicate",
      title: "bye_world carrying the build-id of hello_world, which it sits on",
      payload: BYE,
      stack: [HELLO],
      mutate: (b, inTree) =>
        writeSectionBytes(
          b,
          ".note.gnu.build-id",
          NOTE_DESC,
          sectionBytes(inTree(HELLO), ".note.gnu.build-id").subarray(NOTE_DESC),
        ),
      names: {
        message: /^build-id [0-9a-f]{40} is also the build-id of .*xen_hello_world\.livepatch/,
        location: { section: ".note.gnu.build-id" },
      },
    },
  ],
  IN_CONTEXT: [
    {
      rule: "depends-mismatch",
      title: "bye_world on xen_nop instead of hello_world",
      payload: BYE,
      stack: [NOP],
      baseline: { stack: [HELLO] },
      names: {
        message:
          /^\.livepatch\.depends is [0-9a-f]{40} but the previous payload .*xen_nop\.livepatch has build-id/,
        location: { section: ".livepatch.depends" },
      },
      load: { skip: "its stack applies xen_nop, which crashes this Xen after apply" },
    },
    {
      rule: "depends-mismatch",
      title: "bye_world straight on the hypervisor",
      payload: BYE,
      baseline: { stack: [HELLO] },
      names: {
        message: /but the base .*xen-syms has build-id [0-9a-f]{40} \(apply needs --nodeps\)/,
      },
    },
    {
      rule: "build-id-duplicate",
      title: "bye_world loaded again on top of itself",
      payload: BYE,
      // The verifier is told bye_world comes first so that only the duplicate differs; the
      // hypervisor can only apply bye_world on hello_world.
      stack: [BYE, HELLO],
      baseline: { stack: [HELLO] },
      // The same payload twice also re-adds its own new symbols and re-carries its own data.
      also: ["symbol-duplicate", "rodata-duplicate"],
      names: { message: /is also the build-id of .*xen_bye_world\.livepatch/ },
      load: { stack: [HELLO, BYE] },
    },
  ],
};
