/**
 * The verifier's own last step: the checks earlier steps could not make (no xen-syms, no
 * earlier payloads, no x86 decoder), one finding each.
 */
import type { VerifierStep } from "./context.js";

export const NOT_CHECKED: VerifierStep = {
  name: "not-checked",
  basis: "verifier",
  rules: { "not-checked": "after-apply" },
  run(ctx) {
    for (const [what, why] of ctx.notChecked) {
      ctx.add(
        "not-checked",
        `${what} not checked: ${why ?? (ctx.target.xen ? "no earlier payloads given" : "no xen-syms given (--xen-syms)")}`,
      );
    }
  },
};
