/**
 * build_symbol_table() (xen/common/livepatch.c): the payload's new symbols join the
 * hypervisor's table, and a name the hypervisor or an earlier payload has is refused.
 */
import type { VerifierStep } from "./context.js";

export const SYMBOL_TABLE: VerifierStep = {
  name: "symbol-table",
  basis: "build_symbol_table() (livepatch.c)",
  // Where loaderOutcome has always placed it (the default of loader-order.ts before the
  // step table), not at the loader's own "symbol-table" step.
  rules: { "symbol-duplicate": "after-apply" },
  run(ctx) {
    if (!ctx.symbols) return;
    const xen = ctx.target.xen;
    if (!xen) return ctx.skip("new symbol names");
    const stack = ctx.stackExports();
    for (const sym of ctx.payload.newSymbols()) {
      const owner = xen.lookup(sym.name) ? xen.file : stack.get(sym.name);
      if (owner) {
        ctx.add(
          "symbol-duplicate",
          `new symbol ${sym.name} already exists in ${owner}; the hypervisor refuses a duplicate`,
          { section: ".symtab", entry: sym.index, symbol: sym.name },
        );
      }
    }
  },
};
