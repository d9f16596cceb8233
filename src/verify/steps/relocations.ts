/**
 * livepatch_elf_perform_relocs() (xen/common/livepatch_elf.c) and
 * arch_livepatch_perform_rela() (xen/arch/x86/livepatch.c), as far as the file tells:
 * each relocation section's header and link, then each entry's symbol, type and offset.
 * The values relocation computes are the placement step's.
 */
import { locationOffset } from "../rules.js";
import {
  ELF64_RELA_SIZE,
  SHT_REL,
  SHT_RELA,
  STN_UNDEF,
  relocationTypeName,
} from "../../elf/constants.js";
import type { ElfRela, ElfSection } from "../../elf/reader.js";
import { type StepContext, type VerifierStep, at, isAlloc, sectionLabel } from "./context.js";

/** Bytes of an Elf64_Rel entry (SHT_REL). */
const ELF64_REL_SIZE = 16;

export const RELOCATIONS: VerifierStep = {
  name: "relocations",
  basis: "livepatch_elf_perform_relocs() (livepatch_elf.c), arch_livepatch_perform_rela()",
  rules: {
    "rela-target": "relocations",
    "rela-link": "relocations",
    "rela-header": "relocations",
    "section-rel": "relocations",
    "rela-symbol-zero": "relocations",
    "rela-symbol-range": "relocations",
    "rela-ignored-section": "relocations",
    "rela-type": "relocations",
    "rela-offset": "relocations",
  },
  breaks: [
    "rela-header",
    "rela-link",
    "section-rel",
    "rela-symbol-zero",
    "rela-symbol-range",
    "rela-type",
    "rela-offset",
    "rela-ignored-section",
  ],
  run: relocations,
};

function relocations(ctx: StepContext): void {
  const elf = ctx.elf;
  for (const r of elf.sections) {
    if (r.type !== SHT_RELA && r.type !== SHT_REL) continue;
    const base = elf.section(r.info);
    if (r.info >= elf.header.shnum || !base) {
      // livepatch_elf_perform_relocs() skips it silently: its relocations never happen.
      ctx.add(
        "rela-target",
        `relocation section ${sectionLabel(r)} applies to section ${r.info}, which does not exist: the hypervisor skips it and its ${r.entsize > 0 ? Math.floor(r.size / r.entsize) : "?"} relocations are never applied`,
        at(r),
      );
      continue;
    }
    if (!isAlloc(base)) continue;
    const symtabIndex = elf.symbolTables()[0]?.index;
    if (r.link !== symtabIndex) {
      ctx.add(
        "rela-link",
        `relocation section ${sectionLabel(r)} links to section ${r.link}, not the symbol table (${symtabIndex ?? "none"})`,
        at(r),
      );
      continue;
    }
    if (r.size === 0) continue;
    const entrySize = r.type === SHT_RELA ? ELF64_RELA_SIZE : ELF64_REL_SIZE;
    if (r.entsize < entrySize || r.size % r.entsize !== 0) {
      ctx.add(
        "rela-header",
        `relocation section ${sectionLabel(r)} has entry size ${r.entsize} and size ${r.size}`,
        at(r),
      );
      continue;
    }
    if (r.type === SHT_REL) {
      ctx.add(
        "section-rel",
        `section ${sectionLabel(r)} is SHT_REL; the hypervisor only performs SHT_RELA relocations`,
        at(r),
      );
      continue;
    }
    if (!elf.inBounds(r) || !ctx.symbols) continue;
    for (const rela of elf.relocations(r)) relocation(ctx, r, base, rela);
  }
}

function relocation(ctx: StepContext, r: ElfSection, base: ElfSection, rela: ElfRela): void {
  const where = at(r, { entry: rela.index, offset: locationOffset(rela.offset) });
  const symbols = ctx.symbols!;
  if (rela.symbolIndex === STN_UNDEF) {
    ctx.add(
      "rela-symbol-zero",
      `relocation ${rela.index} in ${sectionLabel(r)} (offset ${rela.offset} of ${base.name}) has symbol index 0 (STN_UNDEF)`,
      where,
    );
    return;
  }
  const sym = symbols[rela.symbolIndex];
  if (!sym) {
    ctx.add(
      "rela-symbol-range",
      `relocation ${rela.index} in ${sectionLabel(r)} refers to symbol ${rela.symbolIndex}, past the ${symbols.length} symbols`,
      where,
    );
    return;
  }
  const symSection = ctx.payload.symbolSection(sym);
  if (symSection && !isAlloc(symSection)) {
    ctx.add(
      "rela-ignored-section",
      `relocation ${rela.index} in ${sectionLabel(r)} refers to ${sym.name || symSection.name} in ${sectionLabel(symSection)}, a section the loader does not load`,
      { ...where, symbol: sym.name || symSection.name },
    );
    return;
  }
  const width = ctx.version.relocations.get(rela.type)?.width ?? -1;
  if (width < 0) {
    ctx.add(
      "rela-type",
      `relocation ${rela.index} in ${sectionLabel(r)} has type ${relocationTypeName(rela.type)}; the hypervisor handles only R_X86_64_NONE, 64, PC32 and PLT32`,
      where,
    );
  } else if (width > 0 && rela.offset + BigInt(width) > BigInt(base.size)) {
    ctx.add(
      "rela-offset",
      `relocation ${rela.index} in ${sectionLabel(r)} writes ${width} bytes at offset ${rela.offset}, past the end of ${sectionLabel(base)} (${base.size} bytes)`,
      where,
    );
  }
}
