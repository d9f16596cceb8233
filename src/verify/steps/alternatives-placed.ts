/**
 * Where `.altinstructions` entries point once relocated: an alternative's original code
 * must lie in the payload's text and its replacement in `.altinstr_replacement`; Xen 4.17
 * refuses the upload otherwise (prepare_payload(), xen/common/livepatch.c).
 */
import { type VerifierStep, at } from "./context.js";
import { placedText } from "./placement.js";

export const ALTERNATIVES_PLACED: VerifierStep = {
  name: "alternatives-placed",
  basis: "prepare_payload() .altinstructions ranges (livepatch.c)",
  rules: { "altinstr-range": "alternatives" },
  needs: ["placement"],
  run(ctx) {
    const model = ctx.loaded;
    if (!model) return;
    const { text, inText, describe } = placedText(model);
    const alt = ctx.elf.sectionNamed(".altinstructions");
    const placedAlt = alt && model.placed.get(alt.index);
    const repl = ctx.elf.sectionNamed(".altinstr_replacement");
    const placedRepl = repl && model.placed.get(repl.index);
    const ai = ctx.version.altInstr;
    if (!alt || !placedAlt || !placedRepl || alt.size % ai.size !== 0 || text.size <= 0) return;
    for (let i = 0; i * ai.size < alt.size; i++) {
      const off = i * ai.size;
      const orig = model.int32(alt.index, off + ai.origOffset);
      const replOff = model.int32(alt.index, off + ai.replOffset);
      const origLen = BigInt(model.byte(alt.index, off + ai.origLen) ?? 0);
      const replLen = BigInt(model.byte(alt.index, off + ai.replLen) ?? 0);
      const where = at(alt, { entry: i, offset: off });
      if (orig !== undefined) {
        const a = placedAlt.address + BigInt(off + ai.origOffset) + BigInt(orig);
        if (!inText(a, origLen))
          ctx.add(
            "altinstr-range",
            `.altinstructions entry ${i}: original code ${describe(a)} (${origLen} bytes) is not inside the payload's text: the hypervisor refuses it`,
            where,
          );
      }
      if (replOff !== undefined) {
        const a = placedAlt.address + BigInt(off + ai.replOffset) + BigInt(replOff);
        const start = placedRepl.address;
        const size = BigInt(placedRepl.section.size);
        if (a < start || replLen > size || a + replLen > start + size)
          ctx.add(
            "altinstr-range",
            `.altinstructions entry ${i}: replacement ${describe(a)} (${replLen} bytes) is not inside .altinstr_replacement: the hypervisor refuses it`,
            where,
          );
      }
    }
  },
};
