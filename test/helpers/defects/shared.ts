/**
 * What the defect modules share: the shape of a defect, the in-tree payloads they start
 * from, and the lookups and byte edits their mutations use.
 */
import { STT_FUNC, STT_SECTION } from "../../../src/elf/constants.js";
import { parseElf } from "../../../src/elf/reader.js";
import { ALT_INSTR, LIVEPATCH_FUNC } from "../../../src/xen/abi.js";
import { type XenSyms } from "../../../src/livepatch/xen-syms.js";
import { type FindingLocation, type RuleId } from "../../../src/verify/rules.js";
import {
  findSection,
  findSymbol,
  replaceSectionData,
  setRelaField,
  writeSectionBytes,
} from "../elf-mutate.js";
// In-tree payload names (xen/test/livepatch/<name>.livepatch).
export const HELLO = "xen_hello_world";
export const BYE = "xen_bye_world";
export const NOP = "xen_nop";
export const REPLACE = "xen_replace_world";
export const EXPECTATIONS = "xen_expectations";
export const PREPOST = "xen_prepost_hooks";
export const NOFUNC = "xen_action_hooks_nofunc";
export const NO_XEN_BUILDID = "xen_no_xen_buildid";
export const EXPECTATIONS_FAIL = "xen_expectations_fail";

// struct alt_instr's fields (src/xen/abi.ts).
export const ALT_CPUID = ALT_INSTR.cpuid;
export const ALT_ORIG_LEN = ALT_INSTR.origLen;
export const ALT_PAD_LEN = ALT_INSTR.padLen;

// A GNU build-id note: 12-byte header, "GNU\0", then the descriptor.
export const NOTE_TYPE = 8;
export const NOTE_NAME = 12;
export const NOTE_DESC = 16;

/** What a defect's finding names. */
export interface Names {
  /** Text the message contains (a string), or matches (a RegExp). */
  readonly message: string | RegExp;
  readonly location?: FindingLocation;
}

/** The unchanged bytes of an in-tree payload, by name. */
export type InTree = (name: string) => Uint8Array;

/**
 * How the boot loads a defect where that differs from the verifier's view of it, or why
 * it cannot load it at all.
 */
export type LoadPlan =
  /** In-tree payloads uploaded and applied before it, oldest first (default: `stack`). */
  { readonly stack: readonly string[] } | { readonly skip: string };

export interface Defect {
  /** The rule it proves. */
  readonly rule: RuleId;
  readonly title: string;
  /** The in-tree payload it starts from. */
  readonly payload: string;
  /**
   * How the payload's bytes are broken; absent when it is defective as built, or only its
   * context is wrong. `xen` is the hypervisor it targets, for addresses of its functions.
   */
  readonly mutate?: (bytes: Uint8Array, inTree: InTree, xen: XenSyms) => Uint8Array;
  /** In-tree payloads applied before it, oldest first, as the verifier is told. */
  readonly stack?: readonly string[];
  /** Verified without xen-syms. */
  readonly noXen?: true;
  /**
   * The name (file name without `.livepatch`) it is verified and uploaded under, when not
   * the payload's own; such a defect is verified from a file, as the CLI reads payloads.
   */
  readonly fileName?: string;
  /**
   * What its findings are compared with: the unbroken payload in the same context (the
   * default), in another stack, or nothing ("none": the payload is defective as built).
   */
  readonly baseline?: "none" | { readonly stack: readonly string[] };
  /** What the finding names; a function of the unbroken bytes when that includes their indices. */
  readonly names: Names | ((bytes: Uint8Array) => Names);
  /** Rules the same defect unavoidably trips too (each use says why). */
  readonly also?: readonly RuleId[];
  readonly load?: LoadPlan;
}

/** The bytes the defect is verified and loaded as. */
export function defectBytes(d: Defect, inTree: InTree, xen: XenSyms): Uint8Array {
  const bytes = inTree(d.payload);
  return d.mutate ? d.mutate(bytes, inTree, xen) : bytes;
}

/** The name a defect is verified and uploaded under. */
export const defectFileName = (d: Defect) => d.fileName ?? d.payload;

// Lookups the mutations need, on the unchanged bytes.
export const sectionIndex = (bytes: Uint8Array, name: string) =>
  findSection(parseElf(bytes, "(lookup)"), name).index;
export function sectionSymbol(bytes: Uint8Array, name: string): number {
  const elf = parseElf(bytes, "(lookup)");
  const index = findSection(elf, name).index;
  const sym = elf.symbols().find((s) => s.type === STT_SECTION && s.shndx === index);
  if (!sym) throw new Error(`no section symbol for ${name}`);
  return sym.index;
}
/** A section as the verifier labels it: name [index]. */
export const label = (bytes: Uint8Array, name: string) => `${name} [${sectionIndex(bytes, name)}]`;
export const symbolIndex = (bytes: Uint8Array, name: string) =>
  findSymbol(parseElf(bytes, "(lookup)"), name).index;
export const symbolCount = (bytes: Uint8Array) => parseElf(bytes, "(lookup)").symbols().length;
export const sectionSize = (bytes: Uint8Array, name: string) =>
  findSection(parseElf(bytes, "(lookup)"), name).size;
export const sectionBytes = (bytes: Uint8Array, name: string) => {
  const elf = parseElf(bytes, "(lookup)");
  return elf.data(findSection(elf, name));
};

/** The address of a function of xen-syms, by its symbol's name (local ones included). */
export function functionAddress(xen: XenSyms, name: string): bigint {
  const sym = xen.elf.symbols().find((s) => s.name === name && s.type === STT_FUNC);
  if (!sym) throw new Error(`${xen.file} has no function ${name}`);
  return sym.value;
}

export const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
export const u64 = (n: bigint) =>
  [...Array(8).keys()].map((i) => Number((n >> BigInt(8 * i)) & 0xffn));

/**
 * xen_nop's one NOP entry (an absolute old_addr, no relocations) pointed at another
 * function of xen-syms, with other sizes.
 */
export function nopAt(
  bytes: Uint8Array,
  xen: XenSyms,
  fn: string,
  sizes: { newSize: number; oldSize?: number },
): Uint8Array {
  let out = writeSectionBytes(
    bytes,
    ".livepatch.funcs",
    LIVEPATCH_FUNC.oldAddr,
    u64(functionAddress(xen, fn)),
  );
  out = writeSectionBytes(out, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, u32(sizes.newSize));
  if (sizes.oldSize !== undefined)
    out = writeSectionBytes(out, ".livepatch.funcs", LIVEPATCH_FUNC.oldSize, u32(sizes.oldSize));
  return out;
}

/** Index in .rela.livepatch.funcs of the relocation that fills a pointer field of entry 0. */
export function funcRela(bytes: Uint8Array, field: "name" | "newAddr" | "oldAddr"): number {
  const elf = parseElf(bytes, "(lookup)");
  const rela = elf.sections.find((s) => s.name === ".rela.livepatch.funcs");
  if (!rela) throw new Error("no .rela.livepatch.funcs");
  const i = elf.relocations(rela).findIndex((r) => r.offset === BigInt(LIVEPATCH_FUNC[field]));
  if (i < 0) throw new Error(`no relocation of ${field}`);
  return i;
}
export const oldAddrRela = (bytes: Uint8Array) => funcRela(bytes, "oldAddr");

/**
 * hello_world with its one function entry twice: .livepatch.funcs and its relocations
 * given new contents (appended to the file), the second entry's relocations a copy of the
 * first's (an addend change or R_X86_64_NONE per field, from `second`).
 */
export function twoEntries(
  bytes: Uint8Array,
  second: (field: "name" | "newAddr" | "oldAddr") => bigint | "none",
): Uint8Array {
  const elf = parseElf(bytes, "(lookup)");
  const funcs = findSection(elf, ".livepatch.funcs");
  const rela = findSection(elf, ".rela.livepatch.funcs");
  const entry = elf.data(funcs);
  const entries = new Uint8Array(2 * LIVEPATCH_FUNC.size);
  entries.set(entry, 0);
  entries.set(entry, LIVEPATCH_FUNC.size);
  const relas = elf.data(rela);
  const copy = new Uint8Array(relas.length * 2);
  copy.set(relas, 0);
  copy.set(relas, relas.length);
  const view = new DataView(copy.buffer);
  const fields = { 0: "name", 8: "newAddr", 16: "oldAddr" } as const;
  for (const r of elf.relocations(rela)) {
    const at = relas.length + r.index * 24;
    const field = fields[Number(r.offset) as 0 | 8 | 16];
    view.setBigUint64(at, r.offset + BigInt(LIVEPATCH_FUNC.size), true);
    const change = second(field);
    if (change === "none") view.setBigUint64(at + 8, BigInt(r.symbolIndex) << 32n, true);
    else view.setBigInt64(at + 16, r.addend + change, true);
  }
  return replaceSectionData(replaceSectionData(bytes, funcs.index, entries), rela.index, copy);
}

/** hello_world's relocation of one pointer field of its function entry, changed. */
export const helloFuncRela =
  (
    field: "name" | "newAddr" | "oldAddr",
    change: "symbol" | "addend" | "type",
    value: (b: Uint8Array) => number | bigint,
  ) =>
  (b: Uint8Array) =>
    setRelaField(b, ".rela.livepatch.funcs", funcRela(b, field), change, value(b));

/** hello_world's absolute symbol: its source FILE symbol (SHN_ABS, value 0). */
export const ABS_SYMBOL = "test/livepatch/xen_hello_world_func.c";

/**
 * xen_nop's entry moved to a function Xen seals at boot on CET-IBT hardware (a cf_clobber
 * target), writing nothing (new_size 4: the NOPs start after ENDBR64) and expecting its
 * first `len` bytes as xen-syms has them, ENDBR64 first.
 */
export function sealedExpectation(
  bytes: Uint8Array,
  xen: XenSyms,
  fn: string,
  len: number,
): Uint8Array {
  const address = functionAddress(xen, fn);
  if (!xen.endbrSealed().has(address)) throw new Error(`${fn} is not sealed in ${xen.file}`);
  const code = xen.bytesAt(address, len)!;
  const moved = nopAt(bytes, xen, fn, { newSize: 4, oldSize: 16 });
  return writeSectionBytes(moved, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [
    1 | (len << 1),
    ...code,
  ]);
}

/**
 * xen_nop's entry moved to a function whose first bytes are an alternative (an altcall:
 * `call *hvm_funcs.x` that Xen turns into a direct call at boot on every CPU), writing
 * nothing (new_size 0) and expecting the first `len` bytes as xen-syms has them.
 */
export function expectationOverAlternative(
  bytes: Uint8Array,
  xen: XenSyms,
  fn: string,
  len: number,
): Uint8Array {
  const address = functionAddress(xen, fn);
  const code = xen.bytesAt(address, len)!;
  const moved = nopAt(bytes, xen, fn, { newSize: 0, oldSize: 8 });
  return writeSectionBytes(moved, ".livepatch.funcs", LIVEPATCH_FUNC.expect, [
    1 | (len << 1),
    ...code,
  ]);
}

/**
 * The defects of one verifier step (src/verify/steps/), by how the rules test verifies them
 * (each group's doc is in index.ts).
 */
export type StepDefects = Partial<
  Record<
    | "MUTATIONS"
    | "MALFORMED"
    | "IN_CONTEXT"
    | "INSTRUCTIONS"
    | "LOADED_VALUES"
    | "SPECIAL_ENTRIES"
    | "HOST_ONLY"
    | "BOOT_REWRITTEN"
    | "TABLE_REFERENCES",
    readonly Defect[]
  >
>;
