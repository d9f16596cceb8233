/**
 * `- apply: NAME`, with `nodeps: true` for `xen-livepatch apply NAME --nodeps` (Xen then
 * skips checking the payload's dependency against the top of the applied stack).
 */
import { isScalar } from "yaml";
import type { StepKind } from "./kind.js";
import { payloadStep, type PayloadAction } from "./payload.js";

export interface ApplyAction extends PayloadAction<"apply"> {
  nodeps?: boolean;
}

const flag = (a: ApplyAction) => (a.nodeps ? " --nodeps" : "");

export const apply: StepKind<ApplyAction> = {
  ...payloadStep("apply", (a: ApplyAction) => `xen-livepatch apply ${a.payload}${flag(a)}`),
  options: ["nodeps"],
  parseOptions(pairs, action, own, { v }) {
    const nodeps = pairs.nodeps;
    if (!nodeps) return;
    const value = nodeps.value;
    if (!isScalar(value) || typeof value.value !== "boolean") {
      v.add(value ?? nodeps.key, "`nodeps` is true or false");
    } else if (!own) {
      v.add(nodeps.key, "`nodeps` belongs to an `apply` step (xen-livepatch apply NAME --nodeps)");
    } else if (action && value.value) {
      action.nodeps = true;
    }
  },
  defaultName: (a) => `apply ${a.payload}${flag(a)}`,
};
