/**
 * The upstream changes to Xen that change what the builder or the verifier must do, one
 * record each, with the releases that have it (first minor, and backports by point release).
 * docs/xen-versions.md says what each version changes.
 */
import type { XenChange } from "./version.js";
/**
 * fa49f4be41 "livepatch: do Xen build-id check earlier" (4.18.4+, 4.19.1+, 4.20):
 * `.livepatch.xen_depends` is checked right after the ELF load, before placement, symbol
 * resolution and relocations, with new messages; the upload of a payload without it is
 * refused with "section .livepatch.xen_depends is missing" instead of
 * ".livepatch.xen_depends is missing".
 */
export declare const XEN_BUILDID_CHECKED_EARLY: XenChange;
/**
 * 86d09d16dd "simplify and unify prepare_payload()" (4.18.4+, 4.19.1+, 4.20): parse_buildid() returns xen_build_id_check()'s rc, so a `.note.gnu.build-id` or
 * `.livepatch.depends` note of the wrong type or name is refused with ENODATA (was EINVAL).
 */
export declare const BUILDID_NOTE_ENODATA: XenChange;
/**
 * aa5a06d5d6 "x86/alternatives: do not BUG during apply" (4.18.4+, 4.19.1+, 4.20): an
 * alternative Xen cannot apply is refused (ENOSPC, ERANGE) instead of hitting BUG_ON.
 */
export declare const ALTERNATIVES_REFUSED: XenChange;
/**
 * ALT_FLAG_NOT alternatives (2aa9922c89 on stable-4.17; 4.17.6+, 4.18.5+, 4.19.3+, 4.20.1+,
 * 4.21): bit 15 of an alternative's cpuid inverts it and is not part of the feature number.
 */
export declare const ALT_FLAG_NOT: XenChange;
/**
 * d2fd5f0fcd "Support new altcall scheme" (4.21): the loader takes
 * `.alt_call_sites`.
 */
export declare const ALT_CALL_SITES: XenChange;
/**
 * a199bb283b (4.22): Xen's build no longer passes `-D__ASSEMBLY__` to assembly; its
 * headers test `__ASSEMBLER__`, which the compiler itself defines for every version.
 */
export declare const ASSEMBLY_MACRO_DROPPED: XenChange;
/**
 * 4c3ce492ed "Pass buffer size to list sysctl" (4.21): XEN_SYSCTL_INTERFACE_VERSION 0x16,
 * and CONFIG_LIVEPATCH depends on CONFIG_SYSCTL (31aca815c7).
 */
export declare const SYSCTL_0X16: {
    from: number;
};
/**
 * df2209f9b7 "xen: introduce xen/linkage.h" and b3a9037550, 837e5144ac (4.19): x86
 * assembly routines are written as FUNC()/END() pairs, which give them a function type
 * and a size; before, ENTRY()/GLOBAL() gave untyped labels of size 0 (xen-versions.md §5).
 */
export declare const ASSEMBLY_FUNCTION_SYMBOLS: {
    from: number;
};
