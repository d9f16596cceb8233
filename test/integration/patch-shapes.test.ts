// The shapes real security fixes take (issue 12), against the Debian 4.17.5 base: symbols
// that appear or change linkage across objects, a new source file, the hypervisor's
// statics, compiler-made names, init code beside runtime code. The fixtures follow
// kpatch's convention and are found in the directory: each NAME.patch is built, verified,
// and in one boot uploaded, applied, observed and reverted; each NAME-REFUSED.patch is
// refused with the message in NAME-REFUSED.expect.
import { readdirSync } from "node:fs";
import { mkdtemp, readFile } from "node:fs/promises";
import { Ajv2020 } from "ajv/dist/2020.js";
import { runCli as cli } from "../helpers/cli.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Payload } from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { type PatchPayload, buildPatchPayloads } from "../../src/patch/build.js";
import { parseScenario } from "../../src/scenario/format.js";
import { runScenario } from "../../src/scenario/run.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { EXAMPLE_XEN_SOURCE, getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

const fixture = (name: string) => join(import.meta.dirname, "..", "fixtures", "patch-shapes", name);

async function build(
  names: string[],
  ignoreInitChanges = false,
  refuseOutsideXen = false,
  copyChangedConstants = false,
) {
  // (The data-layout comparison runs on every build: the shapes below must pass it.)
  const [base, source] = await Promise.all([getXenBase(), getXenSource()]);
  const out = await mkdtemp(join(tmpdir(), "xlci-patch-shapes-"));
  const payloads = await buildPatchPayloads({
    base,
    baseOptions: { source, cacheDir: integrationCacheDir() },
    source: source.identity,
    patches: names.map((n) => fixture(`${n}.patch`)),
    mode: "independent",
    expectations: "auto",
    ignoreInitChanges,
    refuseOutsideXen,
    copyChangedConstants,
    outDir: join(out, "payloads"),
    sourcesDir: join(out, "sources"),
    logFile: join(out, "patch-build.log"),
  });
  return { out, payloads, base };
}

const FIXTURES = readdirSync(fixture(""));
const REFUSED_SUFFIX = "-REFUSED";
const patchNames = FIXTURES.filter((f) => f.endsWith(".patch"))
  .map((f) => f.replace(/\.patch$/, ""))
  .sort();
/** Shapes a livepatch is made of: built, verified and run. */
const SHAPES = patchNames.filter((n) => !n.endsWith(REFUSED_SUFFIX));
/** Shapes a livepatch must not be made of: refused, each with its reason. */
const REFUSED = patchNames.filter((n) => n.endsWith(REFUSED_SUFFIX));
let built: Awaited<ReturnType<typeof build>>;
const payload = (name: string): PatchPayload => built.payloads.find((p) => p.name === name)!;

/** What building one fixture alone says, built once per fixture for the tests that ask. */
const refusals = new Map<string, Promise<string>>();
function refusalOf(name: string): Promise<string> {
  if (!refusals.has(name)) {
    refusals.set(
      name,
      build([name]).then(
        () => "built",
        (e: Error) => e.message,
      ),
    );
  }
  return refusals.get(name)!;
}

beforeAll(async () => {
  // The directory's fixtures are its shapes: at least the ones issue 12 asked for, and
  // an .expect for every refused one and none without its patch.
  expect(SHAPES).toEqual(
    expect.arrayContaining([
      "cold-part-unchanged",
      "cross-object-linkage",
      "function-statics",
      "init-beside-runtime",
      "new-source-file",
      "static-to-global-and-rename",
      // Issue 21.
      "existing-per-cpu-and-hook-store",
      "outside-xen-parts",
    ]),
  );
  expect(REFUSED).toEqual(
    expect.arrayContaining([
      "struct-layout-REFUSED",
      "ro-after-init-store-REFUSED",
      "percpu-new-REFUSED",
      "changed-const-table-REFUSED",
    ]),
  );
  const expects = FIXTURES.filter((f) => f.endsWith(".expect")).map((f) => f.slice(0, -7));
  expect(expects.sort()).toEqual(REFUSED);
  built = await build(SHAPES, true);
}, 1_500_000);

describe("patch shapes: NAME-REFUSED.patch is refused with NAME-REFUSED.expect", () => {
  it.each(REFUSED)(
    "%s",
    async (name) => {
      const expected = (await readFile(fixture(`${name}.expect`), "utf8")).trimEnd();
      // The message names the patch by its path: the .expect by its file name.
      const message = (await refusalOf(name)).replaceAll(`${fixture("")}/`, "");
      expect(message).toBe(expected);
    },
    900_000,
  );
});

describe("patch shapes: built and verified", () => {
  it("produces payloads the verifier finds nothing wrong with", async () => {
    const verified = await verifyPayloadSet({
      payloads: built.payloads.map((p) => p.file),
      xenSyms: built.base.xenSyms,
      applied: [],
    });
    expect(verified.payloads.flatMap((p) => p.findings)).toEqual([]);
  });

  it("calls a new global of another object through the payload's own copy", async () => {
    const p = payload("cross-object-linkage");
    expect(p.functions.map((f) => f.name).sort()).toEqual(["compat_xen_version", "do_xen_version"]);
    expect(p.added).toEqual(["xen_deny_or"]);
    const elf = (await Payload.load(p.file)).elf;
    const undefinedNames = elf
      .symbols()
      .filter((s) => s.shndx === 0 && s.name)
      .map((s) => s.name);
    expect(undefinedNames).not.toContain("xen_deny_or");
    // xen_deny became static: the hypervisor's global is still what the new code calls.
    expect(undefinedNames).toContain("xen_deny");
  });

  it("resolves a function made global to the hypervisor's static, and patches a rename's callers", async () => {
    const p = payload("static-to-global-and-rename");
    const source = await readFile(
      join(built.out, "sources", "static-to-global-and-rename", "static-to-global-and-rename.S"),
      "utf8",
    );
    expect(source).toContain('"drivers/char/console.c#do_adj_thresh"');
    expect(p.functions.map((f) => f.name)).toContain("drivers/char/console.c#vprintk_common");
    expect(p.added).toEqual(
      expect.arrayContaining([
        "drivers/char/console.c#printk_loglvl_prefix",
        "common/version.c#livepatch_ci_report_loglvl",
      ]),
    );
  });

  it("takes a new source file's function, variable and hooks as new code", async () => {
    const p = payload("new-source-file");
    expect(p.functions.map((f) => f.name)).toEqual(["xen_extra_version"]);
    expect(p.added).toEqual(
      expect.arrayContaining([
        "livepatch_ci_extra_version",
        "common/livepatch-ci-extra.c#livepatch_ci_extra_load",
        "common/livepatch-ci-extra.c#livepatch_ci_extra_unload",
      ]),
    );
    const sections = (await Payload.load(p.file)).elf.sections.map((s) => s.name);
    expect(sections).toEqual(
      expect.arrayContaining([".livepatch.hooks.load", ".livepatch.hooks.unload"]),
    );
  });

  it("uses the hypervisor's statics by file#name, wherever they live, and copies only new ones", async () => {
    const source = await readFile(
      join(built.out, "sources", "function-statics", "function-statics.S"),
      "utf8",
    );
    // .data.read_mostly, .data and .bss of the base: referenced, not copied.
    expect(source).toMatch(/"arch\/x86\/domain\.c#bits\.\d+"/);
    expect(source).toMatch(/"drivers\/char\/console\.c#toks\.\d+"/);
    expect(source).toMatch(/"drivers\/char\/console\.c#last_msg\.\d+"/);
    expect(source).toMatch(/"drivers\/char\/console\.c#missed\.\d+"/);
    // The printk_once() flags the patch adds are new data of the payload.
    const p = payload("function-statics");
    // compat/kernel.c includes ../kernel.c: its object is rebuilt and patched too.
    expect(p.functions.map((f) => f.name).sort()).toEqual([
      "__printk_ratelimit",
      "alloc_domain_struct",
      "compat_xen_version",
      "context_switch",
      "do_xen_version",
    ]);
    // Two lines added to domain.c move the __LINE__ that context_switch() passes on.
    expect(p.functions.find((f) => f.name === "context_switch")?.why).toMatch(
      /^only a line number embedded in its code changed \(\d+ to \d+\)/,
    );
    expect(p.notes.filter((n) => /#once_\.\d+: new data copied/.test(n)).length).toBeGreaterThan(0);
  });

  it("carries no symbol whose name the hypervisor has, and copies the cold part under its own name", async () => {
    const xen = await XenSyms.load(built.base.xenSyms);
    for (const p of built.payloads) {
      const loaded = await Payload.load(p.file);
      const clashes = loaded.newSymbols().filter((s) => xen.lookup(s.name) !== undefined);
      expect(clashes.map((s) => `${p.name}: ${s.name}`)).toEqual([]);
    }
    const cold = payload("cold-part-unchanged");
    expect(cold.functions.map((f) => f.name)).toEqual(["unmap_domain_page"]);
    expect(cold.added).toEqual([
      expect.stringMatching(/^arch\/x86\/domain_page\.c#unmap_domain_page\.cold\.lp[0-9a-f]{8}$/),
    ]);
  });

  it("builds the runtime part of a patch that also changes init code, listing what it left out", () => {
    const p = payload("init-beside-runtime");
    expect(p.functions.map((f) => f.name)).toEqual(["xen_changeset"]);
    expect(p.ignored).toEqual([
      expect.objectContaining({
        name: "common/kernel.c#buildinfo_init",
        object: "xen/common/kernel.o",
      }),
    ]);
  });
});

describe("patch shapes: refusals", () => {
  it("refuses init code beside runtime code by default, naming the init function and the way on", async () => {
    const message = await build(["init-beside-runtime"]).then(
      () => "built",
      (e: Error) => e.message,
    );
    expect(message).toMatch(/init-beside-runtime\.patch cannot be built into a livepatch/);
    expect(message).toMatch(
      /common\/kernel\.c#buildinfo_init \(xen\/common\/kernel\.o\) is init code/,
    );
    expect(message).toMatch(/set ignore-init-changes/);
  }, 900_000);
});

describe("patch shapes: ignore-init-changes through the command line", () => {
  it("lists the init changes it left out in the report and metadata.json, which the schema accepts", async () => {
    const out = await mkdtemp(join(tmpdir(), "xlci-patch-shapes-cli-"));
    const { code, stdout } = await cli([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--patches",
      fixture("init-beside-runtime.patch"),
      "--ignore-init-changes",
      "true",
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    expect(stdout).toContain("verdict: pass");
    expect(code).toBe(0);
    expect(stdout).toMatch(/Init changes left out \(ignore-init-changes\)/);
    expect(stdout).toMatch(/common\/kernel\.c#buildinfo_init/);
    const metadata = JSON.parse(await readFile(join(out, "metadata.json"), "utf8")) as {
      payloads: Array<{ origin: { kind: string; ignored?: Array<{ name: string }> } }>;
    };
    expect(metadata.payloads[0]!.origin.ignored?.map((c) => c.name)).toEqual([
      "common/kernel.c#buildinfo_init",
    ]);
    const schema = JSON.parse(
      await readFile(join(import.meta.dirname, "..", "..", "docs", "metadata.schema.json"), "utf8"),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(metadata) ? "" : JSON.stringify(validate.errors, null, 2)).toBe("");
  }, 900_000);
});

describe("patch shapes: runtime data and files outside xen/ (issue 21)", () => {
  it("references the hypervisor's own per-CPU variable, and lets a load hook write read-only data", async () => {
    const p = payload("existing-per-cpu-and-hook-store");
    expect(p.functions.map((f) => f.name).sort()).toEqual(["compat_xen_version", "do_xen_version"]);
    expect(p.added).toEqual(["common/kernel.c#livepatch_ci_ro_load"]);
    const elf = (await Payload.load(p.file)).elf;
    const undefinedNames = elf
      .symbols()
      .filter((s) => s.shndx === 0 && s.name)
      .map((s) => s.name);
    // Xen's per-CPU variable and its __ro_after_init one, both by name; no copy of either.
    expect(undefinedNames).toEqual(expect.arrayContaining(["per_cpu__curr_vcpu", "opt_dit"]));
    const defined = elf.symbols().filter((s) => s.shndx !== 0 && s.name.startsWith("per_cpu__"));
    expect(defined).toEqual([]);
  });

  it("builds the hypervisor part of a patch that also changes SUPPORT.md and tools/flask, listing the rest", () => {
    const p = payload("outside-xen-parts");
    expect(p.functions.map((f) => f.name)).toEqual(["xen_compile_system_maintainer_local"]);
    expect(p.leftOut).toEqual([
      "outside-xen-parts.patch: SUPPORT.md",
      "outside-xen-parts.patch: tools/flask/policy/modules/dom0.te",
    ]);
    expect(p.notes).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^left out \(outside xen\/\): SUPPORT\.md of outside-xen-parts\.patch: /,
        ),
      ]),
    );
  });

  it("copies a changed read-only table on request, patching its runtime readers", async () => {
    const copied = await build(["changed-const-table-REFUSED"], false, false, true);
    const p = copied.payloads[0]!;
    expect(p.functions.map((f) => f.name).sort()).toEqual([
      "drivers/char/console.c#con_timestamp_mode_upd",
      "drivers/char/console.c#parse_console_timestamps",
    ]);
    expect(p.notes).toContain(
      "drivers/char/console.c#con_timestamp_mode_2_string: changed constant copied into the payload",
    );
    const verified = await verifyPayloadSet({
      payloads: [p.file],
      xenSyms: copied.base.xenSyms,
      applied: [],
    });
    expect(verified.payloads.flatMap((v) => v.findings)).toEqual([]);
  }, 900_000);

  it("refuses such a patch with refuse-outside-xen, naming the first file outside xen/", async () => {
    const message = await build(["outside-xen-parts"], false, true).then(
      () => "built",
      (e: Error) => e.message,
    );
    expect(message).toMatch(
      /outside-xen-parts\.patch:1: a\/SUPPORT\.md is outside xen\/: a livepatch changes only the hypervisor .*refuse-outside-xen is set/,
    );
  }, 900_000);
});

describe("patch shapes: data layout", () => {
  it("refuses a new member in a structure with live instances, naming the type, what moved and its users", async () => {
    const message = await refusalOf("struct-layout-REFUSED");
    expect(message).toMatch(/struct-layout-REFUSED\.patch cannot be built into a livepatch/);
    expect(message).toMatch(/struct timers changes its layout \(/);
    expect(message).toMatch(/executed added \(long unsigned int at 32 \(8 bytes\)\)/);
    expect(message).toMatch(
      /inactive: struct list_head at 32 \(16 bytes\) -> struct list_head at 40 \(16 bytes\)/,
    );
    expect(message).toMatch(
      /in xen\/common\/timer\.o; the payload's code using it \(.*common\/timer\.c#execute_timer/,
    );
    expect(message).toMatch(/set allow-layout-changes/);
  }, 900_000);
});

describe("patch shapes on the real hypervisor", () => {
  it("uploads, applies, shows and reverts each shape", async () => {
    const files = Object.fromEntries(built.payloads.map((p) => [p.name, p.file]));
    const yaml = await readFile(fixture("scenario.yml"), "utf8");
    const declared = Object.keys(files).map((name) => `  ${name}: ${files[name]}`);
    const scenario = parseScenario(
      `${yaml}\npayloads:\n${declared.join("\n")}\n`,
      fixture("scenario.yml"),
    );
    const result = await runScenario({
      base: built.base,
      scenario,
      payloadFiles: files,
      cacheDir: integrationCacheDir(),
      logFile: join(built.out, "console.log"),
      boot: { accel: "tcg" },
    });
    const notPassed = result.steps
      .filter((step) => step.status !== "passed")
      .map((step) => `${step.index} ${step.name}: ${step.message}`);
    expect(notPassed).toEqual([]);
    expect(result.ok).toBe(true);
  }, 1_200_000);
});
