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
/**
 * "livepatch: do Xen build-id check earlier" (4.18.4+, 4.19.1+, 4.20): check_xen_buildid()
 * checks `.livepatch.xen_depends` right after the ELF load, before placement, symbol
 * resolution and relocations, with new console lines; the upload of a payload without it
 * is refused with "section .livepatch.xen_depends is missing".
 */
export declare const XEN_BUILDID_CHECKED_EARLY: {
    readonly commit: "fa49f4be41";
    readonly title: "livepatch: do Xen build-id check earlier";
    readonly from: 20;
    readonly backports: {
        readonly 18: 4;
        readonly 19: 1;
    };
    readonly summary: ".livepatch.xen_depends checked right after the ELF load, before placement, symbols and relocations, with new messages";
    readonly loader: (model: LoaderVersion) => {
        xenDepends: XenDependsCheck;
        name: string;
        release: Pick<import("./version.js").XenVersion, "major" | "minor" | "patch">;
        pageSize: bigint;
        area: {
            readonly startSymbol: string;
            readonly maxSpan: bigint;
        };
        roundUp: (x: bigint, align: bigint) => bigint;
        relocations: ReadonlyMap<number, import("./abi.js").RelocationKind>;
        patchRange: bigint;
        canonicalBits: number;
        patchInsnSize: number;
        specialEntrySizes: Readonly<Record<string, number>>;
        altInstr: {
            readonly size: number;
            readonly origOffset: number;
            readonly replOffset: number;
            readonly cpuid: number;
            readonly origLen: number;
            readonly replLen: number;
            readonly padLen: number;
        };
        alternatives: {
            readonly refused: boolean;
            readonly maxPatchLen: number;
            readonly flagNot: boolean;
            readonly capabilityWords: number;
        };
        noteTypeErrno: "EINVAL" | "ENODATA";
        bugFrame: {
            readonly size: number;
            readonly dispBits: number;
        };
        exTableEntrySize: number;
        altCallSites?: {
            readonly size: number;
            readonly callLen: number;
        };
    };
};
/**
 * "simplify and unify prepare_payload()" (4.18.4+, 4.19.1+, 4.20): parse_buildid() returns
 * xen_build_id_check()'s rc, so a `.note.gnu.build-id` or `.livepatch.depends` note of the
 * wrong type or name is refused with ENODATA (was EINVAL).
 */
export declare const BUILDID_NOTE_ENODATA: {
    readonly commit: "86d09d16dd";
    readonly title: "livepatch: simplify and unify prepare_payload()";
    readonly from: 20;
    readonly backports: {
        readonly 18: 4;
        readonly 19: 1;
    };
    readonly summary: "a note of the wrong type or name is refused with ENODATA";
    readonly loader: (model: LoaderVersion) => {
        noteTypeErrno: "ENODATA";
        name: string;
        release: Pick<import("./version.js").XenVersion, "major" | "minor" | "patch">;
        pageSize: bigint;
        area: {
            readonly startSymbol: string;
            readonly maxSpan: bigint;
        };
        roundUp: (x: bigint, align: bigint) => bigint;
        relocations: ReadonlyMap<number, import("./abi.js").RelocationKind>;
        patchRange: bigint;
        canonicalBits: number;
        patchInsnSize: number;
        specialEntrySizes: Readonly<Record<string, number>>;
        altInstr: {
            readonly size: number;
            readonly origOffset: number;
            readonly replOffset: number;
            readonly cpuid: number;
            readonly origLen: number;
            readonly replLen: number;
            readonly padLen: number;
        };
        alternatives: {
            readonly refused: boolean;
            readonly maxPatchLen: number;
            readonly flagNot: boolean;
            readonly capabilityWords: number;
        };
        xenDepends: XenDependsCheck;
        bugFrame: {
            readonly size: number;
            readonly dispBits: number;
        };
        exTableEntrySize: number;
        altCallSites?: {
            readonly size: number;
            readonly callLen: number;
        };
    };
};
/**
 * "x86/alternatives: do not BUG during apply" (4.18.4+, 4.19.1+, 4.20): an alternative Xen
 * cannot apply is refused (ENOSPC, ERANGE) instead of hitting BUG_ON.
 */
export declare const ALTERNATIVES_REFUSED: {
    readonly commit: "aa5a06d5d6";
    readonly title: "x86/alternatives: do not BUG during apply";
    readonly from: 20;
    readonly backports: {
        readonly 18: 4;
        readonly 19: 1;
    };
    readonly summary: "an alternative Xen cannot apply is refused at upload instead of BUG_ON";
    readonly loader: (model: LoaderVersion) => {
        alternatives: {
            refused: true;
            maxPatchLen: number;
            flagNot: boolean;
            capabilityWords: number;
        };
        name: string;
        release: Pick<import("./version.js").XenVersion, "major" | "minor" | "patch">;
        pageSize: bigint;
        area: {
            readonly startSymbol: string;
            readonly maxSpan: bigint;
        };
        roundUp: (x: bigint, align: bigint) => bigint;
        relocations: ReadonlyMap<number, import("./abi.js").RelocationKind>;
        patchRange: bigint;
        canonicalBits: number;
        patchInsnSize: number;
        specialEntrySizes: Readonly<Record<string, number>>;
        altInstr: {
            readonly size: number;
            readonly origOffset: number;
            readonly replOffset: number;
            readonly cpuid: number;
            readonly origLen: number;
            readonly replLen: number;
            readonly padLen: number;
        };
        xenDepends: XenDependsCheck;
        noteTypeErrno: "EINVAL" | "ENODATA";
        bugFrame: {
            readonly size: number;
            readonly dispBits: number;
        };
        exTableEntrySize: number;
        altCallSites?: {
            readonly size: number;
            readonly callLen: number;
        };
    };
};
/**
 * ALT_FLAG_NOT alternatives (2aa9922c89 on stable-4.17; 4.17.6+, 4.18.5+, 4.19.3+, 4.20.1+,
 * 4.21): bit 15 of an alternative's cpuid inverts it and is not part of the feature number.
 */
export declare const ALT_FLAG_NOT: {
    readonly commit: "2aa9922c89";
    readonly title: "x86/alternatives: ALT_FLAG_NOT";
    readonly from: 21;
    readonly backports: {
        readonly 17: 6;
        readonly 18: 5;
        readonly 19: 3;
        readonly 20: 1;
    };
    readonly carriedBy: readonly [17];
    readonly summary: "bit 15 of an alternative's cpuid inverts it (ALT_FLAG_NOT)";
    readonly loader: (model: LoaderVersion) => {
        alternatives: {
            flagNot: true;
            refused: boolean;
            maxPatchLen: number;
            capabilityWords: number;
        };
        name: string;
        release: Pick<import("./version.js").XenVersion, "major" | "minor" | "patch">;
        pageSize: bigint;
        area: {
            readonly startSymbol: string;
            readonly maxSpan: bigint;
        };
        roundUp: (x: bigint, align: bigint) => bigint;
        relocations: ReadonlyMap<number, import("./abi.js").RelocationKind>;
        patchRange: bigint;
        canonicalBits: number;
        patchInsnSize: number;
        specialEntrySizes: Readonly<Record<string, number>>;
        altInstr: {
            readonly size: number;
            readonly origOffset: number;
            readonly replOffset: number;
            readonly cpuid: number;
            readonly origLen: number;
            readonly replLen: number;
            readonly padLen: number;
        };
        xenDepends: XenDependsCheck;
        noteTypeErrno: "EINVAL" | "ENODATA";
        bugFrame: {
            readonly size: number;
            readonly dispBits: number;
        };
        exTableEntrySize: number;
        altCallSites?: {
            readonly size: number;
            readonly callLen: number;
        };
    };
};
/**
 * "Support new altcall scheme" (4.21): the loader takes `.alt_call_sites` (prepare_payload()
 * checks each site lies in the payload's text; livepatch_apply_alt_calls() requires `ff 15`).
 */
export declare const ALT_CALL_SITES: {
    readonly commit: "d2fd5f0fcd";
    readonly title: "x86/altcall: Support new altcall scheme";
    readonly from: 21;
    readonly summary: "the loader takes .alt_call_sites";
    readonly loader: (model: LoaderVersion) => {
        specialEntrySizes: {
            ".alt_call_sites": 4;
        };
        altCallSites: {
            readonly size: 4;
            readonly callLen: 6;
        };
        name: string;
        release: Pick<import("./version.js").XenVersion, "major" | "minor" | "patch">;
        pageSize: bigint;
        area: {
            readonly startSymbol: string;
            readonly maxSpan: bigint;
        };
        roundUp: (x: bigint, align: bigint) => bigint;
        relocations: ReadonlyMap<number, import("./abi.js").RelocationKind>;
        patchRange: bigint;
        canonicalBits: number;
        patchInsnSize: number;
        altInstr: {
            readonly size: number;
            readonly origOffset: number;
            readonly replOffset: number;
            readonly cpuid: number;
            readonly origLen: number;
            readonly replLen: number;
            readonly padLen: number;
        };
        alternatives: {
            readonly refused: boolean;
            readonly maxPatchLen: number;
            readonly flagNot: boolean;
            readonly capabilityWords: number;
        };
        xenDepends: XenDependsCheck;
        noteTypeErrno: "EINVAL" | "ENODATA";
        bugFrame: {
            readonly size: number;
            readonly dispBits: number;
        };
        exTableEntrySize: number;
    };
};
/**
 * 4.21's second synthetic capability word (X86_NR_SYNTH 2 in
 * xen/arch/x86/include/asm/cpufeatures.h): NCAPINTS 22, so feature numbers up to 703.
 */
export declare const SYNTH_CAPABILITY_WORD: {
    readonly title: "x86: X86_NR_SYNTH 2";
    readonly from: 21;
    readonly summary: "NCAPINTS 22 (one more synthetic capability word)";
    readonly loader: (model: LoaderVersion) => {
        alternatives: {
            capabilityWords: number;
            refused: boolean;
            maxPatchLen: number;
            flagNot: boolean;
        };
        name: string;
        release: Pick<import("./version.js").XenVersion, "major" | "minor" | "patch">;
        pageSize: bigint;
        area: {
            readonly startSymbol: string;
            readonly maxSpan: bigint;
        };
        roundUp: (x: bigint, align: bigint) => bigint;
        relocations: ReadonlyMap<number, import("./abi.js").RelocationKind>;
        patchRange: bigint;
        canonicalBits: number;
        patchInsnSize: number;
        specialEntrySizes: Readonly<Record<string, number>>;
        altInstr: {
            readonly size: number;
            readonly origOffset: number;
            readonly replOffset: number;
            readonly cpuid: number;
            readonly origLen: number;
            readonly replLen: number;
            readonly padLen: number;
        };
        xenDepends: XenDependsCheck;
        noteTypeErrno: "EINVAL" | "ENODATA";
        bugFrame: {
            readonly size: number;
            readonly dispBits: number;
        };
        exTableEntrySize: number;
        altCallSites?: {
            readonly size: number;
            readonly callLen: number;
        };
    };
};
/**
 * a199bb283b (4.22): Xen's build no longer passes `-D__ASSEMBLY__` to assembly; its
 * headers test `__ASSEMBLER__`, which the compiler itself defines for every version.
 */
export declare const ASSEMBLY_MACRO_DROPPED: {
    readonly commit: "a199bb283b";
    readonly title: "build: drop -D__ASSEMBLY__";
    readonly from: 22;
    readonly summary: "assembly is built without -D__ASSEMBLY__ (the builder adds it for older trees)";
};
/**
 * 4c3ce492ed "Pass buffer size to list sysctl" (4.21): XEN_SYSCTL_INTERFACE_VERSION 0x16,
 * and CONFIG_LIVEPATCH depends on CONFIG_SYSCTL (31aca815c7).
 */
export declare const SYSCTL_0X16: {
    readonly commit: "4c3ce492ed";
    readonly title: "livepatch: Pass buffer size to list sysctl";
    readonly from: 21;
    readonly summary: "XEN_SYSCTL_INTERFACE_VERSION 0x16; CONFIG_LIVEPATCH depends on CONFIG_SYSCTL";
};
/**
 * df2209f9b7 "xen: introduce xen/linkage.h" and b3a9037550, 837e5144ac (4.19): x86
 * assembly routines are written as FUNC()/END() pairs, which give them a function type
 * and a size; before, ENTRY()/GLOBAL() gave untyped labels of size 0 (xen-versions.md).
 */
export declare const ASSEMBLY_FUNCTION_SYMBOLS: {
    readonly commit: "df2209f9b7";
    readonly title: "xen: introduce xen/linkage.h";
    readonly from: 19;
    readonly summary: "x86 assembly routines are typed, sized functions (FUNC()/END())";
};
/** Every record, oldest first: the order loader.ts folds them in. */
export declare const CHANGES: readonly XenChangeRecord[];
