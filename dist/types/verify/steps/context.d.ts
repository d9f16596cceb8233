import { type ElfSection, type ElfSymbol } from "../../elf/reader.js";
import type { Payload } from "../../livepatch/payload.js";
import type { XenSyms } from "../../livepatch/xen-syms.js";
import type { LoaderStep } from "../../xen/loader-version.js";
import { type LoadedPayload, type LoaderVersion } from "../loader-model.js";
import { type Finding, type FindingLocation, type RuleId } from "../rules.js";
export interface VerifyTarget {
    /** The hypervisor the payload will be loaded into. */
    readonly xen?: XenSyms;
    /** Payloads applied before this one, oldest first. */
    readonly stack: readonly Payload[];
    /** The loader's rules (default: the one for xen-syms' version, else Xen 4.17's). */
    readonly loader?: LoaderVersion;
    /**
     * Whether to decode xen-syms and check what each patch overwrites, as instructions
     * (default true; the first payload of a set pays ~150 ms for the decode).
     */
    readonly instructions?: boolean;
}
/** The findings of one file, in the order the steps report them. */
export declare class FindingList {
    private readonly file;
    readonly findings: Finding[];
    private readonly counts;
    constructor(file: string);
    add(ruleId: RuleId, message: string, location?: FindingLocation): void;
    has(ruleId: RuleId): boolean;
    finish(): Finding[];
}
/** One step of the verifier: a step of Xen's loader, or a check beyond it. */
export interface VerifierStep {
    readonly name: string;
    /** Where the step comes from: the loader's function(s), or livepatch-build-tools' fix. */
    readonly basis: string;
    /**
     * The rules the step owns (it alone reports them), each with the step of Xen's loader
     * that meets the defect (loader-order.ts; a few depend on the section, see stepOf).
     */
    readonly rules: Readonly<Record<RuleId, LoaderStep>>;
    /**
     * Rules of its own whose finding means the step failed: what it produced is not what
     * the loader would have, so the steps that need it are not run.
     */
    readonly breaks?: readonly RuleId[];
    /** Earlier steps that must have run without failing for this one to mean anything. */
    readonly needs?: readonly string[];
    readonly run: (ctx: StepContext) => void;
}
/** The payload under verification, its target, and what the steps found so far. */
export declare class StepContext {
    readonly payload: Payload;
    readonly target: VerifyTarget;
    readonly out: FindingList;
    readonly elf: import("../../elf/reader.js").ElfFile;
    /** The loader's rules of the hypervisor's own version, when xen-syms says which it is. */
    readonly version: LoaderVersion;
    /** Symbols, once the symbols step found the symbol table usable. */
    symbols: readonly ElfSymbol[] | undefined;
    /**
     * The payload as the loader places and relocates it (the placement step); undefined
     * without xen-syms or when the steps it needs failed.
     */
    loaded: LoadedPayload | undefined;
    /** What was not checked, and why (by default: no xen-syms). */
    readonly notChecked: Map<string, string | undefined>;
    private stackExportCache?;
    constructor(payload: Payload, target: VerifyTarget, out: FindingList);
    add(ruleId: RuleId, message: string, location?: FindingLocation): void;
    /** Records a check that could not be made (reported by the last step, not-checked). */
    skip(what: string, why?: string): void;
    /** elf_verify_strtab(): a string table starts and ends with NUL. */
    strtabProblem(s: ElfSection): string | undefined;
    /** Whether the hypervisor's symbol lookup or an earlier payload's new symbols have `name`. */
    resolvesOutside(name: string): boolean;
    /** Names the earlier payloads add to the hypervisor's table, with the payload adding each. */
    stackExports(): Map<string, string>;
    /** The earlier payload of the stack that patches the function `name`, if any. */
    patchedBelow(name: string): string | undefined;
    /**
     * What this version's loader says when it refuses the upload: its name, the errno and,
     * where it prints one, the console line (without Xen's "livepatch: " prefix).
     */
    refusal(errno: "EINVAL" | "ENODATA" | "ENOSPC" | "ERANGE", line?: string): string;
}
/** A finding's location in `section`, with the entry, offset or symbol of `extra`. */
export declare const at: (section: ElfSection, extra?: Omit<FindingLocation, "section" | "sectionIndex">) => {
    symbol?: string;
    offset?: number | string;
    entry?: number;
    section: string;
    sectionIndex: number;
};
/** A section as findings name it: `name [index]`. */
export declare const sectionLabel: (s: ElfSection) => string;
export declare const isAlloc: (s: ElfSection) => boolean;
/** The payload's non-empty, in-file, read-only `.rodata*` sections. */
export declare function rodataSections(elf: Payload["elf"]): ElfSection[];
export declare function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean;
/** `fn()`, or `fallback` where it meets a malformed ELF structure. */
export declare function safely<T>(fn: () => T, fallback: T): T;
