// The native patch builder on real patches against the Debian 4.17.5 base: what it puts
// in each payload, that the verifier finds nothing wrong, and what it refuses (the
// fixtures NAME-REFUSED.patch, each with its message in NAME-REFUSED.expect).
import { readdirSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Payload } from "../../src/livepatch/payload.js";
import { type PatchMode, type PatchPayload, buildPatchPayloads } from "../../src/patch/build.js";
import { parseScenario } from "../../src/scenario/format.js";
import { runScenario } from "../../src/scenario/run.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

export const patchFixture = (name: string) =>
  join(import.meta.dirname, "..", "fixtures", "patches", name);

export async function buildPatches(patches: string[], mode: PatchMode) {
  const [base, source] = await Promise.all([getXenBase(), getXenSource()]);
  const out = await mkdtemp(join(tmpdir(), "xlci-patch-test-"));
  const payloads = await buildPatchPayloads({
    base,
    baseOptions: { source, cacheDir: integrationCacheDir() },
    source: source.identity,
    patches,
    mode,
    expectations: "auto",
    outDir: join(out, "payloads"),
    sourcesDir: join(out, "sources"),
    logFile: join(out, "patch-build.log"),
  });
  return { out, payloads, base };
}

const names = (p: PatchPayload) => p.functions.map((f) => f.name).sort();

const SINGLE = ["extra-version", "new-function", "hooks", "changeset-denied"];
const STACK = ["stack-1-compiler", "stack-2-compile-date"];
// kpatch's convention: NAME-REFUSED.patch must be refused with NAME-REFUSED.expect.
const FIXTURES = readdirSync(patchFixture(""));
const patchNames = FIXTURES.filter((f) => f.endsWith(".patch")).map((f) => f.slice(0, -6));
const REFUSED = patchNames.filter((n) => n.endsWith("-REFUSED")).sort();
let built: Array<Awaited<ReturnType<typeof buildPatches>>>;
let independent: PatchPayload[];
let stacked: PatchPayload[];
let cumulative: PatchPayload[];
let xenSyms: string;

// Three builds of the fixtures, shared by the checks of the payloads and by the boot.
beforeAll(async () => {
  built = await Promise.all([
    buildPatches(
      SINGLE.map((n) => patchFixture(`${n}.patch`)),
      "independent",
    ),
    buildPatches(
      STACK.map((n) => patchFixture(`${n}.patch`)),
      "stacked",
    ),
    buildPatches(
      STACK.map((n) => patchFixture(`${n}.patch`)),
      "cumulative",
    ),
  ]);
  [independent, stacked, cumulative] = built.map((b) => b.payloads) as [
    PatchPayload[],
    PatchPayload[],
    PatchPayload[],
  ];
  xenSyms = built[0]!.base.xenSyms;
}, 900_000);

describe("native patch builder", () => {
  it("takes exactly the changed functions, and new ones only as code", () => {
    expect(independent.map((p) => [p.name, names(p), p.added])).toEqual([
      ["extra-version", ["xen_extra_version"], []],
      ["new-function", ["xen_changeset"], ["common/version.c#livepatch_ci_changeset"]],
      [
        "hooks",
        ["xen_changeset"],
        ["common/version.c#livepatch_ci_post_apply", "common/version.c#livepatch_ci_post_revert"],
      ],
      // The static inline xsm_xen_version() exists only inside its callers (compat/kernel.c
      // compiles kernel.c a second time).
      ["changeset-denied", ["compat_xen_version", "do_xen_version"], []],
    ]);
    expect(stacked.map((p) => [p.name, names(p)])).toEqual([
      ["stack-1-compiler", ["xen_compiler"]],
      ["stack-2-compile-date", ["xen_compile_date"]],
    ]);
    expect(cumulative.map((p) => [p.name, names(p)])).toEqual([
      ["stack-2-compile-date-cumulative", ["xen_compile_date", "xen_compiler"]],
    ]);
  });

  it("produces payloads the verifier finds nothing wrong with", async () => {
    for (const set of [independent, stacked, cumulative]) {
      const verified = await verifyPayloadSet({
        payloads: set.map((p) => p.file),
        xenSyms,
        applied: [],
      });
      expect(verified.payloads.flatMap((p) => p.findings)).toEqual([]);
    }
  });

  it("keeps the special-section entries and hooks of the included functions", async () => {
    const denied = await Payload.load(independent.find((p) => p.name === "changeset-denied")!.file);
    const sections = denied.elf.sections.map((s) => s.name);
    expect(sections).toEqual(
      expect.arrayContaining([".altinstructions", ".altinstr_replacement", ".ex_table", ".fixup"]),
    );
    const hooks = await Payload.load(independent.find((p) => p.name === "hooks")!.file);
    expect(hooks.elf.sections.map((s) => s.name)).toEqual(
      expect.arrayContaining([".livepatch.hooks.postapply", ".livepatch.hooks.postrevert"]),
    );
  });

  it("stacks payloads on each other and records the patches", () => {
    expect(stacked[1]!.depends).toBe(stacked[0]!.buildId);
    const [patch] = stacked[1]!.patches;
    expect(patch?.path).toBe(patchFixture("stack-2-compile-date.patch"));
    expect(patch?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(cumulative[0]!.patches.map((p) => p.path)).toEqual([
      patchFixture("stack-1-compiler.patch"),
      patchFixture("stack-2-compile-date.patch"),
    ]);
  });
});

describe("patch payloads on the real hypervisor", () => {
  it("show each change from dom0 and its reversal, stacked and replaced by a cumulative payload", async () => {
    const files = Object.fromEntries(built.flatMap((b) => b.payloads.map((p) => [p.name, p.file])));
    const yaml = await readFile(patchFixture("scenario.yml"), "utf8");
    const declared = Object.keys(files).map((name) => `  ${name}: ${files[name]}`);
    const scenario = parseScenario(
      `${yaml}\npayloads:\n${declared.join("\n")}\n`,
      patchFixture("scenario.yml"),
    );
    const result = await runScenario({
      base: built[0]!.base,
      scenario,
      payloadFiles: files,
      cacheDir: integrationCacheDir(),
      logFile: join(built[0]!.out, "console.log"),
      // KVM fails on this machine's CPU; the scenario is the same either way.
      boot: { accel: "tcg" },
    });
    const notPassed = result.steps
      .filter((step) => step.status !== "passed")
      .map((step) => `${step.index} ${step.name}: ${step.message}`);
    expect(notPassed).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.counts.passed).toBe(scenario.steps.length);
  }, 1_200_000);
});

describe("what the builder refuses", () => {
  /** What building one fixture alone says, built once per fixture for the tests that ask. */
  const messages = new Map<string, Promise<string>>();
  function refusal(name: string): Promise<string> {
    if (!messages.has(name)) {
      messages.set(
        name,
        buildPatches([patchFixture(`${name}.patch`)], "stacked").then(
          () => "built",
          (e: Error) => e.message,
        ),
      );
    }
    return messages.get(name)!;
  }

  it("builds every other fixture above, and has an .expect for each refused one", () => {
    const others = patchNames.filter((n) => !REFUSED.includes(n));
    expect(others.sort()).toEqual([...SINGLE, ...STACK].sort());
    const expects = FIXTURES.filter((f) => f.endsWith(".expect")).map((f) => f.slice(0, -7));
    expect(expects.sort()).toEqual(REFUSED);
  });

  it.each(REFUSED)(
    "refuses %s with the message of its .expect",
    async (name) => {
      const expected = (await readFile(patchFixture(`${name}.expect`), "utf8")).trimEnd();
      // The message names the patch by its path: the .expect by its file name.
      const message = (await refusal(name)).replaceAll(`${patchFixture("")}/`, "");
      expect(message).toBe(expected);
    },
    600_000,
  );

  it("names the hunk that does not apply", async () => {
    expect(await refusal("stale-hunk-REFUSED")).toMatch(
      /stale-hunk-REFUSED\.patch:3: hunk 1 of xen\/common\/version\.c \(@@ -57,7 \+57,7 @@\) does not apply/,
    );
  }, 600_000);

  it("sees no change in code that only moved down (bug frames keep their line apart)", async () => {
    const message = await refusal("moved-REFUSED");
    expect(message).toMatch(
      /moved-REFUSED\.patch cannot be built into a livepatch:\n {2}- the patch changes no function/,
    );
    // The objects did change: their bug frames hold the new line numbers.
    expect(message).toMatch(/objects that differ: xen\/common\/kernel\.o$/);
  }, 600_000);

  it("refuses a change to init code", async () => {
    const message = await refusal("init-code-REFUSED");
    expect(message).toMatch(/init-code-REFUSED\.patch cannot be built into a livepatch/);
    // _cmdline_parse() is inlined into cmdline_parse(), also init code.
    expect(message).toMatch(/cmdline_parse \(xen\/common\/kernel\.o\) is init code/);
  }, 600_000);

  it("refuses a new initial value of live data", async () => {
    const message = await refusal("live-data-REFUSED");
    expect(message).toMatch(/version\.c#build_id_len .*has a new initial value/);
  }, 600_000);
});
