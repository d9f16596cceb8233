import { type ElfFile, type ElfRela, type ElfSection, type ElfSymbol } from "../elf/reader.js";
import { type BuildIdNote } from "./notes.js";
/** What a pointer-sized field will hold once the loader has applied relocations. */
export interface PointerField {
    /** The value stored in the file (normally 0, the relocation fills it). */
    readonly raw: bigint;
    readonly rela?: ElfRela;
    readonly symbol?: ElfSymbol;
}
export interface LivepatchFuncEntry {
    readonly index: number;
    /** Offset of the entry inside `.livepatch.funcs`. */
    readonly offset: number;
    /** The function name the `name` pointer leads to, when it can be followed. */
    readonly name: string | undefined;
    readonly namePointer: PointerField;
    readonly newAddr: PointerField;
    readonly oldAddr: PointerField;
    readonly newSize: number;
    readonly oldSize: number;
    readonly version: number;
    readonly expect: {
        readonly enabled: boolean;
        readonly len: number;
        readonly reserved: number;
        readonly data: Uint8Array;
    };
}
export interface ModinfoEntry {
    readonly key: string;
    readonly value: string;
    /** False for a string without '='. */
    readonly wellFormed: boolean;
}
export declare class Payload {
    readonly elf: ElfFile;
    /** The name the payload is uploaded under: the file name without `.livepatch`. */
    readonly name: string;
    private relaByTarget?;
    constructor(elf: ElfFile);
    static load(path: string): Promise<Payload>;
    get file(): string;
    get buildId(): BuildIdNote;
    get depends(): BuildIdNote;
    get xenDepends(): BuildIdNote;
    /** SHT_RELA sections whose target is the given section (sh_info). */
    relocationSectionsFor(target: ElfSection): ElfSection[];
    /** The relocation that fills the 8 bytes at `offset` of `section`, if any. */
    pointerAt(section: ElfSection, offset: number): PointerField;
    /** The defined section a symbol lives in, if it is a regular one. */
    symbolSection(symbol: ElfSymbol): ElfSection | undefined;
    /** Follows a pointer to a NUL-terminated string inside the payload. */
    stringAt(pointer: PointerField): string | undefined;
    /**
     * The `.livepatch.funcs` entries (whole 104-byte entries only; for a NOBITS section, the
     * zeroed entries the loader reads, up to MAX_NOBITS_FUNCS bytes of them).
     */
    funcs(): LivepatchFuncEntry[];
    /** Hook sections present, with their pointers. */
    hooks(): Array<{
        section: ElfSection;
        kind: "multi" | "single";
        pointers: PointerField[];
    }>;
    /** `.modinfo` as `key=value` strings; undefined when the payload has none. */
    modinfo(): {
        entries: ModinfoEntry[];
        terminated: boolean;
    } | undefined;
    /**
     * Symbols the hypervisor adds to its table when the payload loads (build_symbol_table):
     * named symbols of allocated sections, except `.L` labels in mergeable sections.
     */
    loadedSymbols(): ElfSymbol[];
    /**
     * The loaded symbols that are new (not the replacement of a patched function): the ones
     * later payloads may resolve against, and that must not clash with existing names.
     */
    newSymbols(): ElfSymbol[];
}
