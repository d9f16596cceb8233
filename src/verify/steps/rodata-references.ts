/**
 * A history lint, beyond the loader: livepatch-build-tools 854a7ca60e35, only referenced
 * `.rodata` belongs in a payload (the loader loads dead data without complaint).
 */
import { SHN_LORESERVE, SHN_UNDEF, SHT_RELA } from "../../elf/constants.js";
import {
  type StepContext,
  type VerifierStep,
  at,
  isAlloc,
  rodataSections,
  safely,
  sectionLabel,
} from "./context.js";

export const RODATA_REFERENCES: VerifierStep = {
  name: "rodata-references",
  basis: "livepatch-build-tools 854a7ca60e35",
  rules: { "rodata-unreferenced": "after-apply" },
  run(ctx) {
    if (!ctx.symbols) return;
    const referenced = referencedSections(ctx);
    for (const s of rodataSections(ctx.elf)) {
      if (!referenced.has(s.index)) {
        ctx.add(
          "rodata-unreferenced",
          `${sectionLabel(s)} (${s.size} bytes) is not referenced by any relocation: it is dead weight in the payload`,
          at(s),
        );
      }
    }
  },
};

/** Sections targeted by a relocation from an allocated section, or having relocations of their own. */
function referencedSections(ctx: StepContext): Set<number> {
  const referenced = new Set<number>();
  const symbols = ctx.symbols;
  if (!symbols) return referenced;
  for (const r of ctx.elf.sections) {
    if (r.type !== SHT_RELA) continue;
    const base = ctx.elf.section(r.info);
    if (!base || !isAlloc(base)) continue;
    const entries = safely(() => ctx.elf.relocations(r), []);
    if (entries.length > 0) referenced.add(base.index);
    for (const rela of entries) {
      const sym = symbols[rela.symbolIndex];
      if (sym && sym.shndx !== SHN_UNDEF && sym.shndx < SHN_LORESERVE) referenced.add(sym.shndx);
    }
  }
  return referenced;
}
