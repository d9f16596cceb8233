/**
 * Stores into memory the hypervisor maps read-only once it has booted: a payload's code
 * that writes a `__ro_after_init` variable or `.rodata` of xen-syms faults the first time
 * it runs, though the loader accepts it and it applies cleanly. The loader makes that
 * memory writable only while it applies or reverts a payload (READ_ONLY_AFTER_BOOT), so
 * the payload's hook functions are exempt.
 */
import {
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHN_UNDEF,
  STT_FUNC,
  STT_OBJECT,
  SHT_NOBITS,
} from "../elf/constants.js";
import type { ElfSection, ElfSymbol } from "../elf/reader.js";
import type { Payload } from "../livepatch/payload.js";
import { decodeMemoryStores, storeInto } from "../livepatch/xen-code.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { READ_ONLY_AFTER_BOOT, RELOCATIONS } from "../xen/abi.js";
import type { CheckFinding } from "./check-finding.js";

interface Range {
  readonly name: string;
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * Findings of rule `store-read-only`: each instruction of the payload's code, outside its
 * hook functions, whose memory destination a relocation points into one of xen-syms'
 * READ_ONLY_AFTER_BOOT ranges, naming the function, the instruction and the variable.
 * Only relocations against the hypervisor's symbols (undefined in the payload) are
 * followed; a store through a register the decoder cannot place is not seen. Empty when
 * the x86 decoder is not loaded or xen-syms lacks the bounding symbols.
 */
export function readOnlyStoreFindings(payload: Payload, xen: XenSyms): CheckFinding[] {
  if (!xen.code()) return [];
  const ranges = readOnlyRanges(xen);
  if (ranges.length === 0) return [];
  const elf = payload.elf;
  const symbols = elf.symbols();
  const exempt = hookFunctions(payload);
  const findings: CheckFinding[] = [];
  for (const section of elf.sections) {
    if ((section.flags & (SHF_ALLOC | SHF_EXECINSTR)) !== (SHF_ALLOC | SHF_EXECINSTR)) continue;
    if (section.type === SHT_NOBITS || !elf.inBounds(section)) continue;
    const relocations = new Map<number, { symbol: ElfSymbol; addend: bigint; pc: boolean }>();
    for (const relaSection of payload.relocationSectionsFor(section)) {
      for (const r of elf.relocations(relaSection)) {
        const symbol = symbols[r.symbolIndex];
        const kind = RELOCATIONS.get(r.type);
        if (!symbol || symbol.shndx !== SHN_UNDEF || kind?.width !== 4) continue;
        relocations.set(Number(r.offset), { symbol, addend: r.addend, pc: kind.pcRelative });
      }
    }
    if (relocations.size === 0) continue;
    const code = elf.data(section);
    for (const fn of functionsOf(section, symbols, code.length)) {
      if (exempt.has(fn.symbol)) continue;
      for (const store of decodeMemoryStores(code, fn.start, fn.end)) {
        const r = relocations.get(store.field);
        const target = r && xen.lookup(r.symbol.name);
        if (!r || !target) continue;
        // A RIP-relative operand is relative to the instruction's end, which the
        // relocation's addend already counts back from the field.
        const address = target.value + r.addend + (r.pc ? BigInt(store.end - store.field) : 0n);
        const range = ranges.find((g) => address >= g.start && address < g.end);
        if (!range) continue;
        const variable = variableAt(xen, address) ?? `${target.name}+${address - target.value}`;
        findings.push({
          ruleId: "store-read-only",
          message: `${fn.name}+0x${(store.offset - fn.start).toString(16)}: \`${storeInto(store, r.symbol.name)}\` stores into ${variable}, which is in ${range.name} of ${xen.file}: the hypervisor maps it read-only once it has booted, so the store faults the first time the code runs (only load, unload and action hooks run while it is writable)`,
          location: { section: section.name, sectionIndex: section.index, offset: store.offset },
        });
      }
    }
  }
  return findings;
}

function readOnlyRanges(xen: XenSyms): Range[] {
  return READ_ONLY_AFTER_BOOT.flatMap(({ name, start, end }) => {
    const from = xen.lookup(start)?.value;
    const to = xen.lookup(end)?.value;
    return from !== undefined && to !== undefined && to > from
      ? [{ name, start: from, end: to }]
      : [];
  });
}

/** The xen-syms data object holding `address`, as `name` or `name+offset`. */
function variableAt(xen: XenSyms, address: bigint): string | undefined {
  const sym = xen.elf
    .symbols()
    .find(
      (s) =>
        s.type === STT_OBJECT &&
        s.value <= address &&
        address < s.value + BigInt(Math.max(1, s.size)),
    );
  if (!sym) return undefined;
  return address === sym.value ? sym.name : `${sym.name}+${address - sym.value}`;
}

/** The functions of a code section (its whole extent when it has no function symbol). */
function functionsOf(
  section: ElfSection,
  symbols: readonly ElfSymbol[],
  length: number,
): Array<{ name: string; symbol?: ElfSymbol; start: number; end: number }> {
  const fns = symbols
    .filter((s) => s.shndx === section.index && s.type === STT_FUNC && s.size > 0)
    .map((s) => ({
      name: s.name,
      symbol: s,
      start: Number(s.value),
      end: Math.min(length, Number(s.value) + s.size),
    }));
  return fns.length > 0 ? fns : [{ name: section.name, start: 0, end: length }];
}

/** The function symbols the payload's hook sections point to. */
function hookFunctions(payload: Payload): Set<ElfSymbol | undefined> {
  const exempt = new Set<ElfSymbol | undefined>();
  const symbols = payload.elf.symbols();
  for (const hook of payload.hooks()) {
    for (const p of hook.pointers) {
      const sym = p.symbol;
      if (!sym || sym.shndx === SHN_UNDEF) continue;
      if (sym.type === STT_FUNC) {
        exempt.add(sym);
        continue;
      }
      // Against a section symbol: the function at the addend.
      const at = sym.value + (p.rela?.addend ?? 0n);
      const fn = symbols.find(
        (s) =>
          s.shndx === sym.shndx &&
          s.type === STT_FUNC &&
          at >= s.value &&
          at < s.value + BigInt(s.size),
      );
      if (fn) exempt.add(fn);
    }
  }
  return exempt;
}
