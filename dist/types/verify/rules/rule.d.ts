/**
 * The shape of a verifier rule and the helper its tables are written with (rules.ts
 * gathers the tables; each rule's step is steps/index.ts's).
 */
import type { XenChange } from "../../xen/version.js";
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
export declare const rule: (id: string, severity: Severity, loader: LoaderVerdict, title: string, basis: string, versions?: {
    since?: XenChange;
    changes?: readonly RuleChange[];
}) => Rule;
export declare const ELF = "xen/common/livepatch_elf.c";
export declare const LP = "xen/common/livepatch.c";
export declare const ARCH = "xen/arch/x86/livepatch.c";
export declare const LBT = "livepatch-build-tools";
/** The early build-id check, for the rules that can report on .livepatch.xen_depends. */
export declare const EARLY_BUILDID_CHECK: RuleChange;
