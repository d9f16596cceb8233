export declare class ElfFormatError extends Error {
    readonly file: string;
    readonly problem: string;
    name: string;
    constructor(file: string, problem: string);
}
export interface ElfHeader {
    /** e_ident bytes after the magic. */
    readonly class: number;
    readonly data: number;
    readonly identVersion: number;
    readonly osabi: number;
    readonly abiversion: number;
    readonly type: number;
    readonly machine: number;
    readonly version: number;
    readonly phoff: number;
    readonly shoff: number;
    readonly flags: number;
    readonly ehsize: number;
    readonly phentsize: number;
    readonly phnum: number;
    readonly shentsize: number;
    readonly shnum: number;
    readonly shstrndx: number;
}
export interface ElfSection {
    readonly index: number;
    /** Resolved through the section name string table; "" when that fails. */
    readonly name: string;
    readonly nameOffset: number;
    readonly type: number;
    /** The low 32 bits of sh_flags (the bits the hypervisor and we look at). */
    readonly flags: number;
    readonly addr: bigint;
    readonly offset: number;
    readonly size: number;
    readonly link: number;
    readonly info: number;
    readonly addralign: bigint;
    readonly entsize: number;
    /** File offset of this section's header, for locations and test mutations. */
    readonly headerOffset: number;
}
export interface ElfSymbol {
    readonly index: number;
    readonly name: string;
    readonly nameOffset: number;
    readonly value: bigint;
    readonly size: number;
    readonly bind: number;
    readonly type: number;
    readonly visibility: number;
    readonly shndx: number;
    readonly entryOffset: number;
}
export interface ElfRela {
    readonly index: number;
    /** r_offset: where in the target section the relocation applies. */
    readonly offset: bigint;
    readonly symbolIndex: number;
    readonly type: number;
    readonly addend: bigint;
    readonly entryOffset: number;
}
export interface ElfNote {
    readonly name: string;
    readonly type: number;
    readonly desc: Uint8Array;
}
/** A NUL-terminated string within [start, end) of bytes; unterminated strings end at `end`. */
export declare function cStringAt(bytes: Uint8Array, start: number, end: number): string;
export declare class ElfFile {
    readonly file: string;
    readonly bytes: Uint8Array;
    readonly header: ElfHeader;
    readonly sections: readonly ElfSection[];
    private readonly view;
    private symbolCache?;
    constructor(file: string, bytes: Uint8Array);
    /** True when the section's bytes lie inside the file (NOBITS sections have none). */
    inBounds(section: ElfSection): boolean;
    /** The section's bytes (empty for NOBITS); ElfFormatError when they lie outside the file. */
    data(section: ElfSection): Uint8Array;
    section(index: number): ElfSection | undefined;
    sectionsNamed(name: string): ElfSection[];
    sectionNamed(name: string): ElfSection | undefined;
    symbolTables(): ElfSection[];
    /** The symbols of the (first) symbol table; ElfFormatError when it is unusable. */
    symbols(): readonly ElfSymbol[];
    /** The entries of a SHT_RELA section; ElfFormatError when its header is corrupted. */
    relocations(section: ElfSection): ElfRela[];
    /** The ELF notes in a section's bytes; ElfFormatError when one runs past the section. */
    notes(section: ElfSection): ElfNote[];
    error(problem: string): ElfFormatError;
    private readHeader;
    private readSections;
}
/** Parses a sequence of ELF notes (namesz, descsz, type, name, desc; 4-byte aligned). */
export declare function parseNotes(data: Uint8Array, fail: (problem: string) => Error): ElfNote[];
export declare function parseElf(bytes: Uint8Array, file: string): ElfFile;
/**
 * Reads and parses an ELF file. Files over `maxBytes` are refused before reading, so a
 * hostile path (a huge file, a device) cannot exhaust memory.
 */
export declare function readElfFile(path: string, maxBytes?: number): Promise<ElfFile>;
