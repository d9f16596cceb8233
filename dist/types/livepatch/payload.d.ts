import { type ElfFile, type ElfRela, type ElfSection, type ElfSymbol } from "../elf/reader.js";
import { type BuildIdNote } from "./notes.js";
/** Layout of `struct livepatch_func` (LIVEPATCH_PAYLOAD_VERSION 2, xen/include/public/sysctl.h). */
export declare const LIVEPATCH_FUNC_SIZE = 104;
export declare const LIVEPATCH_PAYLOAD_VERSION = 2;
export declare const FUNC_OFFSET: {
    readonly name: 0;
    readonly newAddr: 8;
    readonly oldAddr: 16;
    readonly newSize: 24;
    readonly oldSize: 28;
    readonly version: 32;
    readonly expect: 72;
    readonly expectData: 73;
};
export declare const EXPECT_DATA_SIZE = 31;
/** Largest payload the hypervisor accepts (LIVEPATCH_MAX_SIZE). */
export declare const LIVEPATCH_MAX_SIZE: number;
/** XEN_LIVEPATCH_NAME_SIZE, including the terminating NUL. */
export declare const LIVEPATCH_NAME_SIZE = 128;
export declare const SECTION: {
    readonly funcs: ".livepatch.funcs";
    readonly depends: ".livepatch.depends";
    readonly xenDepends: ".livepatch.xen_depends";
    readonly buildId: ".note.gnu.build-id";
    readonly modinfo: ".modinfo";
};
/** Hook sections: the multi ones hold arrays of pointers, the others exactly one. */
export declare const HOOK_SECTIONS: {
    readonly ".livepatch.hooks.load": "multi";
    readonly ".livepatch.hooks.unload": "multi";
    readonly ".livepatch.hooks.preapply": "single";
    readonly ".livepatch.hooks.apply": "single";
    readonly ".livepatch.hooks.postapply": "single";
    readonly ".livepatch.hooks.prerevert": "single";
    readonly ".livepatch.hooks.revert": "single";
    readonly ".livepatch.hooks.postrevert": "single";
};
export type HookSectionName = keyof typeof HOOK_SECTIONS;
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
    /** The `.livepatch.funcs` entries (whole 104-byte entries only). */
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
