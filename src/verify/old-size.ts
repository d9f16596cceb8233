/**
 * What the loader trusts in a function entry and never checks against the symbol table
 * (prepare_payload() and arch_livepatch_verify_func(), xen/common/livepatch.c and
 * xen/arch/x86/livepatch.c): that old_size is the patched function's size, and that the
 * function has room for the jump written over it; and, for a disabled expectation, that
 * its reserved bits are clear.
 */
import { ElfFormatError } from "../elf/reader.js";
import type { LivepatchFuncEntry, Payload } from "../livepatch/payload.js";
import { patchSite } from "../livepatch/patch-site.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { SECTION, patchSiteSize } from "../xen/abi.js";
import type { CheckFinding } from "./check-finding.js";

const label = (f: LivepatchFuncEntry) => `function entry ${f.index}${f.name ? ` (${f.name})` : ""}`;
const where = (f: LivepatchFuncEntry) => ({
  section: SECTION.funcs,
  entry: f.index,
  ...(f.name ? { symbol: f.name } : {}),
});
const replaces = (f: LivepatchFuncEntry) => f.newAddr.rela !== undefined || f.newAddr.raw !== 0n;

/**
 * Findings of rules `func-symbol-too-short` (a replaced function smaller than the jump,
 * 5 bytes or 9 after an ENDBR64: Xen writes over the next function) and
 * `func-old-size-mismatch` (old_size smaller than the function: an old_size too short for
 * the jump is `func-too-short`'s, a larger one `func-old-size-overrun`'s), for each
 * replacing entry whose function xen-syms knows with a size. A NOP entry's old_size only
 * bounds its NOP run (arch_livepatch_verify_func()), so part of a function is what it
 * states.
 */
export function oldSizeFindings(payload: Payload, xen: XenSyms): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const f of safeFuncs(payload)) {
    const site = patchSite(f, xen);
    if (site?.address === undefined || site.size === undefined) continue;
    const needed = patchSiteSize(xen.bytesAt(site.address, 4) ?? []);
    // A site inside a function is old-addr-not-function-start's, its room included.
    const atStart = xen.lookup(site.name)?.value === site.address;
    if (replaces(f) && atStart && site.size < needed) {
      findings.push({
        ruleId: "func-symbol-too-short",
        message: `${label(f)} patches ${site.name}, which is ${site.size} bytes in ${xen.file}: smaller than the ${needed}-byte jump Xen writes over it${needed > patchSiteSize([]) ? " after its ENDBR64" : ""}, whose end overwrites the code after it`,
        location: where(f),
      });
    } else if (replaces(f) && f.oldSize < site.size && f.oldSize >= needed) {
      findings.push({
        ruleId: "func-old-size-mismatch",
        message: `${label(f)} has old_size ${f.oldSize} but ${site.name} is ${site.size} bytes in ${xen.file}: Xen checks the jump's room and the expectation against old_size, so old_size is normally the function's size`,
        location: where(f),
      });
    }
  }
  return findings;
}

/**
 * Findings of rule `expect-reserved-disabled`: a disabled expectation with reserved bits
 * set, which Xen 4.17 ignores (livepatch_check_expectations() reads only `enabled`).
 */
export function disabledExpectationFindings(payload: Payload): CheckFinding[] {
  return safeFuncs(payload)
    .filter((f) => !f.expect.enabled && f.expect.reserved !== 0)
    .map((f) => ({
      ruleId: "expect-reserved-disabled" as const,
      message: `${label(f)} has a disabled expectation with reserved bits set (${f.expect.reserved}): Xen ignores them today, a later ABI may give them meaning`,
      location: where(f),
    }));
}

/** The function entries, or none when `.livepatch.funcs` cannot be read (reported elsewhere). */
function safeFuncs(payload: Payload): LivepatchFuncEntry[] {
  try {
    return payload.funcs();
  } catch (e) {
    if (e instanceof ElfFormatError) return [];
    throw e;
  }
}
