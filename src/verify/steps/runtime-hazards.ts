/**
 * Beyond the loader: what Xen accepts and the running hypervisor does not survive (stores
 * into data read-only after boot, per-CPU data of the payload's own) or never checks
 * (old_size against the symbol table, reserved bits of a disabled expectation). The checks
 * themselves are in src/verify/{read-only-stores,percpu,old-size}.ts (kinds.ts).
 */
import { kindFindings } from "../kinds.js";
import type { VerifierStep } from "./context.js";

export const RUNTIME_HAZARDS: VerifierStep = {
  name: "runtime-hazards",
  basis: "beyond the loader: xen/arch/x86/setup.c, xen/arch/x86/percpu.c, xen/common/livepatch.c",
  rules: {
    "store-read-only": "after-apply",
    "func-address-taken": "after-apply",
    "func-old-size-mismatch": "after-apply",
    "func-symbol-too-short": "after-apply",
    "expect-reserved-disabled": "after-apply",
    "percpu-new": "after-apply",
  },
  run(ctx) {
    for (const f of kindFindings(ctx.payload, ctx.target.xen))
      ctx.add(f.ruleId, f.message, f.location);
  },
};
