/**
 * Beyond the loader: what arch_livepatch_apply() (xen/arch/x86/livepatch.c) overwrites, as
 * instructions. No loader checks this; a patch that breaks it is accepted and crashes or
 * misbehaves once the patched code runs.
 */
import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import { ENDBR64, ENDBR64_POISON, EXPECT_DATA_SIZE } from "../../xen/abi.js";
import { type StepContext, startsWith } from "./context.js";
import type { EntryLabel, OldFunction } from "./old-function.js";

/**
 * The 5-byte jump or the NOP run (after ENDBR64 where the function starts with one) must
 * end on an instruction boundary inside the function, and no direct branch of xen-syms may
 * land inside the overwritten bytes other than at their start.
 */
export function checkPatchedInstructions(
  ctx: StepContext,
  f: LivepatchFuncEntry,
  old: OldFunction | undefined,
  replaces: boolean,
  { label, where }: EntryLabel,
): void {
  const xen = ctx.target.xen;
  if (!xen || old?.address === undefined || !old.bytes) return;
  if (ctx.target.instructions === false) return;
  if (ctx.patchedBelow(old.name)) return; // the live code is an earlier payload's jump
  const code = xen.code();
  if (!code) return ctx.skip("instructions the patch overwrites", "x86 decoder not loaded");
  const fn = code.functionAt(old.address);
  if (!fn) return;
  const endbr = startsWith(old.bytes, ENDBR64) || startsWith(old.bytes, ENDBR64_POISON);
  const patchOffset = endbr ? ENDBR64.length : 0;
  // Sizes the loader refuses (func-nop-size, func-too-short) never reach the code.
  if (!replaces && (f.newSize > EXPECT_DATA_SIZE || f.newSize > f.oldSize)) return;
  if (replaces && f.oldSize < ctx.version.patchInsnSize + patchOffset) return;
  // livepatch_insn_len(): the jump, or new_size less the ENDBR64 kept in front.
  const length = replaces ? ctx.version.patchInsnSize : f.newSize - patchOffset;
  if (length <= 0) return;
  const first = old.address + BigInt(patchOffset);
  const last = first + BigInt(length);
  const what = replaces ? "the 5-byte jump" : `the ${length}-byte NOP run`;
  const span = `${code.describe(first)} to ${code.describe(last - 1n)}`;
  const fnEnd = fn.start + BigInt(fn.size);
  const starts = code.instructionStarts(fn);
  // A jump past the function's end is reported as old_size overrunning it, or old_addr
  // not at the function's start: the only ways to get there.
  if (last > fnEnd && !replaces) {
    ctx.add(
      "nop-insn-boundary",
      `${label}: ${what} (${span}) runs ${last - fnEnd} bytes past the end of ${fn.name} (${fn.size} bytes in ${xen.file})`,
      where,
    );
  } else if (!replaces && starts && !starts.has(Number(last - fn.start))) {
    // A jump may end inside an instruction: nothing runs the fragment behind it (unless
    // a branch lands there, checked below). A NOP run is executed, fragment and all.
    const inside = Math.max(...[...starts].filter((s) => s < Number(last - fn.start)));
    ctx.add(
      "nop-insn-boundary",
      `${label}: ${what} (${span}) ends inside the instruction at ${code.describe(fn.start + BigInt(inside))}: execution runs on from the NOPs into the fragment left of it`,
      where,
    );
  }
  const into = code.branchesInto(first + 1n, last);
  if (into.length > 0) {
    const shown = into
      .slice(0, 3)
      .map((b) => `${code.describe(b.from)} -> ${code.describe(b.to)}`)
      .join(", ");
    ctx.add(
      "branch-into-patch",
      `${label}: ${into.length} branch${into.length === 1 ? "" : "es"} of ${xen.file} land${into.length === 1 ? "s" : ""} inside the bytes ${what} overwrites (${span}): ${shown}${into.length > 3 ? ", ..." : ""}`,
      where,
    );
  }
}
