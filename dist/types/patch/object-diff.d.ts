import type { ElfSection } from "../elf/reader.js";
import { type XenVersion } from "../xen/version.js";
import { type ObjectModel, type Unit } from "./object-model.js";
export interface ChangedFunction {
    /** The function in the patched object. */
    unit: Unit;
    /** The same function in the base's object. */
    original: Unit;
    /** Why it differs, for the log. */
    why: string;
}
/** A change to init code: refused, or on request left out of the payload and reported. */
export interface IgnoredChange {
    /** The function or data in the hypervisor's terms (`file#name` when static), or the object. */
    name: string;
    object: string;
    why: string;
}
export interface ObjectDiff {
    original: ObjectModel;
    patched: ObjectModel;
    /** Functions whose code or references changed: they get a function entry. */
    changed: ChangedFunction[];
    /** Functions only the patched object has. */
    added: Unit[];
    /** Hook sections (`LIVEPATCH_*_HOOK`) the patch added. */
    hooks: ElfSection[];
    /** What a livepatch cannot do, each naming the function or data. */
    refusals: string[];
    /** Changes to init code, which ran at boot: refused unless the caller ignores them. */
    initChanges: IgnoredChange[];
    /** The base's version of each patched unit that has one. */
    pairs: Map<Unit, Unit>;
}
export interface DiffOptions {
    /**
     * Whether the patch moves an unchanged line `from` to `to` (see linesMovedBy in
     * series.ts): a function whose code differs only by such a number is said to.
     */
    lineMoved?: (from: number, to: number) => boolean;
    /**
     * The hypervisor's version: a refusal of untyped assembly says from which version
     * assembly routines can be patched (ASSEMBLY_FUNCTION_SYMBOLS).
     */
    xenVersion?: Pick<XenVersion, "major" | "minor" | "patch" | "text">;
}
/**
 * Whether a code section is entry code (`.text.entry`, `.text.entry.*`): under XPTI the
 * per-CPU restricted page tables map only it, the stacks, IDT, TSS and stubs
 * (setup_cpu_root_pgt() in xen/arch/x86/smpboot.c), and code there runs before the switch
 * to Xen's full page tables, where a payload's text is not mapped.
 */
export declare function isEntryCode(section: Pick<ElfSection, "name">): boolean;
/** Why a change to entry code is refused, naming the routine or place. */
export declare function entryCodeRefusal(what: string, object: string, section: string): string;
/**
 * Why changed code outside any function symbol is refused. Before Xen 4.19 assembly has
 * no FUNC()/END() annotations, so the refusal says from which version it can be patched.
 */
export declare function untypedCodeRefusal(where: string, version: DiffOptions["xenVersion"]): string;
export declare function diffObjects(original: ObjectModel, patched: ObjectModel, options?: DiffOptions): ObjectDiff;
/**
 * Whether two equally long codes differ only in 32-bit immediates that read as line
 * numbers (1 to 65535) moved by one and the same distance: `__LINE__` passed on as an
 * argument (domain_crash(), dprintk()) after lines were added or removed above it.
 * Returns the first such number before and after, or undefined for any other difference.
 */
export declare function embeddedLineChange(a: Uint8Array, b: Uint8Array): {
    from: number;
    to: number;
} | undefined;
