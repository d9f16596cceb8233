import type { ElfFile } from "../elf/reader.js";
/**
 * Loads the decoder (its WebAssembly module, ~35 ms) once per process. Until it is loaded,
 * `XenCode.create` returns undefined and the verifier reports the instruction checks as
 * not checked.
 */
export declare function loadX86Decoder(): Promise<void>;
/** A function of the image: a sized STT_FUNC symbol in an executable section. */
export interface CodeFunction {
    readonly name: string;
    readonly start: bigint;
    readonly size: number;
}
/** A direct branch and where it lands. */
export interface Branch {
    readonly from: bigint;
    readonly to: bigint;
}
export declare class XenCode {
    private readonly lib;
    private readonly ranges;
    /** Sized functions sorted by start address. */
    private readonly functions;
    private branchIndex?;
    private readonly boundaryCache;
    private constructor();
    /** The code of a linked image; undefined until loadX86Decoder() has run. */
    static create(elf: ElfFile): XenCode | undefined;
    private rangeOf;
    /** The sized function whose bytes contain `address`, if any. */
    functionAt(address: bigint): CodeFunction | undefined;
    /** The last function starting at or before `address` (which may lie past its end). */
    functionBefore(address: bigint): CodeFunction | undefined;
    /** `name+0x12` for an address inside a function, else the address in hex. */
    describe(address: bigint): string;
    /**
     * Offsets (from the function's start) at which its instructions start, decoding from
     * the start to its symbol size; the offset just past the last instruction is included.
     * Undefined when the function holds bytes that do not decode.
     */
    instructionStarts(f: CodeFunction): Set<number> | undefined;
    /** Direct branches whose target lies in [from, to), sources sorted by target. */
    branchesInto(from: bigint, to: bigint): Branch[];
    /**
     * Every direct branch of the executable text. Decoding restarts at each function's
     * start, so bytes that do not decode (padding, data) cannot shift what follows.
     */
    private branches;
}
/** One instruction of an object's code, as the patch builder needs it. */
export interface ObjectInstruction {
    /** Where it starts and ends, as offsets in its section. */
    readonly offset: number;
    readonly end: number;
    /** Whether execution never continues with the next instruction (jmp, ret, iret, ud2, int3). */
    readonly stops: boolean;
    /** A nop of any length, or int3: what alignment between routines is filled with. */
    readonly padding: boolean;
    /**
     * Its PC-relative field, if any (a near branch's displacement, or a RIP-relative
     * operand's): the field's offset in the section, its size in bytes (1 or 4), and the
     * section offset it reaches as assembled (meaningful only when no relocation applies).
     */
    readonly pcRelative?: {
        readonly field: number;
        readonly size: number;
        readonly target: number;
        /** A near branch's displacement (call, jmp, jcc), not a RIP-relative operand's. */
        readonly branch: boolean;
    };
}
/**
 * The instructions of `code` (a section's bytes) in [from, to), decoded with iced-x86, with
 * the offsets of the section as addresses. `invalidAt` is where decoding met bytes that are
 * no instruction (data in code), after which nothing is returned.
 *
 * @throws Error when loadX86Decoder() has not run (a caller's mistake).
 */
export declare function decodeObjectCode(code: Uint8Array, from: number, to: number): {
    instructions: ObjectInstruction[];
    invalidAt?: number;
};
/** An instruction that writes memory through an operand with a 32-bit displacement. */
export interface MemoryStore {
    /** Where it starts and ends, as offsets in its section. */
    readonly offset: number;
    readonly end: number;
    /** The displacement field's offset in the section (where a relocation names the place). */
    readonly field: number;
    /** The instruction in AT&T syntax, e.g. `movl $0x1,0x0(%rip)`. */
    readonly text: string;
}
/**
 * The instructions of `code` (a section's bytes) in [from, to) that store into memory
 * (write, read-modify-write, conditional write: `mov`, `inc`, `lock cmpxchg`, ...) through
 * a memory operand with a 32-bit displacement, the forms a relocation can name a variable
 * in. Decoding stops at bytes that are no instruction.
 *
 * @throws Error when loadX86Decoder() has not run (a caller's mistake).
 */
export declare function decodeMemoryStores(code: Uint8Array, from: number, to: number): MemoryStore[];
/** A store's text with its RIP-relative operand written as `name(%rip)`: what it stores into. */
export declare function storeInto(store: MemoryStore, name: string): string;
