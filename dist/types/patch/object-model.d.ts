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
    /**
     * The symbol's size; for the only symbol of a code section, up to the section's end
     * (code that inline assembly placed after the function belongs to it).
     */
    size: number;
    /** Relocations with offsets relative to `start`. */
    relas: ElfRela[];
}
export declare class ObjectModel {
    readonly file: string;
    readonly elf: ElfFile;
    /** The source file name of its STT_FILE symbol: Xen prefixes local symbols with it. */
    readonly sourceName: string | undefined;
    readonly units: Unit[];
    private readonly unitBySymbol;
    private readonly relasBySection;
    /** Code sections shared by several routines, decoded (see decodeSharedCode). */
    private readonly shared;
    /** Section bytes with the fields of synthesized relocations zeroed, by section index. */
    private readonly masked;
    constructor(file: string, bytes: Uint8Array);
    /** The name Xen's symbol table gives a symbol of this object (xen/tools/symbols.c). */
    xenName(sym: ElfSymbol): string;
    relocations(section: ElfSection): ElfRela[];
    relocationsIn(section: ElfSection, start: number, size: number): ElfRela[];
    symbol(index: number): ElfSymbol;
    bytes(section: ElfSection, start?: number, size?: number): Uint8Array;
    /**
     * Decodes a code section several routines share (assembly: FUNC()/END() pairs, the
     * UNLIKELY_START() code after them, padding) range by range, each function from its
     * start so data or padding cannot shift what follows. The assembler resolves a branch
     * or RIP-relative operand between two places of one section itself, leaving no
     * relocation: a copy of one routine in a payload would reach nowhere. Each such
     * 32-bit field that leaves its routine for a function of the section becomes a PC32
     * relocation against that function (and its bytes read as zero, so a routine compares
     * equal when only its neighbours moved); what cannot (an 8-bit jump out, a target
     * outside any function) is kept as a reason the routine cannot be copied.
     */
    private decodeSharedCode;
    /** `name+off` for a section offset, naming the nearest symbol at or before it. */
    describeOffset(section: ElfSection, offset: number): string;
    /**
     * Why a copy of this function elsewhere (in a payload) would not run as it does here:
     * found by decoding it when it shares its section (assembly). Empty for a function
     * alone in its section (C built with CONFIG_CC_SPLIT_SECTIONS).
     */
    copyIssues(unit: Unit): string[];
    /**
     * The ways into a function other than at its start, in this object: global labels
     * inside it (other objects may jump there), relocations from elsewhere (not its own
     * alternatives' replacements or fixups, which come along with it), special-section
     * entries of other code resuming in it, and branches the assembler resolved from other
     * code of its section. Code entering there would keep running the hypervisor's old
     * routine after a livepatch redirects its start. `except` names units whose references
     * do not count (they are patched too, and their copies reach the new routine).
     */
    entriesInto(unit: Unit, except?: ReadonlySet<Unit>): string[];
    /**
     * The units whose relocations reach into `target` (undefined for a place outside any
     * unit), in this object.
     */
    referrers(target: ElfSection): Array<Unit | undefined>;
    /**
     * The code of a shared section outside any function (UNLIKELY_START() code, routines
     * without FUNC()/END()), each piece with its offset and, as `content`, its bytes and
     * what its relocations reach, alignment padding (nops, int3) left out: equal contents
     * in two builds mean that code is the same. Undefined for a section not decoded.
     */
    looseCode(section: ElfSection): Array<{
        start: number;
        content: string;
    }> | undefined;
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
/** A split-off cold part (`foo.cold`): entered only from its function, and jumping back in. */
export declare function isColdPart(unit: Unit): boolean;
export declare function isSectionSymbol(sym: ElfSymbol): boolean;
