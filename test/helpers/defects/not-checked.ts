/**
 * The defects that prove the rules of the verifier's not-checked step (src/verify/steps/not-
 * checked.ts).
 */
import { HELLO, type Defect } from "./shared.js";

/** Not a defect of the payload: the verifier was not given xen-syms. */
export const NOT_CHECKED: Defect = {
  rule: "not-checked",
  title: "no xen-syms",
  payload: HELLO,
  noXen: true,
  names: { message: "symbol resolution not checked: no xen-syms given (--xen-syms)" },
  load: { skip: "not a payload defect: a check the verifier skipped without xen-syms" },
};
