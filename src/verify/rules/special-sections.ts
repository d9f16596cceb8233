/** Hooks, special sections and metadata, and what could not be checked: the rules of the hooks to not-checked steps. */
import { ALT_CALL_SITES, ALTERNATIVES_REFUSED } from "../../xen/changes.js";
import { type Rule, rule, LP } from "./rule.js";

export const SPECIAL_SECTIONS_RULES = [
  // Hooks, special sections, metadata.
  rule(
    "hook-size",
    "error",
    "refuses-upload",
    "Hook section size wrong (single hooks: one 8-byte pointer; load/unload: multiple of 8)",
    LP,
  ),
  rule(
    "hook-target",
    "error",
    "crashes",
    "A load or unload hook that is NULL, or any hook pointing outside code (the payload's or the hypervisor's): Xen calls load and unload hooks without a check",
    `${LP} apply_payload(), revert_payload(), is_hook_enabled()`,
  ),
  rule(
    "special-section-size",
    "error",
    "refuses-upload",
    "Size of .altinstructions, .ex_table or .bug_frames.N not a multiple of its entry",
    LP,
  ),
  rule(
    "altinstr-incomplete",
    "error",
    "refuses-upload",
    ".altinstructions without .altinstr_replacement or without code",
    LP,
  ),
  rule(
    "altinstr-range",
    "error",
    "refuses-upload",
    "Alternative whose original code (as relocated) is not in the payload's text, or whose replacement is not in .altinstr_replacement",
    LP,
  ),
  rule(
    "altinstr-entry",
    "error",
    "crashes",
    "Alternative Xen cannot apply: replacement longer than the original plus padding, original plus padding over 254 bytes, or feature number past NCAPINTS * 32; Xen 4.17 hits BUG_ON at upload",
    "xen/arch/x86/alternative.c _apply_alternatives()",
    {
      changes: [
        {
          change: ALTERNATIVES_REFUSED,
          loader: "refuses-upload",
          what: 'refused at upload: ENOSPC, ENOSPC, ERANGE ("applying alternatives failed")',
        },
      ],
    },
  ),
  rule(
    "altcall-site",
    "error",
    "refuses-upload",
    "Alternative call site (.alt_call_sites, Xen 4.21+) not inside the payload's text, not a call *disp32(%rip), or without any text",
    LP,
    { since: ALT_CALL_SITES },
  ),
  rule(
    "ex-table-range",
    "error",
    "accepts",
    "Exception-table entry whose faulting address or continuation (as relocated) is not in the payload's text",
    "xen/arch/x86/extable.c",
  ),
  rule(
    "bug-frame-range",
    "error",
    "accepts",
    "Bug frame whose location (as relocated) is not in the payload's text",
    "xen/arch/x86/include/asm/bug.h",
  ),
  rule(
    "modinfo-format",
    "error",
    "refuses-upload",
    ".modinfo not a sequence of NUL-terminated strings",
    LP,
  ),
  rule("modinfo-entry", "note", "accepts", ".modinfo string not of the form key=value", LP),
  // What could not be checked.
  rule(
    "not-checked",
    "note",
    "accepts",
    "A check that needs xen-syms or the stack was skipped",
    "verifier",
  ),
] as const satisfies readonly Rule[];
