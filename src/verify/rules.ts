/**
 * The verifier's rules. Ids are stable: users filter on them, SARIF and annotations
 * carry them, and the agreement tests against the real hypervisor key on them.
 *
 * `loader` says what Xen 4.17's loader does with a payload that breaks the rule:
 * - "refuses-upload": `xen-livepatch upload` fails;
 * - "refuses-apply": upload succeeds, apply fails (without `--nodeps` where relevant);
 * - "accepts": the hypervisor does not notice; only this verifier catches it;
 * - "crashes": the hypervisor accepts the payload and then crashes or hangs once it is
 *   applied (and the patched code runs), or crashes at upload.
 * `changes` says where a later loader differs (its verdict, errno or message), and
 * `since` which releases have the rule at all (a section only a later loader reads).
 */
import { type XenChange, type XenVersion, describeChange, hasChange } from "../xen/version.js";
import {
  ALT_CALL_SITES,
  ALTERNATIVES_REFUSED,
  BUILDID_NOTE_ENODATA,
  XEN_BUILDID_CHECKED_EARLY,
} from "../xen/changes.js";

export type Severity = "error" | "warning" | "note";
export type LoaderVerdict = "refuses-upload" | "refuses-apply" | "accepts" | "crashes";

/** How a later loader treats a rule's defect, from the releases that have `change`. */
export interface RuleChange {
  readonly change: XenChange;
  /** The verdict from then on, where it differs from the one before. */
  readonly loader?: LoaderVerdict;
  /** What changed, in a few words (errno, message, order). */
  readonly what: string;
}

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  readonly loader: LoaderVerdict;
  readonly title: string;
  /** Where the check comes from: the hypervisor's source or livepatch-build-tools' history. */
  readonly basis: string;
  /** The releases whose loader has the rule (absent: every release from 4.17). */
  readonly since?: XenChange;
  /** Where later loaders differ, oldest change first. */
  readonly changes?: readonly RuleChange[];
}

const rule = (
  id: string,
  severity: Severity,
  loader: LoaderVerdict,
  title: string,
  basis: string,
  versions: { since?: XenChange; changes?: readonly RuleChange[] } = {},
): Rule => ({ id, severity, loader, title, basis, ...versions });

const ELF = "xen/common/livepatch_elf.c";
const LP = "xen/common/livepatch.c";
const ARCH = "xen/arch/x86/livepatch.c";
const LBT = "livepatch-build-tools";

/** The early build-id check, for the rules that can report on .livepatch.xen_depends. */
const XEN_DEPENDS_EARLY: RuleChange = {
  change: XEN_BUILDID_CHECKED_EARLY,
  what: XEN_BUILDID_CHECKED_EARLY.summary,
};

export const RULES = [
  // The file as an ELF object.
  rule(
    "elf-malformed",
    "error",
    "refuses-upload",
    "The file cannot be read as an ELF64 little-endian object",
    ELF,
  ),
  rule(
    "elf-header",
    "error",
    "refuses-upload",
    "ELF header field the loader refuses (class, machine, type, version, OS ABI, program headers, section table)",
    ELF,
  ),
  rule(
    "payload-too-large",
    "error",
    "refuses-upload",
    "Payload larger than LIVEPATCH_MAX_SIZE (2 MiB)",
    LP,
  ),
  rule(
    "payload-name",
    "error",
    "refuses-upload",
    "Payload name longer than XEN_LIVEPATCH_NAME_SIZE - 1 (127) bytes",
    LP,
  ),
  rule(
    "section-bounds",
    "error",
    "refuses-upload",
    "Section data outside the file or overlapping the ELF header",
    ELF,
  ),
  rule(
    "section-alignment",
    "error",
    "refuses-upload",
    "Section alignment not a power of two, or address not aligned",
    ELF,
  ),
  rule(
    "section-write-exec",
    "error",
    "refuses-upload",
    "Allocated section both writable and executable",
    LP,
  ),
  rule(
    "section-rel",
    "error",
    "refuses-upload",
    "SHT_REL relocation section (x86-64 payloads must use SHT_RELA)",
    ARCH,
  ),
  rule(
    "section-name-offset",
    "error",
    "refuses-upload",
    "Section name offset past the section name string table",
    ELF,
  ),
  rule(
    "symtab-invalid",
    "error",
    "refuses-upload",
    "Symbol table missing, duplicated, corrupted, or its string table unusable",
    ELF,
  ),
  rule(
    "symtab-link-zero",
    "error",
    "crashes",
    "Symbol table linked to section 0: Xen 4.17 reads a section header it never set up (NULL) at upload",
    `${ELF} elf_resolve_sections()`,
  ),
  rule(
    "symbol-section-index",
    "error",
    "refuses-upload",
    "Symbol in a reserved or non-existent section",
    ELF,
  ),
  rule(
    "symbol-common",
    "error",
    "refuses-upload",
    "SHN_COMMON symbol (compile with -fno-common)",
    ELF,
  ),
  rule(
    "symbol-unresolved",
    "error",
    "refuses-upload",
    "Undefined symbol that neither the hypervisor nor an earlier payload provides (a nameless one never resolves)",
    ELF,
  ),
  rule(
    "symbol-undefined-local",
    "error",
    "accepts",
    "Undefined LOCAL symbol: Xen 4.17 resolves a named one like a global, possibly to an unrelated symbol",
    `${LBT} 378f84dbb099`,
  ),
  rule(
    "symbol-duplicate",
    "error",
    "refuses-upload",
    "New symbol whose name the hypervisor or an earlier payload already has",
    LP,
  ),
  // Relocations.
  rule(
    "rela-header",
    "error",
    "refuses-upload",
    "Relocation section with a corrupted entry size",
    ELF,
  ),
  rule(
    "rela-link",
    "error",
    "refuses-upload",
    "Relocation section not linked to the symbol table",
    ELF,
  ),
  rule(
    "rela-target",
    "error",
    "accepts",
    "Relocation section for a section that does not exist: the loader skips it, its relocations never happen",
    ELF,
  ),
  rule(
    "rela-symbol-zero",
    "error",
    "refuses-upload",
    "Relocation against symbol index 0 (STN_UNDEF)",
    `${ARCH}; ${LBT} 378f84dbb099`,
  ),
  rule(
    "rela-symbol-range",
    "error",
    "refuses-upload",
    "Relocation against a symbol index past the symbol table",
    ARCH,
  ),
  rule(
    "rela-type",
    "error",
    "refuses-upload",
    "Relocation type the hypervisor does not handle (only NONE, 64, PC32, PLT32)",
    ARCH,
  ),
  rule(
    "rela-offset",
    "error",
    "refuses-upload",
    "Relocation offset outside its target section",
    ARCH,
  ),
  rule(
    "rela-ignored-section",
    "error",
    "refuses-upload",
    "Relocation against a symbol in a section the loader ignores (not allocated)",
    `${ARCH}; ${LBT} 14b3b4699692`,
  ),
  rule(
    "section-overlap",
    "error",
    "crashes",
    "Allocated sections the loader places over each other (Xen 4.17 rounds an sh_addralign of 0 to offset 0): later bytes, relocations and alternatives overwrite earlier code",
    `${LP} move_payload(), calc_section()`,
  ),
  rule(
    "rela-overflow",
    "error",
    "refuses-upload",
    "PC32 or PLT32 relocation whose result, as the loader computes it, does not fit in 32 signed bits (EOVERFLOW)",
    ARCH,
  ),
  // Read-only data.
  rule(
    "rodata-unreferenced",
    "warning",
    "accepts",
    "Read-only data section that nothing references",
    `${LBT} 854a7ca60e35`,
  ),
  rule(
    "rodata-duplicate",
    "warning",
    "accepts",
    "String or data content an earlier payload of the stack already carries",
    `${LBT} dabc4e9fa87c`,
  ),
  // Livepatch sections and notes.
  rule(
    "section-missing",
    "error",
    "refuses-upload",
    "Required section missing (.note.gnu.build-id, .livepatch.depends, .livepatch.xen_depends)",
    LP,
    { changes: [XEN_DEPENDS_EARLY] },
  ),
  rule(
    "section-empty",
    "error",
    "refuses-upload",
    "Required or patching section present but empty",
    LP,
    { changes: [XEN_DEPENDS_EARLY] },
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
        XEN_DEPENDS_EARLY,
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
    { changes: [XEN_DEPENDS_EARLY] },
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
  // .livepatch.funcs.
  rule(
    "funcs-size",
    "error",
    "refuses-upload",
    ".livepatch.funcs size not a multiple of 104 bytes",
    LP,
  ),
  rule(
    "func-version",
    "error",
    "refuses-upload",
    "Function entry version is not LIVEPATCH_PAYLOAD_VERSION (2)",
    LP,
  ),
  rule("func-old-size", "error", "refuses-upload", "Function entry old_size is 0", LP),
  rule(
    "func-reserved",
    "error",
    "accepts",
    "Function entry reserved bytes (_pad) not zero: Xen 4.17 ignores them, a later loader may not",
    "xen/include/public/sysctl.h struct livepatch_func",
  ),
  rule(
    "func-name",
    "error",
    "refuses-upload",
    "Function entry name pointer cannot be followed to a string in the payload",
    LP,
  ),
  rule(
    "func-name-unmapped",
    "error",
    "crashes",
    "old_addr 0 and a name pointer that is NULL or past the payload's mapped pages: Xen 4.17 faults reading the name at upload",
    `${LP} resolve_old_address()`,
  ),
  rule(
    "func-unresolved",
    "error",
    "refuses-upload",
    "Function to patch not found in the hypervisor or an earlier payload",
    LP,
  ),
  rule(
    "old-addr-non-canonical",
    "error",
    "crashes",
    "old_addr, as relocated, is not a canonical address: Xen 4.17 reads the code there at upload and faults",
    `${ARCH} arch_livepatch_verify_func()`,
  ),
  rule(
    "old-addr-not-function-start",
    "error",
    "accepts",
    "old_addr, as relocated, is not the first byte of a function in xen-syms (its middle, past its end, or no function)",
    "xen-syms",
  ),
  rule(
    "func-distance",
    "error",
    "refuses-upload",
    "new_addr more than ±2 GiB from old_addr: the jump cannot reach it (EOVERFLOW)",
    "xen/include/xen/livepatch.h livepatch_verify_distance()",
  ),
  rule(
    "new-addr-outside-text",
    "error",
    "crashes",
    "new_addr, as relocated, is not in the payload's executable code: the patched function jumps into data",
    LP,
  ),
  rule(
    "func-duplicate",
    "error",
    "crashes",
    "Two function entries patch the same code: revert leaves the second one's saved jump in place",
    `${LP} revert_payload()`,
  ),
  rule(
    "func-too-short",
    "error",
    "refuses-upload",
    "Function to patch shorter than the jump that replaces it (5 bytes, 9 with ENDBR64)",
    ARCH,
  ),
  rule(
    "func-nop-size",
    "error",
    "refuses-upload",
    "NOP entry (no new function) with new_size over 31 or over old_size",
    ARCH,
  ),
  rule(
    "func-old-size-overrun",
    "error",
    "accepts",
    "old_size larger than the function in xen-syms: patching or reverting would touch the next function",
    "xen-syms",
  ),
  rule(
    "expect-invalid",
    "error",
    "refuses-apply",
    "Expectation longer than old_size, or reserved bits set",
    LP,
  ),
  rule(
    "expect-mismatch",
    "error",
    "refuses-apply",
    "Expected bytes differ from the old function's code in xen-syms",
    LP,
  ),
  rule(
    "expect-alternative",
    "error",
    "refuses-apply",
    "Expectation over bytes Xen rewrites at boot (an alternative): the live code differs from xen-syms, on QEMU or on some hosts",
    "xen/arch/x86/alternative.c",
  ),
  rule(
    "expect-endbr-sealed",
    "error",
    "accepts",
    "Expectation of ENDBR64 on a function Xen seals at boot on CET-IBT hardware: QEMU applies it, the host refuses the apply",
    "xen/arch/x86/alternative.c cf_clobber",
  ),
  // The instructions a patch overwrites.
  rule(
    "nop-insn-boundary",
    "error",
    "crashes",
    "The NOP run ends inside an instruction or past the end of the old function",
    `${ARCH} arch_livepatch_apply(); decoded with iced-x86`,
  ),
  rule(
    "branch-into-patch",
    "error",
    "accepts",
    "A direct branch in xen-syms lands inside the bytes the patch overwrites",
    `${ARCH} arch_livepatch_apply(); decoded with iced-x86`,
  ),
  // Hooks, special sections, metadata.
  rule(
    "hook-size",
    "error",
    "refuses-upload",
    "Hook section size wrong (single hooks: one 8-byte pointer; load/unload: multiple of 8)",
    LP,
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
  // Issue 21: what the loader accepts and the running hypervisor does not survive.
  rule(
    "store-read-only",
    "error",
    "crashes",
    "Code outside the hooks stores into the hypervisor's __ro_after_init data or .rodata, read-only after boot",
    "xen/arch/x86/setup.c (read-only after boot); c3ff11b11c, 335cbb5556 (writable while a payload is applied)",
  ),
  rule(
    "func-old-size-mismatch",
    "warning",
    "accepts",
    "Function entry whose old_size is not the size of the xen-syms function it patches",
    `${LP} (old_size is never checked against the symbol table)`,
  ),
  rule(
    "func-symbol-too-short",
    "error",
    "accepts",
    "Function entry patching a xen-syms function smaller than the jump written over it (5 bytes; 9 after ENDBR64)",
    `${ARCH} arch_livepatch_apply() (writes past the function's end)`,
  ),
  rule(
    "expect-reserved-disabled",
    "warning",
    "accepts",
    "Disabled expectation with reserved bits set (ignored today; a later ABI may give them meaning)",
    `${LP} livepatch_check_expectations()`,
  ),
  rule(
    "percpu-new",
    "error",
    "accepts",
    "Payload defines per-CPU data of its own: Xen has no per-CPU area for a payload",
    "xen/arch/x86/percpu.c (per-CPU areas are copied from the image only)",
  ),
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]["id"];

export const RULE_BY_ID: ReadonlyMap<RuleId, Rule> = new Map(RULES.map((r) => [r.id, r]));

type Version = Pick<XenVersion, "major" | "minor" | "patch">;

/** Whether the loader of `version` has the rule at all. */
export function ruleApplies(rule: Rule, version: Version): boolean {
  return !rule.since || hasChange(version, rule.since);
}

/** What the loader of `version` does with a payload that breaks `rule`. */
export function loaderVerdictFor(rule: Rule, version: Version | undefined): LoaderVerdict {
  let verdict = rule.loader;
  for (const c of rule.changes ?? [])
    if (c.loader && version && hasChange(version, c.change)) verdict = c.loader;
  return verdict;
}

/**
 * The rule's versions in words, for `xen-livepatch-ci rules` and the README: where it
 * applies from, and each change with its releases, e.g.
 * `4.18.4+, 4.19.1+, 4.20+: refuses-upload (aa5a06d5d6: refused at upload: ...)`.
 */
export function ruleVersions(rule: Rule): string[] {
  const lines = rule.since ? [`only ${describeChange(rule.since)} (${rule.since.commit})`] : [];
  for (const c of rule.changes ?? [])
    lines.push(
      `${describeChange(c.change)}: ${c.loader ? `${c.loader} (${c.change.commit}: ${c.what})` : `${c.change.commit}: ${c.what}`}`,
    );
  return lines;
}

export interface FindingLocation {
  readonly section?: string;
  readonly sectionIndex?: number;
  /** Index of the entry (relocation, symbol, function) inside the section. */
  readonly entry?: number;
  /** Byte offset inside the section (or the file, when no section is named). */
  readonly offset?: number;
  readonly symbol?: string;
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly location: FindingLocation;
  /** Set for a defect the payload is known to carry on purpose (the self-test set). */
  readonly expected?: true;
}
