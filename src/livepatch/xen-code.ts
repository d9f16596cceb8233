/**
 * The hypervisor's code as instructions: what a livepatch overwrites, read with the
 * iced-x86 decoder (a maintained x86 decoder compiled to WebAssembly), never with a decoder
 * of our own.
 *
 * Two questions are answered here, both about xen-syms as linked (before boot-time
 * alternatives and CET sealing change bytes in memory):
 * - where the instructions of a function start (so a patch can be checked to end on one);
 * - which direct branches (jmp, jcc, call, loop) of the whole image land where (so a patch
 *   can be checked not to have a branch land in the middle of the bytes it overwrites).
 *
 * The whole executable text (about 1.9 MB, 480k instructions on Xen 4.17 defconfig) is
 * decoded once, on the first question, and the branch targets kept sorted.
 */
import type * as IcedModule from "iced-x86";
import { SHF_ALLOC, SHF_EXECINSTR, SHT_NOBITS, STT_FUNC } from "../elf/constants.js";
import type { ElfFile } from "../elf/reader.js";

type Iced = typeof IcedModule;
let iced: Iced | undefined;

/**
 * Loads the decoder (its WebAssembly module, ~35 ms) once per process. Until it is loaded,
 * `XenCode.create` returns undefined and the verifier reports the instruction checks as
 * not checked.
 */
export async function loadX86Decoder(): Promise<void> {
  if (iced) return;
  const mod = (await import("iced-x86")) as Iced & { default?: Iced };
  iced = mod.default ?? mod;
}

/** A function of the image: a sized STT_FUNC symbol in an executable section. */
export interface CodeFunction {
  readonly name: string;
  readonly start: bigint;
  readonly size: number;
}

interface CodeRange {
  readonly addr: bigint;
  readonly data: Uint8Array;
}

/** A direct branch and where it lands. */
export interface Branch {
  readonly from: bigint;
  readonly to: bigint;
}

export class XenCode {
  private readonly ranges: CodeRange[];
  /** Sized functions sorted by start address. */
  private readonly functions: CodeFunction[];
  private branchIndex?: { targets: bigint[]; sources: bigint[] };
  private readonly boundaryCache = new Map<bigint, Set<number> | undefined>();

  private constructor(
    private readonly lib: Iced,
    elf: ElfFile,
  ) {
    this.ranges = elf.sections
      .filter(
        (s) =>
          s.type !== SHT_NOBITS &&
          (s.flags & (SHF_ALLOC | SHF_EXECINSTR)) === (SHF_ALLOC | SHF_EXECINSTR) &&
          s.size > 0 &&
          s.addr !== 0n &&
          elf.inBounds(s),
      )
      .map((s) => ({ addr: s.addr, data: elf.data(s) }));
    const seen = new Set<bigint>();
    this.functions = elf
      .symbols()
      .filter((sym) => sym.type === STT_FUNC && sym.size > 0 && this.rangeOf(sym.value))
      .map((sym) => ({ name: sym.name, start: sym.value, size: sym.size }))
      .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))
      .filter((f) => !seen.has(f.start) && seen.add(f.start));
  }

  /** The code of a linked image; undefined until loadX86Decoder() has run. */
  static create(elf: ElfFile): XenCode | undefined {
    return iced ? new XenCode(iced, elf) : undefined;
  }

  private rangeOf(address: bigint): CodeRange | undefined {
    return this.ranges.find((r) => address >= r.addr && address < r.addr + BigInt(r.data.length));
  }

  /** The sized function whose bytes contain `address`, if any. */
  functionAt(address: bigint): CodeFunction | undefined {
    let lo = 0;
    let hi = this.functions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = this.functions[mid]!;
      if (address < f.start) hi = mid - 1;
      else if (address >= f.start + BigInt(f.size)) lo = mid + 1;
      else return f;
    }
    return undefined;
  }

  /** The last function starting at or before `address` (which may lie past its end). */
  functionBefore(address: bigint): CodeFunction | undefined {
    let lo = 0;
    let hi = this.functions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.functions[mid]!.start <= address) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.functions[lo - 1] : undefined;
  }

  /** `name+0x12` for an address inside a function, else the address in hex. */
  describe(address: bigint): string {
    const f = this.functionAt(address);
    if (!f) return `0x${address.toString(16)}`;
    const off = address - f.start;
    return off === 0n ? f.name : `${f.name}+0x${off.toString(16)}`;
  }

  /**
   * Offsets (from the function's start) at which its instructions start, decoding from
   * the start to its symbol size; the offset just past the last instruction is included.
   * Undefined when the function holds bytes that do not decode.
   */
  instructionStarts(f: CodeFunction): Set<number> | undefined {
    if (this.boundaryCache.has(f.start)) return this.boundaryCache.get(f.start);
    const range = this.rangeOf(f.start)!;
    const from = Number(f.start - range.addr);
    const to = Math.min(from + f.size, range.data.length);
    const decoder = new this.lib.Decoder(64, range.data.subarray(from, to), 0);
    const insn = new this.lib.Instruction();
    const starts = new Set<number>([0]);
    let ok = true;
    try {
      while (decoder.canDecode) {
        decoder.decodeOut(insn);
        if (insn.isInvalid) {
          ok = false;
          break;
        }
        starts.add(decoder.position);
      }
    } finally {
      insn.free();
      decoder.free();
    }
    const result = ok ? starts : undefined;
    this.boundaryCache.set(f.start, result);
    return result;
  }

  /** Direct branches whose target lies in [from, to), sources sorted by target. */
  branchesInto(from: bigint, to: bigint): Branch[] {
    const { targets, sources } = this.branches();
    let lo = 0;
    let hi = targets.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (targets[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    const found: Branch[] = [];
    for (let i = lo; i < targets.length && targets[i]! < to; i++)
      found.push({ from: sources[i]!, to: targets[i]! });
    return found;
  }

  /**
   * Every direct branch of the executable text. Decoding restarts at each function's
   * start, so bytes that do not decode (padding, data) cannot shift what follows.
   */
  private branches(): { targets: bigint[]; sources: bigint[] } {
    if (this.branchIndex) return this.branchIndex;
    const { Decoder, Instruction, FlowControl } = this.lib;
    const pairs: Branch[] = [];
    const insn = new Instruction();
    try {
      for (const range of this.ranges) {
        const end = range.addr + BigInt(range.data.length);
        const starts = this.functions
          .filter((f) => f.start >= range.addr && f.start < end)
          .map((f) => Number(f.start - range.addr));
        const resync = [0, ...starts, range.data.length];
        const decoder = new Decoder(64, range.data, 0);
        try {
          for (let i = 0; i + 1 < resync.length; i++) {
            const stop = resync[i + 1]!;
            if (resync[i]! >= stop) continue;
            decoder.position = resync[i]!;
            decoder.ip = range.addr + BigInt(resync[i]!);
            while (decoder.position < stop && decoder.canDecode) {
              decoder.decodeOut(insn);
              const flow = insn.flowControl;
              if (
                flow === FlowControl.UnconditionalBranch ||
                flow === FlowControl.ConditionalBranch ||
                flow === FlowControl.Call
              ) {
                // Far branches (flow kinds shared with near ones) have no near target.
                if (insn.isJmpFar || insn.isCallFar) continue;
                pairs.push({ from: insn.ip, to: insn.nearBranchTarget });
              }
            }
          }
        } finally {
          decoder.free();
        }
      }
    } finally {
      insn.free();
    }
    pairs.sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
    this.branchIndex = { targets: pairs.map((p) => p.to), sources: pairs.map((p) => p.from) };
    return this.branchIndex;
  }
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
export function decodeObjectCode(
  code: Uint8Array,
  from: number,
  to: number,
): { instructions: ObjectInstruction[]; invalidAt?: number } {
  if (!iced) throw new Error("the x86 decoder is not loaded: await loadX86Decoder() first");
  const { Decoder, Instruction, FlowControl, OpKind, Mnemonic } = iced;
  const decoder = new Decoder(64, code.subarray(from, to), 0);
  decoder.ip = BigInt(from);
  const insn = new Instruction();
  const instructions: ObjectInstruction[] = [];
  try {
    while (decoder.canDecode) {
      const offset = from + decoder.position;
      decoder.decodeOut(insn);
      if (insn.isInvalid) return { instructions, invalidAt: offset };
      const end = from + decoder.position;
      const flow = insn.flowControl;
      const stops =
        flow === FlowControl.UnconditionalBranch ||
        flow === FlowControl.IndirectBranch ||
        flow === FlowControl.Return ||
        flow === FlowControl.Exception ||
        insn.mnemonic === Mnemonic.Int3;
      let pcRelative: ObjectInstruction["pcRelative"];
      const near = insn.op0Kind === OpKind.NearBranch64;
      if (near || insn.isIpRelMemoryOperand) {
        const co = decoder.getConstantOffsets(insn);
        try {
          pcRelative = near
            ? {
                field: offset + co.immediateOffset,
                size: co.immediateSize,
                target: Number(insn.nearBranchTarget),
                branch: true,
              }
            : {
                field: offset + co.displacementOffset,
                size: co.displacementSize,
                target: Number(insn.ipRelMemoryAddress),
                branch: false,
              };
        } finally {
          co.free();
        }
      }
      const padding = insn.mnemonic === Mnemonic.Nop || insn.mnemonic === Mnemonic.Int3;
      instructions.push({ offset, end, stops, padding, ...(pcRelative ? { pcRelative } : {}) });
    }
  } finally {
    insn.free();
    decoder.free();
  }
  return { instructions };
}

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
export function decodeMemoryStores(code: Uint8Array, from: number, to: number): MemoryStore[] {
  if (!iced) throw new Error("the x86 decoder is not loaded: await loadX86Decoder() first");
  const { Decoder, Instruction, InstructionInfoFactory, Formatter, FormatterSyntax, OpKind } = iced;
  const { OpAccess } = iced;
  const writes = new Set([
    OpAccess.Write,
    OpAccess.CondWrite,
    OpAccess.ReadWrite,
    OpAccess.ReadCondWrite,
  ]);
  const decoder = new Decoder(64, code.subarray(from, to), 0);
  const insn = new Instruction();
  const infos = new InstructionInfoFactory();
  const formatter = new Formatter(FormatterSyntax.Gas);
  formatter.ripRelativeAddresses = true;
  const stores: MemoryStore[] = [];
  try {
    while (decoder.canDecode) {
      const offset = from + decoder.position;
      decoder.decodeOut(insn);
      if (insn.isInvalid) break;
      const info = infos.info(insn);
      let stored = false;
      for (let i = 0; i < insn.opCount; i++)
        if (insn.opKind(i) === OpKind.Memory && writes.has(info.opAccess(i))) stored = true;
      info.free();
      if (!stored) continue;
      const co = decoder.getConstantOffsets(insn);
      try {
        if (co.displacementSize === 4) {
          stores.push({
            offset,
            end: from + decoder.position,
            field: offset + co.displacementOffset,
            text: formatter.format(insn),
          });
        }
      } finally {
        co.free();
      }
    }
  } finally {
    formatter.free();
    infos.free();
    insn.free();
    decoder.free();
  }
  return stores;
}

/** A store's text with its RIP-relative operand written as `name(%rip)`: what it stores into. */
export function storeInto(store: MemoryStore, name: string): string {
  return store.text.replace(/(?:-?(?:0x)?[0-9a-f]+)?\(%rip\)/i, `${name}(%rip)`);
}
