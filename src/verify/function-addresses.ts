/**
 * Addresses of replaced functions used as data. A payload that patches `f` and also takes
 * `f`'s address (compares with it, stores it, passes it as a callback) must take Xen's `f`,
 * not the payload's copy: pointers stored at boot hold Xen's `f` and compare unequal with
 * the copy, and a callback left pointing into the payload jumps into freed memory once the
 * payload is unloaded. Direct calls and jumps may go to the copy. (kpatch 495e619 made
 * create-diff-object keep such references on the original.)
 */
import { SHF_ALLOC, SHF_EXECINSTR, SHN_UNDEF, SHT_NOBITS, STT_FUNC } from "../elf/constants.js";
import type { ElfSection, ElfSymbol } from "../elf/reader.js";
import type { Payload } from "../livepatch/payload.js";
import { decodeObjectCode } from "../livepatch/xen-code.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { HOOK_SECTIONS, SECTION, SPECIAL_SECTIONS } from "../xen/abi.js";
import type { CheckFinding } from "./check-finding.js";

/** Sections whose references to code are the loader's business, not the payload's data. */
const LOADER_READ = new Set<string>([
  SECTION.funcs,
  ...Object.keys(HOOK_SECTIONS),
  ...SPECIAL_SECTIONS.map((s) => s.name),
]);

/**
 * Findings of rule `func-address-taken`: each relocation of the payload that points at the
 * start of a function one of its `.livepatch.funcs` entries installs (the entry's
 * `new_addr`), other than a call's or jump's displacement, and other than in the sections
 * the loader reads (funcs, hooks, alternatives, exception table, bug frames). Runs only
 * with xen-syms (which loads the x86 decoder); code that does not decode is not judged.
 */
export function functionAddressFindings(payload: Payload, xen: XenSyms): CheckFinding[] {
  if (!xen.code()) return [];
  const elf = payload.elf;
  const symbols = elf.symbols();
  // The replacements, as "section:offset" of their first byte, with the entry's name.
  const replacements = new Map<string, string>();
  for (const f of payload.funcs()) {
    const sym = f.newAddr.symbol;
    if (!sym || sym.shndx === SHN_UNDEF) continue;
    // A new_addr outside code is new-addr-outside-text's; its section is data, not a copy.
    const target = elf.sections[sym.shndx];
    if (!target || (target.flags & SHF_EXECINSTR) === 0) continue;
    const at = sym.value + (f.newAddr.rela?.addend ?? 0n);
    replacements.set(`${sym.shndx}:${at}`, f.name ?? sym.name);
  }
  if (replacements.size === 0) return [];
  const findings: CheckFinding[] = [];
  for (const section of elf.sections) {
    if ((section.flags & SHF_ALLOC) === 0 || LOADER_READ.has(section.name)) continue;
    if (section.type === SHT_NOBITS || !elf.inBounds(section)) continue;
    const relas = payload.relocationSectionsFor(section).flatMap((r) => elf.relocations(r));
    if (relas.length === 0) continue;
    const code = (section.flags & SHF_EXECINSTR) !== 0;
    const fields = code ? fieldsOf(elf.data(section)) : undefined;
    for (const r of relas) {
      const symbol = symbols[r.symbolIndex];
      if (!symbol || symbol.shndx === SHN_UNDEF) continue;
      const field = fields?.get(Number(r.offset));
      if (field?.branch) continue;
      // A RIP-relative operand counts from the instruction's end: the addend counts back.
      const at = symbol.value + r.addend + BigInt(field ? field.toEnd : 0);
      const name = replacements.get(`${symbol.shndx}:${at}`);
      if (!name) continue;
      const fn = code ? containing(section, symbols, r.offset) : undefined;
      const where = `${fn?.name ?? section.name}+0x${(r.offset - (fn?.value ?? 0n)).toString(16)}`;
      findings.push({
        ruleId: "func-address-taken",
        message: `${where} takes the address of the payload's own ${name} (the replacement its function entry installs) as data: pointers the hypervisor stored compare unequal with it, and one stored at run time points into the payload after it is unloaded; refer to the hypervisor's ${name} (calls and jumps may go to the copy)`,
        location: { section: section.name, sectionIndex: section.index, offset: Number(r.offset) },
      });
    }
  }
  return findings;
}

/** The PC-relative fields of a code section's instructions, by offset. */
function fieldsOf(code: Uint8Array): Map<number, { branch: boolean; toEnd: number }> {
  const fields = new Map<number, { branch: boolean; toEnd: number }>();
  for (const insn of decodeObjectCode(code, 0, code.length).instructions) {
    const pc = insn.pcRelative;
    if (pc && pc.size === 4)
      fields.set(pc.field, { branch: pc.branch, toEnd: insn.end - pc.field });
  }
  return fields;
}

/** The function symbol of `section` holding `offset`, if one does. */
function containing(section: ElfSection, symbols: readonly ElfSymbol[], offset: bigint) {
  return symbols.find(
    (s) =>
      s.shndx === section.index &&
      s.type === STT_FUNC &&
      offset >= s.value &&
      offset < s.value + BigInt(s.size),
  );
}
