/**
 * prepare_payload()'s `.livepatch.funcs` (xen/common/livepatch.c) with
 * arch_livepatch_verify_func() (xen/arch/x86/livepatch.c): each entry's fields, the
 * function it patches and where its replacement lies (old-function.ts), then beyond the
 * loader what the patch overwrites (patched-code.ts), its sizes, and its expectation
 * (expectations.ts). An entry's findings stay together, in that order.
 */
import type { ElfSection } from "../../elf/reader.js";
import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import {
  ENDBR64,
  ENDBR64_POISON,
  EXPECT_DATA_SIZE,
  LIVEPATCH_FUNC,
  LIVEPATCH_PAYLOAD_VERSION,
  SECTION,
} from "../../xen/abi.js";
import { type StepContext, type VerifierStep, at, startsWith } from "./context.js";
import { checkExpectation } from "./expectations.js";
import {
  type EntryLabel,
  type OldFunction,
  checkNewAddr,
  fileOldFunction,
  loadedOldFunction,
} from "./old-function.js";
import { checkPatchedInstructions } from "./patched-code.js";

export const FUNCS: VerifierStep = {
  name: "funcs",
  basis:
    "prepare_payload() .livepatch.funcs, arch_livepatch_verify_func(), livepatch_check_expectations()",
  rules: {
    "funcs-size": "funcs",
    "func-version": "funcs",
    "func-old-size": "funcs",
    "func-reserved": "funcs",
    "func-name": "funcs",
    "func-name-unmapped": "funcs",
    "func-unresolved": "funcs",
    "old-addr-non-canonical": "funcs",
    "old-addr-not-function-start": "funcs",
    "func-distance": "funcs",
    "new-addr-outside-text": "after-apply",
    "func-duplicate": "after-apply",
    "func-too-short": "funcs",
    "func-nop-size": "funcs",
    "func-old-size-overrun": "after-apply",
    "expect-invalid": "apply",
    "expect-mismatch": "apply",
    "expect-alternative": "apply",
    "expect-endbr-sealed": "apply",
    "nop-insn-boundary": "after-apply",
    "branch-into-patch": "after-apply",
  },
  run: funcs,
};

function funcs(ctx: StepContext): void {
  const section = ctx.elf.sectionNamed(SECTION.funcs);
  if (!section || !ctx.elf.inBounds(section)) return;
  if (section.size % LIVEPATCH_FUNC.size !== 0) {
    ctx.add(
      "funcs-size",
      `${SECTION.funcs} is ${section.size} bytes, not a multiple of ${LIVEPATCH_FUNC.size}`,
      at(section),
    );
    return;
  }
  if (!ctx.symbols) return;
  /** old_addr of the function entries seen so far, with the first entry patching each. */
  const patched = new Map<bigint, number>();
  for (const f of ctx.payload.funcs()) entry(ctx, section, f, patched);
}

function entry(
  ctx: StepContext,
  section: ElfSection,
  f: LivepatchFuncEntry,
  patched: Map<bigint, number>,
): void {
  const label: EntryLabel = {
    label: `function entry ${f.index}${f.name ? ` (${f.name})` : ""}`,
    where: at(section, { entry: f.index, offset: f.offset, ...(f.name ? { symbol: f.name } : {}) }),
  };
  entryFields(ctx, section, f, label);
  const lf = ctx.loaded?.funcs()[f.index];
  const asLoaded = loadedOldFunction(ctx, lf, label);
  if (asLoaded === "stop") return;
  const oldFunction = asLoaded ?? fileOldFunction(ctx, f, label);
  if (oldFunction?.address !== undefined) {
    // Each entry keeps its own copy of the bytes it overwrote; revert restores them in
    // entry order, so a second entry for the same code puts back the first one's jump.
    const first = patched.get(oldFunction.address);
    if (first !== undefined) {
      ctx.add(
        "func-duplicate",
        `${label.label} patches ${oldFunction.name} at 0x${oldFunction.address.toString(16)}, as function entry ${first} does: after revert it still jumps into the payload`,
        label.where,
      );
    } else patched.set(oldFunction.address, f.index);
  }
  // new_addr as relocated (an R_X86_64_NONE relocation leaves 0: a NOP entry).
  const replaces =
    lf?.newAddr !== undefined
      ? lf.newAddr !== 0n
      : f.newAddr.rela !== undefined || f.newAddr.raw !== 0n;
  if (checkNewAddr(ctx, lf, oldFunction, label) === "stop") return;
  checkPatchedInstructions(ctx, f, oldFunction, replaces, label);
  entrySizes(ctx, f, oldFunction, replaces, label);
  checkExpectation(ctx, f, oldFunction, label);
}

// The entry's own fields: version, old_size, and the reserved _pad.
function entryFields(
  ctx: StepContext,
  section: ElfSection,
  f: LivepatchFuncEntry,
  { label, where }: EntryLabel,
): void {
  if (f.version !== LIVEPATCH_PAYLOAD_VERSION) {
    ctx.add(
      "func-version",
      `${label} has version ${f.version}, expected ${LIVEPATCH_PAYLOAD_VERSION}`,
      where,
    );
  }
  if (f.oldSize === 0) ctx.add("func-old-size", `${label} has old_size 0`, where);
  // _pad[39] between version and expect: reserved, zero (a later loader may use it).
  const pad = ctx.elf
    .data(section)
    .subarray(f.offset + LIVEPATCH_FUNC.version + 1, f.offset + LIVEPATCH_FUNC.expect);
  const nonZero = pad.findIndex((b) => b !== 0);
  if (nonZero >= 0) {
    ctx.add(
      "func-reserved",
      `${label} has reserved byte ${LIVEPATCH_FUNC.version + 1 + nonZero} (in _pad, bytes ${LIVEPATCH_FUNC.version + 1}-${LIVEPATCH_FUNC.expect - 1}) set to 0x${pad[nonZero]!.toString(16)}; reserved bytes must be zero`,
      { ...where, offset: f.offset + LIVEPATCH_FUNC.version + 1 + nonZero },
    );
  }
}

// arch_livepatch_verify_func(): room for the jump or the NOPs; and old_size against xen-syms.
function entrySizes(
  ctx: StepContext,
  f: LivepatchFuncEntry,
  oldFunction: OldFunction | undefined,
  replaces: boolean,
  { label, where }: EntryLabel,
): void {
  const endbr =
    oldFunction?.bytes &&
    (startsWith(oldFunction.bytes, ENDBR64) || startsWith(oldFunction.bytes, ENDBR64_POISON));
  const needed = ctx.version.patchInsnSize + (endbr ? ENDBR64.length : 0);
  if (replaces) {
    if (f.oldSize !== 0 && f.oldSize < needed) {
      ctx.add(
        "func-too-short",
        `${label} has old_size ${f.oldSize}; the jump needs ${needed} bytes${endbr ? " (the function starts with ENDBR64)" : ""}`,
        where,
      );
    }
  } else if (f.newSize > EXPECT_DATA_SIZE || f.oldSize < f.newSize) {
    ctx.add(
      "func-nop-size",
      `${label} NOPs out ${f.newSize} bytes of a ${f.oldSize}-byte function; at most ${EXPECT_DATA_SIZE} and at most old_size`,
      where,
    );
  }
  // A smaller old_size is harmless (only the jump's room is checked); a larger one lies about
  // room that is not there. A function too small for the jump is func-symbol-too-short's.
  const tooSmallForJump = replaces && oldFunction?.size !== undefined && oldFunction.size < needed;
  if (
    oldFunction?.size !== undefined &&
    oldFunction.size !== 0 &&
    f.oldSize > oldFunction.size &&
    !tooSmallForJump
  ) {
    ctx.add(
      "func-old-size-overrun",
      `${label} has old_size ${f.oldSize} but ${oldFunction.name} is only ${oldFunction.size} bytes in ${ctx.target.xen?.file}`,
      where,
    );
  }
}
