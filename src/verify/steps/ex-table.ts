/**
 * Beyond the loader: `.ex_table` entries once relocated. prepare_payload() takes the table
 * as it is (xen/common/livepatch.c); an entry's faulting address and continuation outside
 * the payload's text only matter when a fault happens there.
 */
import { type VerifierStep, at } from "./context.js";
import { placedText } from "./placement.js";

export const EX_TABLE: VerifierStep = {
  name: "ex-table",
  basis: "prepare_payload() .ex_table (livepatch.c): not checked by Xen",
  rules: { "ex-table-range": "after-apply" },
  needs: ["placement"],
  run(ctx) {
    const model = ctx.loaded;
    if (!model) return;
    const { inText, describe } = placedText(model);
    const ex = ctx.elf.sectionNamed(".ex_table");
    const placedEx = ex && model.placed.get(ex.index);
    const exSize = ctx.version.exTableEntrySize;
    if (!ex || !placedEx || ex.size % exSize !== 0) return;
    for (let i = 0; i * exSize < ex.size; i++) {
      for (const [field, off] of [
        ["faulting address", 0],
        ["continuation", 4],
      ] as const) {
        const v = model.int32(ex.index, i * exSize + off);
        if (v === undefined) continue;
        const a = placedEx.address + BigInt(i * exSize + off) + BigInt(v);
        if (!inText(a))
          ctx.add(
            "ex-table-range",
            `.ex_table entry ${i}: its ${field} is ${describe(a)}, not in the payload's text`,
            at(ex, { entry: i, offset: i * exSize + off }),
          );
      }
    }
  },
};
