/**
 * A funcs entry's expectation (livepatch_expectation, checked by livepatch_check_expectations()
 * at apply, xen/common/livepatch.c): its own fields, then the bytes it expects against
 * the code the apply will meet, which on a real host is not always xen-syms' (an earlier
 * payload's jump, an alternative Xen rewrote at boot, an ENDBR64 sealed on CET-IBT).
 */
import { endbrSealedAt, alternativeUnder } from "../../livepatch/patch-site.js";
import { hex } from "../../livepatch/notes.js";
import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import { ENDBR64, ENDBR64_POISON } from "../../xen/abi.js";
import { type StepContext, startsWith } from "./context.js";
import type { EntryLabel, OldFunction } from "./old-function.js";

export function checkExpectation(
  ctx: StepContext,
  f: LivepatchFuncEntry,
  oldFunction: OldFunction | undefined,
  { label, where }: EntryLabel,
): void {
  const e = f.expect;
  const xen = ctx.target.xen;
  if (!e.enabled) return;
  if (e.reserved !== 0)
    ctx.add("expect-invalid", `${label} expectation has reserved bits set (${e.reserved})`, where);
  const address = oldFunction?.address;
  // Looked up only once the cheaper checks pass.
  let site: { start: bigint; length: number } | undefined;
  const overAlternative = () =>
    (site = address !== undefined && xen ? alternativeUnder(xen, address, e.len) : undefined);
  if (e.len > f.oldSize) {
    ctx.add(
      "expect-invalid",
      `${label} expects ${e.len} bytes of a ${f.oldSize}-byte function`,
      where,
    );
  } else if (oldFunction && ctx.patchedBelow(oldFunction.name)) {
    // The earlier payload's jump is what the hypervisor will compare against, not xen-syms.
    ctx.add(
      "expect-mismatch",
      `${label} has an expectation, but ${ctx.patchedBelow(oldFunction.name)} (earlier in the stack) already patches ${oldFunction.name}: at apply time its code starts with that payload's jump, not the bytes in xen-syms`,
      where,
    );
  } else if (overAlternative()) {
    ctx.add(
      "expect-alternative",
      `${label} expects ${e.len} bytes of ${oldFunction!.name}, but Xen rewrites ${site!.length} of them at boot (an alternative at ${xen?.code()?.describe(site!.start) ?? `0x${site!.start.toString(16)}`}, chosen by the CPU's features): the live bytes are not the ones in xen-syms`,
      where,
    );
  } else if (
    address !== undefined &&
    e.len > 0 &&
    xen !== undefined &&
    endbrSealedAt(xen, address) &&
    startsWith(e.data.subarray(0, Math.min(e.len, ENDBR64.length)), ENDBR64.slice(0, e.len))
  ) {
    ctx.add(
      "expect-endbr-sealed",
      `${label} expects ${oldFunction!.name} to start with ENDBR64, but Xen seals that function at boot on CET-IBT hardware (a cf_clobber target in ${xen.file}): there its first bytes are ${hex(Uint8Array.from(ENDBR64_POISON))} and the apply is refused; a CPU without IBT (QEMU's) keeps ENDBR64 and hides this`,
      where,
    );
  } else if (oldFunction?.bytes) {
    const expected = e.data.subarray(0, e.len);
    const actual = oldFunction.bytes.subarray(0, e.len);
    if (hex(expected) !== hex(actual)) {
      ctx.add(
        "expect-mismatch",
        `${label} expects ${hex(expected)} but ${oldFunction.name} in ${xen?.file} starts with ${hex(actual)}`,
        where,
      );
    }
  }
}
