// Every rule of the verifier, proven on Xen's real in-tree payloads: each case takes a
// payload built by `make -C xen tests`, breaks it in exactly one way (or verifies it in a
// context that is wrong in exactly one way), and checks that the findings gained over the
// unbroken baseline (same payload, same target) are exactly that rule's, naming the thing
// that was broken.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { XenBaseWithTests as XenBase } from "./xen-base.js";
import { ElfFormatError, parseElf } from "../../src/elf/reader.js";
import { Payload } from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { type Finding, type FindingLocation, type RuleId, RULES } from "../../src/verify/rules.js";
import {
  malformedFindings,
  verifyFile,
  verifyPayload,
  verifySteps,
} from "../../src/verify/verifier.js";
import {
  BYE,
  BOOT_REWRITTEN,
  type Defect,
  defectBytes,
  defectFileName,
  EXPECTATIONS,
  HELLO,
  HOST_ONLY,
  IN_CONTEXT,
  INSTRUCTIONS,
  LOADED_VALUES,
  MALFORMED,
  MUTATIONS,
  type Names,
  NOP,
  SPECIAL_ENTRIES,
  TABLE_REFERENCES,
  NOT_CHECKED,
} from "../helpers/defects/index.js";
import { LIVEPATCH_FUNC } from "../../src/xen/abi.js";
import { completeFuncs } from "../../src/payload/sources.js";
import { KIND_DEFECTS } from "../helpers/defects/runtime-hazards.js";
import { setRelaField, writeSectionBytes } from "../helpers/elf-mutate.js";
import { getXenBase } from "./xen-base.js";

let base: XenBase;
let xen: XenSyms;
const originals = new Map<string, Uint8Array>();
let scratch: string;

beforeAll(async () => {
  base = await getXenBase();
  xen = await XenSyms.load(base.xenSyms);
  for (const path of base.testPayloads)
    originals.set(basename(path, ".livepatch"), new Uint8Array(await readFile(path)));
  scratch = await mkdtemp(join(tmpdir(), "xlci-rules-"));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function pathOf(name: string): string {
  const path = base.testPayloads.find((p) => basename(p) === `${name}.livepatch`);
  if (!path) throw new Error(`no in-tree payload ${name}`);
  return path;
}

/** File offset of a section's data. */
const sectionOffset = (bytes: Uint8Array, name: string) =>
  parseElf(bytes, "(lookup)").sectionNamed(name)!.offset;

function original(name: string): Uint8Array {
  const bytes = originals.get(name);
  if (!bytes) throw new Error(`no in-tree payload ${name}`);
  return bytes;
}

/** A payload as the loader would get it: the in-tree file, or a changed copy of it. */
const payload = (name: string, bytes = original(name)) =>
  new Payload(parseElf(bytes, pathOf(name)));

interface Target {
  /** In-tree payloads applied before, oldest first. */
  readonly stack?: readonly string[];
  /** Verify without xen-syms. */
  readonly noXen?: boolean;
}

function verify(name: string, bytes: Uint8Array, target: Target = {}): Finding[] {
  return verifyPayload(payload(name, bytes), {
    xen: target.noXen ? undefined : xen,
    stack: (target.stack ?? []).map((n) => payload(n)),
  });
}

/** The rules with more findings than in the baseline, sorted. */
function gainedRules(baseline: readonly Finding[], findings: readonly Finding[]): RuleId[] {
  const count = (list: readonly Finding[], id: RuleId) =>
    list.filter((f) => f.ruleId === id).length;
  const ids = new Set(findings.map((f) => f.ruleId));
  return [...ids].filter((id) => count(findings, id) > count(baseline, id)).sort();
}

/**
 * The findings gained over the baseline are of exactly `rules`, and one of the first
 * rule's new findings has the expected message and location.
 */
function expectGained(
  baseline: readonly Finding[],
  findings: readonly Finding[],
  rules: readonly RuleId[],
  names: Names,
): void {
  expect(gainedRules(baseline, findings)).toEqual([...rules].sort());
  const key = (f: Finding) => JSON.stringify([f.ruleId, f.message, f.location]);
  const before = new Set(baseline.map(key));
  const fresh = findings.filter((f) => f.ruleId === rules[0] && !before.has(key(f)));
  const named = (f: Finding) =>
    (typeof names.message === "string"
      ? f.message.includes(names.message)
      : names.message.test(f.message)) &&
    Object.entries(names.location ?? {}).every(
      ([field, value]) => f.location[field as keyof FindingLocation] === value,
    );
  expect(
    fresh.some(named),
    `no new ${rules[0]} finding with ${String(names.message)} at ${JSON.stringify(names.location ?? {})} among ${JSON.stringify(fresh, null, 1)}`,
  ).toBe(true);
}

// Every case registers the rule it proves, so the last test can tell which rules have none.
const covered = new Set<RuleId>();
function ruleCase(rule: RuleId, title: string, fn: () => void | Promise<void>): void {
  covered.add(rule);
  it(`${rule}: ${title}`, fn);
}

/** What a defect's finding must name, worked out on the unbroken bytes. */
const names = (d: Defect, bytes: Uint8Array): Names =>
  typeof d.names === "function" ? d.names(bytes) : d.names;

const stackOf = (names: readonly string[] = []) => names.map((n) => payload(n));

/** Writes a defect's bytes under its file name, for verifyFile. */
async function scratchFile(d: Defect): Promise<string> {
  const path = join(scratch, `${defectFileName(d)}.livepatch`);
  await writeFile(path, defectBytes(d, original, xen));
  return path;
}

describe("each rule on a real payload made defective in exactly that way", () => {
  for (const c of [...MUTATIONS, ...SPECIAL_ENTRIES, ...TABLE_REFERENCES]) {
    ruleCase(c.rule, `${c.title} (${c.payload})`, () => {
      const bytes = original(c.payload);
      const mutated = defectBytes(c, original, xen);
      expect(mutated).not.toEqual(bytes);
      expectGained(
        verify(c.payload, bytes, { stack: c.stack }),
        verify(c.payload, mutated, { stack: c.stack }),
        [c.rule, ...(c.also ?? [])],
        names(c, bytes),
      );
    });
  }
});

describe("rules that need a file or a context", () => {
  ruleCase("elf-malformed", "truncated, cut, garbage and 32-bit files", async () => {
    const baseline = verify(HELLO, original(HELLO));
    for (const d of MALFORMED) {
      const bytes = defectBytes(d, original, xen);
      const problem = names(d, original(d.payload)).message as string;
      const name = `${defectFileName(d)}.livepatch`;
      // Through verifyFile, as the CLI and the action read payloads.
      const path = join(scratch, name);
      await writeFile(path, bytes);
      const viaFile = await verifyFile(path, { xen, stack: [] });
      expect(viaFile).toEqual([expect.objectContaining({ ruleId: "elf-malformed", file: path })]);
      expectGained(baseline, viaFile, ["elf-malformed"], { message: problem });
      // And through malformedFindings, as verifyPayloadSet reports a file parseElf refuses.
      let error: unknown;
      try {
        parseElf(bytes, name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ElfFormatError);
      const findings = malformedFindings(name, error as ElfFormatError);
      expect(findings.map((f) => f.ruleId)).toEqual(["elf-malformed"]);
      expect(findings[0]!.message).toContain(problem);
    }
  });

  for (const d of [
    ...IN_CONTEXT,
    ...INSTRUCTIONS,
    ...LOADED_VALUES,
    ...HOST_ONLY,
    ...BOOT_REWRITTEN,
    ...KIND_DEFECTS,
  ]) {
    ruleCase(d.rule, d.title, async () => {
      const bytes = original(d.payload);
      const findings =
        d.fileName === undefined
          ? verify(d.payload, defectBytes(d, original, xen), { stack: d.stack })
          : await verifyFile(await scratchFile(d), { xen, stack: stackOf(d.stack) });
      const baseline =
        d.baseline === "none"
          ? []
          : verify(d.payload, bytes, { stack: d.baseline?.stack ?? d.stack });
      expectGained(baseline, findings, [d.rule, ...(d.also ?? [])], names(d, bytes));
    });
  }

  it('payload-name: an empty name is no defect (Xen 4.17 loads a payload uploaded as "")', async () => {
    const path = join(scratch, ".livepatch");
    await writeFile(path, original(HELLO));
    const findings = await verifyFile(path, { xen, stack: [] });
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual(
      verify(HELLO, original(HELLO)).map((f) => [f.ruleId, f.message]),
    );
  });

  ruleCase(NOT_CHECKED.rule, NOT_CHECKED.title, () => {
    const findings = verify(NOT_CHECKED.payload, original(NOT_CHECKED.payload), { noXen: true });
    expectGained(
      verify(NOT_CHECKED.payload, original(NOT_CHECKED.payload)),
      findings,
      ["not-checked"],
      names(NOT_CHECKED, original(NOT_CHECKED.payload)),
    );
    const skipped = findings.filter((f) => f.ruleId === "not-checked").map((f) => f.message);
    for (const what of [".livepatch.xen_depends", ".livepatch.depends", "new symbol names"])
      expect(skipped).toContainEqual(expect.stringContaining(`${what} not checked`));
  });
});

describe("the steps a failed step makes meaningless", () => {
  it("the unbroken payload passes every step", () => {
    const { steps } = verifySteps(payload(HELLO), { xen, stack: [] });
    expect(steps.filter((s) => s.status !== "passed")).toEqual([]);
  });

  it("a relocation type the loader refuses: the payload is not placed, nor its entries checked as placed", () => {
    const d = MUTATIONS.find((m) => m.rule === "rela-type")!;
    const { steps } = verifySteps(payload(d.payload, defectBytes(d, original, xen)), {
      xen,
      stack: [],
    });
    expect(steps.find((s) => s.step === "relocations")).toEqual({
      step: "relocations",
      status: "failed",
      rules: ["rela-type"],
    });
    expect(steps.filter((s) => s.status === "not-run")).toEqual([
      { step: "placement", status: "not-run", because: "relocations" },
      { step: "alternatives-placed", status: "not-run", because: "placement" },
      { step: "alt-calls", status: "not-run", because: "placement" },
      { step: "ex-table", status: "not-run", because: "placement" },
      { step: "bug-frames", status: "not-run", because: "placement" },
    ]);
  });
});

describe("expectations in a stack", () => {
  it("an expectation on a function an earlier payload already patches is flagged", () => {
    // xen_expectations expects xen_extra_version's original bytes; with hello_world applied
    // first, the hypervisor compares against hello_world's jump instead.
    const alone = verify(EXPECTATIONS, original(EXPECTATIONS));
    expect(alone.filter((f) => f.ruleId === "expect-mismatch")).toEqual([]);
    const stacked = verify(EXPECTATIONS, original(EXPECTATIONS), { stack: [HELLO] });
    const mismatch = stacked.filter((f) => f.ruleId === "expect-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toMatch(
      /xen_hello_world\.livepatch \(earlier in the stack\) already patches xen_extra_version/,
    );
  });
});

describe("what a patch overwrites, as instructions", () => {
  it("xen_nop with its NOPs ending where xen_minor_version's jump starts is clean", () => {
    // 5 bytes: the mov; the return-thunk jump stays and returns.
    const fixed = writeSectionBytes(
      original(NOP),
      ".livepatch.funcs",
      LIVEPATCH_FUNC.newSize,
      [5, 0, 0, 0],
    );
    expect(verify(NOP, fixed)).toEqual([]);
  });

  it("a jump may end inside an instruction: nothing runs the fragment behind it", () => {
    // xen_extra_version starts with a 7-byte lea; every in-tree jump ends inside it.
    const findings = verify(HELLO, original(HELLO));
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("values as the loader computes them", () => {
  it("an R_X86_64_NONE old_addr relocation leaves 0: Xen looks the function up by name, no defect", () => {
    const elf = parseElf(original(HELLO), "(lookup)");
    const rela = elf.sections.find((s) => s.name === ".rela.livepatch.funcs")!;
    const i = elf.relocations(rela).findIndex((r) => r.offset === BigInt(LIVEPATCH_FUNC.oldAddr));
    const none = setRelaField(original(HELLO), ".rela.livepatch.funcs", i, "type", 0);
    expect(verify(HELLO, none)).toEqual(verify(HELLO, original(HELLO)));
  });
});

describe("expectations: auto and functions Xen seals on CET-IBT hosts", () => {
  it("leaves a sealed function without an expectation, saying why, and fills the others", () => {
    const sealed = xen.elf
      .symbols()
      .find((s) => s.name === "vmx_cpu_down" && xen.endbrSealed().has(s.value))!;
    expect(sealed).toBeDefined();
    const moved = writeSectionBytes(
      original(NOP),
      ".livepatch.funcs",
      LIVEPATCH_FUNC.oldAddr,
      [...Array(8).keys()].map((i) => Number((sealed.value >> BigInt(8 * i)) & 0xffn)),
    );
    const opts = {
      payload: "p",
      file: "p.o",
      xen,
      expectations: "auto" as const,
      patchedEarlier: new Map(),
    };
    const onSealed = completeFuncs(moved, opts);
    expect(onSealed.notes).toContainEqual(
      expect.stringMatching(
        // The shared lookup names the function an absolute old_addr starts (it said 0x...).
        /no expectation: Xen seals vmx_cpu_down's ENDBR64 at boot on CET-IBT hardware/,
      ),
    );
    expect(onSealed.bytes[sectionOffset(moved, ".livepatch.funcs") + LIVEPATCH_FUNC.expect]).toBe(
      0,
    );
    const onPlain = completeFuncs(original(NOP), opts);
    expect(onPlain.notes).toContainEqual(expect.stringMatching(/expects the first \d+ bytes/));
  });
});

describe("coverage and the in-tree verdicts", () => {
  it("has a case for every rule id", () => {
    // Rules of a later loader than this base's 4.17 are proven on that version's base.
    const elsewhere = new Set([
      "altcall-site", // test/integration/versions.test.ts, Xen 4.21's .alt_call_sites
    ]);
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id) && !elsewhere.has(id))).toEqual(
      [],
    );
  });

  it("finds no error in the in-tree payloads but the two built to fail and xen_nop", async () => {
    const result = await verifyPayloadSet({
      payloads: base.testPayloads,
      xenSyms: base.xenSyms,
      applied: [],
    });
    expect(result.payloads.map((p) => p.name).sort()).toEqual([...originals.keys()].sort());
    for (const report of result.payloads) {
      const errors = report.findings.filter((f) => f.severity === "error");
      if (report.name === "xen_no_xen_buildid") {
        // xen_nop without the note: xen_nop's defect comes along.
        expect(errors).toEqual([
          expect.objectContaining({
            ruleId: "section-missing",
            location: { section: ".livepatch.xen_depends" },
          }),
          expect.objectContaining({ ruleId: "nop-insn-boundary" }),
        ]);
      } else if (report.name === NOP) {
        expect(errors).toEqual([expect.objectContaining({ ruleId: "nop-insn-boundary" })]);
      } else if (report.name === "xen_expectations_fail") {
        expect(errors).toEqual([expect.objectContaining({ ruleId: "expect-mismatch" })]);
      } else {
        expect(errors, report.name).toEqual([]);
      }
    }
    const bye = result.payloads.find((p) => p.name === BYE)!;
    expect(bye.stack).toEqual([pathOf(HELLO)]);
    expect(bye.findings.map((f) => f.ruleId)).toEqual(["rodata-duplicate"]);
  });
});
