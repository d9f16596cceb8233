/**
 * The upstream changes to Xen that change what the builder or the verifier must do, one
 * record each: the commit, the releases that have it (first minor, and backports by point
 * release), and its consequences as data: what it flips in the loader's model (loader.ts
 * folds CHANGES over 4.17's model), the console lines it makes Xen print, and the step it
 * moves a check to. docs/xen-versions.md says what each version changes.
 */
import { ALT_CALL } from "./abi.js";
import type { XenChange } from "./version.js";
import type { LoaderVersion, XenDependsCheck } from "./loader-version.js";

/** One upstream change and what follows from it. */
export interface XenChangeRecord extends Partial<Pick<XenChange, "commit">> {
  readonly title: string;
  readonly from: number;
  readonly backports?: Readonly<Record<number, number>>;
  /**
   * Minors whose distribution base carries the change whatever the point release (the
   * Debian 12 base, 4.17.5+72, reports itself as 4.17.5 and has ALT_FLAG_NOT).
   */
  readonly carriedBy?: readonly number[];
  /** What it changes in the loader's model, for a release that has it. */
  readonly loader?: (model: LoaderVersion) => LoaderVersion;
  /** What it changes, in a few words (the verifier's rule listing says it). */
  readonly summary: string;
}

/** check_xen_buildid(): every `.livepatch.xen_depends` check right after the ELF load. */
const XEN_DEPENDS_EARLY: XenDependsCheck = {
  steps: { missing: "xen-build-id", note: "xen-build-id", mismatch: "xen-build-id" },
  lines: {
    missing: ": section .livepatch.xen_depends is missing",
    // An empty section fails to parse as a note (-EINVAL).
    empty: ": failed to parse section .livepatch.xen_depends as build-id: -22",
    mismatch: ": build-id mismatch:",
    badNote: (errno) => `: failed to parse section .livepatch.xen_depends as build-id: -${errno}`,
  },
};

/**
 * "livepatch: do Xen build-id check earlier" (4.18.4+, 4.19.1+, 4.20): check_xen_buildid()
 * checks `.livepatch.xen_depends` right after the ELF load, before placement, symbol
 * resolution and relocations, with new console lines; the upload of a payload without it
 * is refused with "section .livepatch.xen_depends is missing".
 */
export const XEN_BUILDID_CHECKED_EARLY = {
  commit: "fa49f4be41",
  title: "livepatch: do Xen build-id check earlier",
  from: 20,
  backports: { 18: 4, 19: 1 },
  summary:
    ".livepatch.xen_depends checked right after the ELF load, before placement, symbols and relocations, with new messages",
  loader: (model) => ({ ...model, xenDepends: XEN_DEPENDS_EARLY }),
} as const satisfies XenChangeRecord;

/**
 * "simplify and unify prepare_payload()" (4.18.4+, 4.19.1+, 4.20): parse_buildid() returns
 * xen_build_id_check()'s rc, so a `.note.gnu.build-id` or `.livepatch.depends` note of the
 * wrong type or name is refused with ENODATA (was EINVAL).
 */
export const BUILDID_NOTE_ENODATA = {
  commit: "86d09d16dd",
  title: "livepatch: simplify and unify prepare_payload()",
  from: 20,
  backports: { 18: 4, 19: 1 },
  summary: "a note of the wrong type or name is refused with ENODATA",
  loader: (model) => ({ ...model, noteTypeErrno: "ENODATA" }),
} as const satisfies XenChangeRecord;

/**
 * "x86/alternatives: do not BUG during apply" (4.18.4+, 4.19.1+, 4.20): an alternative Xen
 * cannot apply is refused (ENOSPC, ERANGE) instead of hitting BUG_ON.
 */
export const ALTERNATIVES_REFUSED = {
  commit: "aa5a06d5d6",
  title: "x86/alternatives: do not BUG during apply",
  from: 20,
  backports: { 18: 4, 19: 1 },
  summary: "an alternative Xen cannot apply is refused at upload instead of BUG_ON",
  loader: (model) => ({ ...model, alternatives: { ...model.alternatives, refused: true } }),
} as const satisfies XenChangeRecord;

/**
 * ALT_FLAG_NOT alternatives (2aa9922c89 on stable-4.17; 4.17.6+, 4.18.5+, 4.19.3+, 4.20.1+,
 * 4.21): bit 15 of an alternative's cpuid inverts it and is not part of the feature number.
 */
export const ALT_FLAG_NOT = {
  commit: "2aa9922c89",
  title: "x86/alternatives: ALT_FLAG_NOT",
  from: 21,
  backports: { 17: 6, 18: 5, 19: 3, 20: 1 },
  carriedBy: [17],
  summary: "bit 15 of an alternative's cpuid inverts it (ALT_FLAG_NOT)",
  loader: (model) => ({ ...model, alternatives: { ...model.alternatives, flagNot: true } }),
} as const satisfies XenChangeRecord;

/**
 * "Support new altcall scheme" (4.21): the loader takes `.alt_call_sites` (prepare_payload()
 * checks each site lies in the payload's text; livepatch_apply_alt_calls() requires `ff 15`).
 */
export const ALT_CALL_SITES = {
  commit: "d2fd5f0fcd",
  title: "x86/altcall: Support new altcall scheme",
  from: 21,
  summary: "the loader takes .alt_call_sites",
  loader: (model) => ({
    ...model,
    specialEntrySizes: { ...model.specialEntrySizes, ".alt_call_sites": ALT_CALL.size },
    altCallSites: ALT_CALL,
  }),
} as const satisfies XenChangeRecord;

/**
 * 4.21's second synthetic capability word (X86_NR_SYNTH 2 in
 * xen/arch/x86/include/asm/cpufeatures.h): NCAPINTS 22, so feature numbers up to 703.
 */
export const SYNTH_CAPABILITY_WORD = {
  title: "x86: X86_NR_SYNTH 2",
  from: 21,
  summary: "NCAPINTS 22 (one more synthetic capability word)",
  loader: (model) => ({
    ...model,
    alternatives: { ...model.alternatives, capabilityWords: 22 },
  }),
} as const satisfies XenChangeRecord;

/**
 * a199bb283b (4.22): Xen's build no longer passes `-D__ASSEMBLY__` to assembly; its
 * headers test `__ASSEMBLER__`, which the compiler itself defines for every version.
 */
export const ASSEMBLY_MACRO_DROPPED = {
  commit: "a199bb283b",
  title: "build: drop -D__ASSEMBLY__",
  from: 22,
  summary: "assembly is built without -D__ASSEMBLY__ (the builder adds it for older trees)",
} as const satisfies XenChangeRecord;

/**
 * 4c3ce492ed "Pass buffer size to list sysctl" (4.21): XEN_SYSCTL_INTERFACE_VERSION 0x16,
 * and CONFIG_LIVEPATCH depends on CONFIG_SYSCTL (31aca815c7).
 */
export const SYSCTL_0X16 = {
  commit: "4c3ce492ed",
  title: "livepatch: Pass buffer size to list sysctl",
  from: 21,
  summary: "XEN_SYSCTL_INTERFACE_VERSION 0x16; CONFIG_LIVEPATCH depends on CONFIG_SYSCTL",
} as const satisfies XenChangeRecord;

/**
 * df2209f9b7 "xen: introduce xen/linkage.h" and b3a9037550, 837e5144ac (4.19): x86
 * assembly routines are written as FUNC()/END() pairs, which give them a function type
 * and a size; before, ENTRY()/GLOBAL() gave untyped labels of size 0 (xen-versions.md).
 */
export const ASSEMBLY_FUNCTION_SYMBOLS = {
  commit: "df2209f9b7",
  title: "xen: introduce xen/linkage.h",
  from: 19,
  summary: "x86 assembly routines are typed, sized functions (FUNC()/END())",
} as const satisfies XenChangeRecord;

/** Every record, oldest first: the order loader.ts folds them in. */
export const CHANGES: readonly XenChangeRecord[] = [
  ASSEMBLY_FUNCTION_SYMBOLS,
  XEN_BUILDID_CHECKED_EARLY,
  BUILDID_NOTE_ENODATA,
  ALTERNATIVES_REFUSED,
  ALT_FLAG_NOT,
  ALT_CALL_SITES,
  SYNTH_CAPABILITY_WORD,
  SYSCTL_0X16,
  ASSEMBLY_MACRO_DROPPED,
];
