/**
 * move_payload() and the values arch_livepatch_perform_rela() computes: the payload as the
 * loader places and relocates it (loader-model.ts LoadedPayload), built when xen-syms is
 * given and the ELF structure, symbols and relocations the walk reads are sound (the
 * steps it needs). Reports sections the layout copies over each other and 32-bit results
 * that overflow wherever the payload lands; later steps read the model from the context.
 */
import { locationOffset } from "../rules.js";
import { relocationTypeName } from "../../elf/constants.js";
import { LoadedPayload } from "../loader-model.js";
import { type StepContext, type VerifierStep, at, safely, sectionLabel } from "./context.js";

export const PLACEMENT: VerifierStep = {
  name: "placement",
  basis: "move_payload(), arch_livepatch_perform_rela() (livepatch.c, arch/x86/livepatch.c)",
  rules: { "section-overlap": "after-apply", "rela-overflow": "relocations" },
  needs: ["elf-load", "symbols", "relocations"],
  run(ctx) {
    ctx.loaded = place(ctx);
    if (ctx.loaded) relocatedValues(ctx, ctx.loaded);
  },
};

function place(ctx: StepContext): LoadedPayload | undefined {
  const xen = ctx.target.xen;
  if (!xen || !ctx.symbols) return undefined;
  return safely(() => {
    // The earlier payloads of the stack sit below this one in the livepatch area.
    let below = 0n;
    for (const earlier of ctx.target.stack)
      below += new LoadedPayload(earlier, xen, 0n, ctx.version).pages;
    return new LoadedPayload(ctx.payload, xen, below, ctx.version);
  }, undefined);
}

function relocatedValues(ctx: StepContext, model: LoadedPayload): void {
  for (const { first, second } of model.overlaps()) {
    ctx.add(
      "section-overlap",
      `${sectionLabel(second.section)} (alignment ${second.section.addralign}) is placed at offset ${second.offset} of the ${second.region} region, over ${sectionLabel(first.section)} (offset ${first.offset}, ${first.section.size} bytes): the loader copies it on top`,
      at(second.section),
    );
  }
  for (const o of model.overflows) {
    if (!o.always) continue; // depends on where in the area the payload lands
    const sym = ctx.symbols?.[o.rela.symbolIndex];
    ctx.add(
      "rela-overflow",
      `relocation ${o.rela.index} in ${sectionLabel(o.relaSection)} (${relocationTypeName(o.rela.type)} at offset ${o.rela.offset} of ${o.target.name}, against ${sym?.name || `symbol ${o.rela.symbolIndex}`}${o.rela.addend >= 0n ? "+" : ""}${o.rela.addend}) computes ${o.value}, outside the signed 32 bits it is stored in: the hypervisor refuses it (EOVERFLOW)`,
      at(o.relaSection, {
        entry: o.rela.index,
        offset: locationOffset(o.rela.offset),
        ...(sym?.name ? { symbol: sym.name } : {}),
      }),
    );
  }
}

/**
 * Where a relocated address lies, for the steps that check the special sections' entries
 * against the placed payload: inside its text (with `len` bytes), and in words.
 */
export function placedText(model: LoadedPayload) {
  const text = model.regions.text;
  return {
    text,
    inText: (a: bigint, len = 0n) =>
      a >= text.address && a + len <= text.address + text.size && len <= text.size,
    describe: (a: bigint) => {
      const own = model.sectionAt(a);
      return own
        ? `${own.placed.section.name}+${own.offset}`
        : `0x${BigInt.asUintN(64, a).toString(16)}, outside the payload`;
    },
  };
}
