/** The livepatch sections and build-id notes: the rules of the livepatch-sections and build-ids steps. */
import { BUILDID_NOTE_ENODATA } from "../../xen/changes.js";
import { type Rule, rule, LP, EARLY_BUILDID_CHECK } from "./rule.js";

export const LIVEPATCH_SECTIONS_RULES = [
  // Livepatch sections and notes.
  rule(
    "section-missing",
    "error",
    "refuses-upload",
    "Required section missing (.note.gnu.build-id, .livepatch.depends, .livepatch.xen_depends)",
    LP,
    { changes: [EARLY_BUILDID_CHECK] },
  ),
  rule(
    "section-empty",
    "error",
    "refuses-upload",
    "Required or patching section present but empty",
    LP,
    { changes: [EARLY_BUILDID_CHECK] },
  ),
  rule(
    "section-duplicate",
    "error",
    "accepts",
    "Required or patching section present more than once (Xen 4.17 silently uses the first)",
    LP,
  ),
  rule(
    "nothing-to-patch",
    "error",
    "refuses-upload",
    "Neither .livepatch.funcs nor any hook section",
    LP,
  ),
  rule(
    "note-invalid",
    "error",
    "refuses-upload",
    "Build-id note malformed (type, name, sizes)",
    "xen/common/version.c",
    {
      changes: [
        EARLY_BUILDID_CHECK,
        {
          change: BUILDID_NOTE_ENODATA,
          what: "a .note.gnu.build-id or .livepatch.depends note of the wrong type or name: ENODATA (was EINVAL)",
        },
      ],
    },
  ),
  rule(
    "xen-depends-mismatch",
    "error",
    "refuses-upload",
    ".livepatch.xen_depends is not the hypervisor's build-id",
    LP,
    { changes: [EARLY_BUILDID_CHECK] },
  ),
  rule(
    "depends-mismatch",
    "error",
    "refuses-apply",
    ".livepatch.depends is not the build-id of the base or of the previous payload of the stack",
    LP,
  ),
  rule(
    "build-id-duplicate",
    "error",
    "refuses-upload",
    "Build-id equal to an earlier payload's (the hypervisor refuses a second copy)",
    LP,
  ),
] as const satisfies readonly Rule[];
