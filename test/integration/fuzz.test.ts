// Random mutations of real payloads and of the real xen-syms must never crash or hang the
// reader, the payload model or the verifier: every outcome is findings or an ElfFormatError.
// The generator is seeded, so a failure names the seed and iteration that reproduce it.
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ElfFormatError, parseElf } from "../../src/elf/reader.js";
import { Payload } from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { verifyPayload } from "../../src/verify/verifier.js";
import { getXenBase } from "./xen-base.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20261124);
const PAYLOAD_ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 4000);
const XEN_SYMS_ITERATIONS = 150;
/** Every this many mutated xen-syms is also decoded whole (~150 ms each) and verified against. */
const DECODE_EVERY = 10;
const CODE_ITERATIONS = 20;

/** xorshift32: small, fast and reproducible. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  return { next, below: (n: number) => next() % Math.max(1, n) };
}

type Rng = ReturnType<typeof prng>;

/** Where mutations hurt most: the ELF header, section headers, symbols and relocations. */
function interestingOffset(bytes: Uint8Array, rng: Rng): number {
  if (bytes.length < 64) return rng.below(bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shoff = Number(view.getBigUint64(40, true));
  const shnum = view.getUint16(60, true);
  switch (rng.below(4)) {
    case 0:
      return rng.below(64);
    case 1:
      if (shoff < bytes.length)
        return shoff + rng.below(Math.min(shnum * 64, bytes.length - shoff));
      return rng.below(bytes.length);
    default:
      return rng.below(bytes.length);
  }
}

function mutate(original: Uint8Array, rng: Rng): Uint8Array {
  let bytes = original.slice();
  const count = 1 + rng.below(4);
  for (let i = 0; i < count; i++) {
    const at = interestingOffset(bytes, rng);
    switch (rng.below(6)) {
      case 0: // flip a bit
        bytes[at] = (bytes[at] ?? 0) ^ (1 << rng.below(8));
        break;
      case 1: // a random byte
        bytes[at] = rng.below(256);
        break;
      case 2: // an extreme 32-bit value
        if (at + 4 <= bytes.length)
          new DataView(bytes.buffer).setUint32(
            at,
            [0, 0xffffffff, 0x7fffffff, 0x80000000][rng.below(4)]!,
            true,
          );
        break;
      case 3: // an extreme 64-bit value
        if (at + 8 <= bytes.length)
          new DataView(bytes.buffer).setBigUint64(
            at,
            [0n, 0xffffffffffffffffn, 1n << 62n, BigInt(bytes.length)][rng.below(4)]!,
            true,
          );
        break;
      case 4: // truncate
        bytes = bytes.slice(0, at);
        break;
      default: // a small random value
        bytes[at] = rng.below(8);
    }
    if (bytes.length === 0) break;
  }
  return bytes;
}

/** Parses and verifies; the only exception allowed is the reader's ElfFormatError. */
function exercisePayload(
  bytes: Uint8Array,
  name: string,
  xen: XenSyms,
  stack: Payload[],
): "parsed" | "rejected" {
  let payload: Payload;
  try {
    payload = new Payload(parseElf(bytes, name));
  } catch (e) {
    if (e instanceof ElfFormatError) return "rejected";
    throw e;
  }
  const findings = verifyPayload(payload, { xen, stack });
  expect(Array.isArray(findings)).toBe(true);
  return "parsed";
}

describe("fuzzing real payloads", () => {
  let xen: XenSyms;
  let originals: Array<{ name: string; bytes: Uint8Array }>;
  let hello: Payload;
  let nop: Payload;
  let expectations: Payload;

  beforeAll(async () => {
    const base = await getXenBase();
    xen = await XenSyms.load(base.xenSyms);
    originals = await Promise.all(
      base.testPayloads.map(async (p) => ({
        name: basename(p),
        bytes: new Uint8Array(await readFile(p)),
      })),
    );
    hello = await Payload.load(
      base.testPayloads.find((p) => p.endsWith("xen_hello_world.livepatch"))!,
    );
    nop = await Payload.load(base.testPayloads.find((p) => p.endsWith("xen_nop.livepatch"))!);
    expectations = await Payload.load(
      base.testPayloads.find((p) => p.endsWith("xen_expectations.livepatch"))!,
    );
  });

  it(`${PAYLOAD_ITERATIONS} mutated payloads give findings or a format error, never a crash (seed ${SEED})`, () => {
    const rng = prng(SEED);
    const outcomes = { parsed: 0, rejected: 0 };
    for (let i = 0; i < PAYLOAD_ITERATIONS; i++) {
      const original = originals[rng.below(originals.length)]!;
      const bytes = mutate(original.bytes, rng);
      try {
        // Half of the runs verify on top of a real payload, so the stack code is fuzzed too.
        outcomes[exercisePayload(bytes, original.name, xen, rng.below(2) ? [hello] : [])]++;
      } catch (e) {
        throw new Error(`seed ${SEED}, iteration ${i}, ${original.name}: ${(e as Error).stack}`, {
          cause: e,
        });
      }
    }
    // Both paths must have been exercised, or the fuzzer tests nothing.
    expect(outcomes.parsed).toBeGreaterThan(PAYLOAD_ITERATIONS / 4);
    expect(outcomes.rejected).toBeGreaterThan(0);
  }, 120_000);

  it(`${CODE_ITERATIONS} xen-syms with random code where xen_nop patches decode without a crash (seed ${SEED})`, async () => {
    const base = await getXenBase();
    const original = new Uint8Array(await readFile(base.xenSyms));
    const elf = parseElf(original, "xen-syms");
    const target = xen.lookup("xen_minor_version")!;
    const text = elf.sections.find(
      (s) => s.addr <= target.value && target.value < s.addr + BigInt(s.size),
    )!;
    const at = text.offset + Number(target.value - text.addr);
    const rng = prng(SEED + 2);
    const rules = new Set<string>();
    for (let i = 0; i < CODE_ITERATIONS; i++) {
      const bytes = original.slice();
      // Random bytes over the function and around it: undecodable or odd instructions,
      // and branches into the patched bytes from nearby.
      for (let j = -32; j < 48; j++) bytes[at + j] = rng.below(256);
      try {
        const mutated = new XenSyms(parseElf(bytes, "xen-syms"));
        for (const f of verifyPayload(nop, { xen: mutated, stack: [] })) rules.add(f.ruleId);
      } catch (e) {
        throw new Error(`seed ${SEED + 2}, iteration ${i}: ${(e as Error).stack}`, { cause: e });
      }
    }
    // The instruction checks ran and judged the random code (not skipped as not-checked).
    expect([...rules].filter((r) => r === "not-checked")).toEqual([]);
    expect(rules.size).toBeGreaterThan(0);
  }, 120_000);

  it(`${XEN_SYMS_ITERATIONS} mutated xen-syms load or fail with a format error (seed ${SEED})`, async () => {
    const base = await getXenBase();
    const original = new Uint8Array(await readFile(base.xenSyms));
    const rng = prng(SEED + 1);
    let loaded = 0;
    for (let i = 0; i < XEN_SYMS_ITERATIONS; i++) {
      const bytes = mutate(original, rng);
      try {
        const mutated = new XenSyms(parseElf(bytes, "xen-syms"));
        mutated.lookup("xen_extra_version");
        mutated.bytesAt(0xffff82d040200000n, 16);
        // The instruction checks decode the (mutated) code: xen_nop patches by address,
        // hello_world by name; xen_expectations' expectation reads the sealed functions and
        // the alternatives out of the mutated image.
        if (i % DECODE_EVERY === 0)
          for (const p of [nop, hello, expectations]) verifyPayload(p, { xen: mutated, stack: [] });
        loaded++;
      } catch (e) {
        if (!(e instanceof ElfFormatError))
          throw new Error(`seed ${SEED + 1}, iteration ${i}: ${(e as Error).stack}`, { cause: e });
      }
    }
    expect(loaded).toBeGreaterThan(0);
  }, 120_000);
});
