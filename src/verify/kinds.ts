/**
 * The checks of issue 21, each in a module of its own, as the verifier calls them: what
 * the loader accepts and the running hypervisor does not survive (stores into read-only
 * data, per-CPU data of a payload's own) or does not check (old_size, reserved bits of a
 * disabled expectation). The xen-syms checks run only when xen-syms is given.
 */
import { ElfFormatError } from "../elf/reader.js";
import type { Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import type { CheckFinding } from "./check-finding.js";
import { functionAddressFindings } from "./function-addresses.js";
import { disabledExpectationFindings, oldSizeFindings } from "./old-size.js";
import { perCpuFindings } from "./percpu.js";
import { readOnlyStoreFindings } from "./read-only-stores.js";

/**
 * Every finding of these checks for one payload, in rule order. A check that meets a part
 * of the payload it cannot read (a corrupt symbol table) finds nothing: the verifier's
 * own checks report what is malformed.
 */
export function kindFindings(payload: Payload, xen: XenSyms | undefined): CheckFinding[] {
  return [
    ...(xen ? readable(() => readOnlyStoreFindings(payload, xen)) : []),
    ...(xen ? readable(() => functionAddressFindings(payload, xen)) : []),
    ...(xen ? readable(() => oldSizeFindings(payload, xen)) : []),
    ...readable(() => disabledExpectationFindings(payload)),
    ...readable(() => perCpuFindings(payload)),
  ];
}

function readable(check: () => CheckFinding[]): CheckFinding[] {
  try {
    return check();
  } catch (e) {
    if (e instanceof ElfFormatError) return [];
    throw e;
  }
}
