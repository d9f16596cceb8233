/**
 * Completing a hand-written payload's `.livepatch.funcs` entries between compiling and the
 * final link (sources.ts): a zero old_size or new_size is filled in from the base's
 * xen-syms and the replacement's symbol, and with `expectations: "auto"` each entry
 * expects the old function's first bytes, unless something makes those bytes differ on a
 * live host (src/livepatch/patch-site.ts, which the verifier asks too).
 */
import { SHN_LORESERVE, SHN_UNDEF, STT_FUNC } from "../elf/constants.js";
import { type ElfSymbol, parseElf } from "../elf/reader.js";
import { type LivepatchFuncEntry, Payload } from "../livepatch/payload.js";
import { alternativeUnder, endbrSealedAt, patchSite } from "../livepatch/patch-site.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { EXPECT_DATA_SIZE, LIVEPATCH_FUNC, SECTION } from "../xen/abi.js";
import { ConfigurationError } from "../util/errors.js";

export type ExpectationsMode = "none" | "auto";

// The input a refusal names (as sources.ts).
const INPUT = "payload-sources";

/** Byte 72 of `struct livepatch_func`: bit 0 enabled, bits 1-5 the length, bits 6-7 zero. */
export function expectationByte(len: number): number {
  if (!Number.isInteger(len) || len < 1 || len > EXPECT_DATA_SIZE) {
    throw new RangeError(`expectation length ${len} is outside 1..${EXPECT_DATA_SIZE}`);
  }
  return 1 | (len << 1);
}

/**
 * The 32 bytes at offset 72 of an entry expecting `oldCode`'s first `min(oldSize, 31)`
 * bytes: the expectation byte, then the data zero-padded.
 */
export function expectationField(oldCode: Uint8Array, oldSize: number): Uint8Array {
  const len = Math.min(oldSize, EXPECT_DATA_SIZE, oldCode.length);
  const field = new Uint8Array(1 + EXPECT_DATA_SIZE);
  field[0] = expectationByte(len);
  field.set(oldCode.subarray(0, len), 1);
  return field;
}

export interface CompleteOptions {
  payload: string;
  file: string;
  xen: XenSyms;
  expectations: ExpectationsMode;
  /** Old functions (by address) patched by earlier payloads of a stack, and by which. */
  patchedEarlier: ReadonlyMap<string, string>;
}

/**
 * Fills in, in a copy of the object's bytes, what the sources left for the builder:
 * old_size 0 (from the base's symbol), new_size 0 (from the replacement's symbol) and,
 * with expectations "auto", each disabled expectation (the old function's first bytes).
 */
export function completeFuncs(
  objectBytes: Uint8Array,
  opts: CompleteOptions,
): { bytes: Uint8Array; notes: string[]; oldAddresses: string[] } {
  const bytes = new Uint8Array(objectBytes);
  const payload = new Payload(parseElf(bytes, opts.file));
  const section = payload.elf.sectionNamed(SECTION.funcs);
  const notes: string[] = [];
  const oldAddresses: string[] = [];
  if (!section) return { bytes, notes, oldAddresses };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  for (const f of payload.funcs()) {
    const at = section.offset + f.offset;
    const label = `${opts.payload}: function entry ${f.index}${f.name ? ` (${f.name})` : ""}`;
    const old = patchSite(f, opts.xen);
    if (old?.address !== undefined) oldAddresses.push(old.address.toString());

    let oldSize = f.oldSize;
    if (oldSize === 0) {
      if (!old?.size) {
        throw new ConfigurationError(
          INPUT,
          `${label}: old_size is 0 and the old function is not a sized symbol of the base's xen-syms, so its size is unknown: set old_size`,
        );
      }
      oldSize = old.size;
      view.setUint32(at + LIVEPATCH_FUNC.oldSize, oldSize, true);
      notes.push(`${label}: old_size set to ${oldSize} (${old.name} in xen-syms)`);
    }
    if (f.newSize === 0) {
      const replacement = replacementFunction(payload, f);
      if (replacement) {
        view.setUint32(at + LIVEPATCH_FUNC.newSize, replacement.size, true);
        notes.push(`${label}: new_size set to ${replacement.size} (${replacement.name})`);
      }
    }

    if (opts.expectations !== "auto") continue;
    if (f.expect.enabled) {
      notes.push(`${label}: keeps the expectation written in its source`);
      continue;
    }
    if (old?.address === undefined) {
      throw new ConfigurationError(
        "expectations",
        `${label}: the old function is not in the base's xen-syms, so there are no bytes to expect (set expectations: none, or write the expectation in the source)`,
      );
    }
    const earlier = opts.patchedEarlier.get(old.address.toString());
    if (earlier) {
      // Xen compares with the live code, which then starts with the earlier payload's jump.
      notes.push(
        `${label}: no expectation, ${old.name} is already patched by ${earlier} earlier in the stack`,
      );
      continue;
    }
    if (endbrSealedAt(opts.xen, old.address)) {
      // On CET-IBT hardware Xen overwrites this function's ENDBR64 at boot: the live bytes
      // are not xen-syms' bytes there, though QEMU (no IBT) would match them.
      notes.push(
        `${label}: no expectation: Xen seals ${old.name}'s ENDBR64 at boot on CET-IBT hardware (a cf_clobber target), so its first bytes on such a host are not the ones in xen-syms`,
      );
      continue;
    }
    const rewritten = alternativeUnder(opts.xen, old.address, Math.min(oldSize, EXPECT_DATA_SIZE));
    if (rewritten) {
      // Xen rewrites these bytes at boot by the CPU's features: xen-syms is not the live code.
      notes.push(
        `${label}: no expectation: Xen rewrites ${rewritten.length} bytes at 0x${rewritten.start.toString(16)} of ${old.name} at boot (an alternative), so its live bytes are not the ones in xen-syms`,
      );
      continue;
    }
    const code = opts.xen.bytesAt(old.address, EXPECT_DATA_SIZE);
    if (!code || code.length === 0) {
      throw new ConfigurationError(
        "expectations",
        `${label}: ${old.name} has no code in the base's xen-syms`,
      );
    }
    const field = expectationField(code, oldSize);
    bytes.set(field, at + LIVEPATCH_FUNC.expect);
    notes.push(`${label}: expects the first ${field[0]! >> 1} bytes of ${old.name}`);
  }
  return { bytes, notes, oldAddresses };
}

/**
 * The sized function symbol the new_addr relocation points at: a static function is
 * reached through its section's symbol, so look for the function at that place.
 */
function replacementFunction(payload: Payload, f: LivepatchFuncEntry): ElfSymbol | undefined {
  const { symbol, rela } = f.newAddr;
  if (!symbol || !rela || symbol.shndx === SHN_UNDEF || symbol.shndx >= SHN_LORESERVE) return;
  const value = symbol.value + rela.addend;
  return payload.elf
    .symbols()
    .find(
      (s) => s.type === STT_FUNC && s.shndx === symbol.shndx && s.value === value && s.size > 0,
    );
}
