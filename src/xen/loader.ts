/**
 * loaderFor(): the model of the loader of one Xen release, to the point release, as a fold
 * of the records of changes.ts over Xen 4.17.0's model: each change the release has (by
 * backport too: 4.18.4 and 4.19.1 behave like 4.20, 4.18.3 and 4.19.0 like 4.17) applies
 * its `loader` to the model in turn.
 */
import {
  ALT_INSTR,
  ARCH_LIVEPATCH_RANGE,
  ARCH_PATCH_INSN_SIZE,
  BUG_FRAME,
  EXCEPTION_TABLE_ENTRY_SIZE,
  MAX_PATCH_LEN,
  RELOCATIONS,
  SPECIAL_SECTIONS,
} from "./abi.js";
import { CHANGES, type XenChangeRecord } from "./changes.js";
import { type LoaderVersion, XEN_DEPENDS_LATE } from "./loader-version.js";
import { type XenVersion, hasChange } from "./version.js";

const MASK64 = (1n << 64n) - 1n;

/**
 * Xen 4.17.0 x86 (xen/common/livepatch.c move_payload, xen/arch/x86/livepatch.c), before
 * any change of changes.ts.
 */
const XEN_4_17_0: LoaderVersion = {
  name: "Xen 4.17",
  release: { major: 4, minor: 17, patch: 0 },
  pageSize: 4096n,
  // vm_init_type(VMAP_XEN, __2M_rwdata_end, XEN_VIRT_END - ...): about 1 GiB above Xen.
  area: { startSymbol: "__2M_rwdata_end", maxSpan: 1n << 30n },
  // (x + a - 1) & ~(a - 1) in 64-bit arithmetic: an alignment of 0 rounds everything to 0.
  roundUp: (x, a) => (x + a - 1n) & ~(a - 1n) & MASK64,
  relocations: RELOCATIONS,
  patchRange: ARCH_LIVEPATCH_RANGE,
  canonicalBits: 48,
  patchInsnSize: ARCH_PATCH_INSN_SIZE,
  specialEntrySizes: Object.fromEntries(
    SPECIAL_SECTIONS.filter((s) => !s.onlyWith).map((s) => [s.name, s.entrySize]),
  ),
  altInstr: ALT_INSTR,
  alternatives: { refused: false, maxPatchLen: MAX_PATCH_LEN, flagNot: false, capabilityWords: 21 },
  xenDepends: XEN_DEPENDS_LATE,
  noteTypeErrno: "EINVAL",
  // asm/bug.h: BUG_DISP_WIDTH 24.
  bugFrame: BUG_FRAME,
  exTableEntrySize: EXCEPTION_TABLE_ENTRY_SIZE,
};

type Release = Pick<XenVersion, "major" | "minor" | "patch">;

/** Whether `release` has the change: by its releases, or carried by its distribution base. */
export function releaseHas(release: Release, change: XenChangeRecord): boolean {
  return (
    hasChange(release, change) ||
    (release.major === 4 && (change.carriedBy ?? []).includes(release.minor))
  );
}

function fold(release: Release, name: string): LoaderVersion {
  return CHANGES.reduce(
    (model, change) =>
      change.loader && releaseHas(release, change) ? change.loader(model) : model,
    { ...XEN_4_17_0, name, release },
  );
}

/** The model for 4.17 (and for anything older or unknown): loaderFor(undefined). */
export const XEN_4_17: LoaderVersion = fold({ major: 4, minor: 17, patch: undefined }, "Xen 4.17");

/**
 * The loader model for a hypervisor of `version` (see XenSyms.version()), to the point
 * release: 4.17.0's model with each change of changes.ts the release has. XEN_4_17 for
 * anything older or unknown; an unknown point release counts as the minor's first.
 */
export function loaderFor(
  version: (Pick<XenVersion, "major" | "minor"> & Partial<XenVersion>) | undefined,
): LoaderVersion {
  if (!version || (version.major === 4 && version.minor < 17)) return XEN_4_17;
  const v = { major: version.major, minor: version.minor, patch: version.patch };
  const text = version.text ?? `${v.major}.${v.minor}${v.patch === undefined ? "" : `.${v.patch}`}`;
  return fold(v, `Xen ${text}`);
}

/** What loaderFor() returns for 4.20.0 and 4.21.0. */
export const XEN_4_20: LoaderVersion = loaderFor({ major: 4, minor: 20, patch: 0, text: "4.20" });
export const XEN_4_21: LoaderVersion = loaderFor({ major: 4, minor: 21, patch: 0, text: "4.21" });
