import { type ElfFile, type ElfRela, type ElfSection, type ElfSymbol } from "../elf/reader.js";
export type UnitKind = "function" | "object";
/** A function or data object: the bytes of one symbol, with the relocations inside it. */
export interface Unit {
    kind: UnitKind;
    /** The symbol's name in this object (`foo`, `foo.isra.0`, `buf.3`). */
    name: string;
    /** The name the hypervisor's symbol lookup knows it by: `file#name` when local. */
    xenName: string;
    symbol: ElfSymbol;
    section: ElfSection;
    start: number;
    size: number;
    /** Relocations with offsets relative to `start`. */
    relas: ElfRela[];
}
/** Special sections of fixed-size entries whose first field locates code (see Xen's loader). */
export declare const SPECIAL_SECTIONS: ReadonlyArray<{
    name: string;
    entrySize: number;
}>;
export declare class ObjectModel {
    readonly file: string;
    readonly elf: ElfFile;
    /** The source file name of its STT_FILE symbol: Xen prefixes local symbols with it. */
    readonly sourceName: string | undefined;
    readonly units: Unit[];
    private readonly unitBySymbol;
    private readonly relasBySection;
    constructor(file: string, bytes: Uint8Array);
    /** The name Xen's symbol table gives a symbol of this object (xen/tools/symbols.c). */
    xenName(sym: ElfSymbol): string;
    relocations(section: ElfSection): ElfRela[];
    relocationsIn(section: ElfSection, start: number, size: number): ElfRela[];
    symbol(index: number): ElfSymbol;
    bytes(section: ElfSection, start?: number, size?: number): Uint8Array;
    /** The unit of `section` covering `offset` (functions before objects). */
    unitAt(section: ElfSection, offset: number): Unit | undefined;
    /**
     * The function or data object a relocation target lies in: the symbol's own when it
     * names one, else the unit around the place (the PC-relative probe first).
     */
    unitOf(t: Extract<RelocationTarget, {
        kind: "section";
    }>): Unit | undefined;
    /**
     * Where a relocation points, as a section and offset, or an undefined symbol's name.
     * A PC-relative reference's addend is biased by the distance from the field to the end
     * of the instruction (-4 for most): `probe` is the offset most likely inside the target.
     */
    target(rela: ElfRela): RelocationTarget;
    /**
     * A description of where a relocation points that does not depend on where the
     * compiler placed things: a function or object by name and offset, a string by its
     * text, anonymous read-only data by its content. Equal descriptions in two builds
     * mean the same target.
     */
    describeTarget(rela: ElfRela): string;
    /** A digest of a unit's bytes and of what its relocations point at. */
    digest(unit: Unit): string;
    /** The entries of a special section, each with its relocations (offsets within the entry). */
    specialEntries(name: string, entrySize: number): SpecialEntry[];
}
/**
 * How far the end of the instruction holding a RIP-relative field at `field` lies past the
 * field's start: 4, plus the immediate that follows the displacement. The compiler biases
 * the addend by it (`cmpb $0, once(%rip)` has addend -5), so the target is addend + bias.
 * Decodes only what matters: a ModRM byte with mod 00, r/m 101 just before the field, and
 * the opcodes whose immediate follows it (Intel SDM vol. 2, opcode map, table ).
 * Anything else (a call, a jump, a plain load or store) has no immediate: 4.
 */
export declare function pcRelativeBias(code: Uint8Array, field: number): number;
export type RelocationTarget = {
    kind: "undefined";
    name: string;
    symbol: ElfSymbol;
} | {
    kind: "section";
    section: ElfSection;
    offset: number;
    probe: number;
    symbol: ElfSymbol;
};
export interface SpecialEntry {
    section: ElfSection;
    /** Offset of the entry in its section. */
    at: number;
    size: number;
    relas: ElfRela[];
    /** The function whose code the entry is about. */
    unit: Unit | undefined;
}
/**
 * A bug frame's displacements carry its line number above their low 24 bits
 * (xen/arch/x86/include/asm/bug.h); in an object, the place is in the low bits.
 */
export declare function withoutLineBits(addend: bigint): bigint;
/** A split-off cold part (`foo.cold`): entered only from its function, and jumping back in. */
export declare function isColdPart(unit: Unit): boolean;
/**
 * Code sections without function symbols that belong to the functions around them:
 * alternatives' replacements and exception fixups. They are copied whole, under their own
 * name, which Xen's loader looks them up by.
 */
export declare const SUPPORT_CODE_SECTIONS: ReadonlySet<string>;
export declare function isWritable(section: ElfSection): boolean;
export declare function isCode(section: ElfSection): boolean;
/** `foo.isra.0` and `foo.isra.3` are the same clone built twice; `buf.12` the same static. */
export declare function stripCloneNumber(name: string): string;
export declare function isSectionSymbol(sym: ElfSymbol): boolean;
