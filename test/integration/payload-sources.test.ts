// Payloads built from the C/assembly fixtures in test/fixtures/payload-sources against the
// real Xen 4.17.5 base, then checked with the verifier and read back with the payload model.
import { createHash } from "node:crypto";
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { XenBase } from "../../src/base/xen.js";
import { SHN_UNDEF } from "../../src/elf/constants.js";
import { Payload } from "../../src/livepatch/payload.js";
import { EXPECT_DATA_SIZE } from "../../src/xen/abi.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import {
  type BuildSourcePayloadsOptions,
  PayloadCompileError,
  buildSourcePayloads,
} from "../../src/payload/sources.js";
import type { XenSourceIdentity } from "../../src/source/types.js";
import { verifyPayload } from "../../src/verify/verifier.js";
import { TOOL_NAME, TOOL_VERSION } from "../../src/version.js";
import { getXenBase, getXenSource } from "./xen-base.js";

const FIXTURES = fileURLToPath(new URL("../fixtures/payload-sources/", import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const RUN_URL = "https://github.invalid/owner/repo/actions/runs/1";

let base: XenBase;
let source: XenSourceIdentity;
let xen: XenSyms;
let work: string;
let baseSymsDigest: string;

const sha256 = async (path: string) =>
  createHash("sha256")
    .update(await readFile(path))
    .digest("hex");

beforeAll(async () => {
  base = await getXenBase();
  source = (await getXenSource()).identity;
  xen = await XenSyms.load(base.xenSyms);
  baseSymsDigest = await sha256(base.xenSyms);
  work = await mkdtemp(join(tmpdir(), "xlci-sources-test-"));
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

let outCount = 0;
function build(
  dirs: string[],
  options: Partial<BuildSourcePayloadsOptions> = {},
): ReturnType<typeof buildSourcePayloads> {
  const outDir = join(work, `out-${++outCount}`);
  return buildSourcePayloads({
    base,
    source,
    sourceDirs: dirs.map(fixture),
    stackMode: "stacked",
    expectations: "auto",
    metadata: { "run-url": RUN_URL },
    outDir,
    logFile: join(work, "build.log"),
    ...options,
  });
}

/** Error and warning findings (notices are fine) of a payload on top of `stack`. */
function problems(payload: Payload, stack: Payload[] = []) {
  return verifyPayload(payload, { xen, stack })
    .filter((f) => f.severity === "error" || f.severity === "warning")
    .map((f) => `${f.ruleId}: ${f.message}`);
}

const modinfo = (p: Payload) =>
  Object.fromEntries((p.modinfo()?.entries ?? []).map((e) => [e.key, e.value]));

describe("payloads from source directories", () => {
  it("builds a function replacement and a hooks payload that verify clean", async () => {
    const built = await build(["replace_extra", "hooks"], { stackMode: "independent" });
    expect(built.map((b) => b.name)).toEqual(["replace_extra", "hooks"]);

    for (const b of built) {
      const payload = await Payload.load(b.file);
      expect(problems(payload)).toEqual([]);
      expect(payload.buildId).toMatchObject({ status: "ok", id: b.buildId });
      expect(payload.xenDepends).toMatchObject({ status: "ok", id: xen.buildId });
      // Independent: each payload depends on the base.
      expect(b.depends).toBe(xen.buildId);
      expect(payload.depends).toMatchObject({ status: "ok", id: xen.buildId });
      expect(payload.modinfo()?.terminated).toBe(true);
      expect(modinfo(payload)).toEqual({
        name: b.name,
        version: "1",
        // The base's identity, compact, keys sorted.
        source: JSON.stringify(Object.fromEntries(Object.entries(source).sort())),
        "source-digest": b.sourceDigest,
        builder: `${TOOL_NAME} ${TOOL_VERSION}`,
        "run-url": RUN_URL,
      });
      expect(b.sourceDigest).toMatch(/^[0-9a-f]{64}$/);
    }

    const replace = await Payload.load(built[0]!.file);
    const [entry, ...more] = replace.funcs();
    expect(more).toEqual([]);
    const old = xen.lookup("xen_extra_version")!;
    expect(entry!.name).toBe("xen_extra_version");
    // Sizes left 0 in the source are filled in: old from xen-syms, new from the symbol.
    expect(entry!.oldSize).toBe(old.size);
    const replacement = replace.elf.symbols().find((s) => s.name === "ci_extra_version")!;
    expect(replacement.size).toBeGreaterThan(0);
    expect(entry!.newSize).toBe(replacement.size);
    // expectations: auto expects the old function's first bytes, as xen-syms has them.
    const len = Math.min(old.size, EXPECT_DATA_SIZE);
    expect(entry!.expect).toMatchObject({ enabled: true, len, reserved: 0 });
    expect(Buffer.from(entry!.expect.data.subarray(0, len))).toEqual(
      Buffer.from(xen.bytesAt(old.value, len)!),
    );
    expect(built[0]!.notes.join("\n")).toMatch(/expects the first \d+ bytes of xen_extra_version/);

    const hooks = await Payload.load(built[1]!.file);
    expect(hooks.funcs()).toEqual([]);
    expect(hooks.hooks().map((h) => [h.section.name, h.pointers.length])).toEqual([
      [".livepatch.hooks.preapply", 1],
      [".livepatch.hooks.postapply", 1],
      [".livepatch.hooks.prerevert", 1],
      [".livepatch.hooks.postrevert", 1],
    ]);
  });

  it("builds a stacked pair: the second depends on the first and verifies on top of it", async () => {
    const [a, b] = await build(["stack_a", "stack_b"], { stackMode: "stacked" });
    const first = await Payload.load(a!.file);
    const second = await Payload.load(b!.file);

    expect(a!.depends).toBe(xen.buildId);
    expect(first.depends).toMatchObject({ status: "ok", id: xen.buildId });
    expect(b!.depends).toBe(a!.buildId);
    expect(second.depends).toMatchObject({ status: "ok", id: a!.buildId });
    expect(second.xenDepends).toMatchObject({ status: "ok", id: xen.buildId });

    expect(problems(first)).toEqual([]);
    expect(problems(second, [first])).toEqual([]);
    // Without stack_a under it, stack_b depends on the wrong build-id and calls a
    // function nothing defines: the verifier says so.
    expect(problems(second).join("\n")).toMatch(/depends-mismatch/);

    // stack_b's assembly calls stack_a's exported function.
    const calls = second.elf.symbols().find((s) => s.name === "ci_stack_tag");
    expect(calls?.shndx).toBe(SHN_UNDEF);
    expect(first.newSymbols().map((s) => s.name)).toContain("ci_stack_tag");

    // Each function's expectation is the base's code.
    for (const [payload, fn] of [
      [first, "xen_extra_version"],
      [second, "xen_changeset"],
    ] as const) {
      const [entry] = payload.funcs();
      const old = xen.lookup(fn)!;
      expect(entry!.name).toBe(fn);
      const len = Math.min(old.size, EXPECT_DATA_SIZE);
      expect(entry!.expect.len).toBe(len);
      expect(Buffer.from(entry!.expect.data.subarray(0, len))).toEqual(
        Buffer.from(xen.bytesAt(old.value, len)!),
      );
    }
  });

  it("in independent mode every payload depends on the base, and expectations: none leaves them off", async () => {
    const built = await build(["stack_a", "stack_b"], {
      stackMode: "independent",
      expectations: "none",
    });
    for (const b of built) {
      const payload = await Payload.load(b.file);
      expect(payload.depends).toMatchObject({ status: "ok", id: xen.buildId });
      expect(payload.funcs()[0]!.expect).toMatchObject({ enabled: false, len: 0 });
    }
    expect(built[0]!.buildId).not.toBe(built[1]!.buildId);
  });

  it("gives a build-id that covers the metadata, and the same one for the same inputs", async () => {
    const [one] = await build(["replace_extra"], { metadata: { "run-url": `${RUN_URL}/a` } });
    const [again] = await build(["replace_extra"], { metadata: { "run-url": `${RUN_URL}/a` } });
    const [other] = await build(["replace_extra"], { metadata: { "run-url": `${RUN_URL}/b` } });
    const [version] = await build(["replace_extra"], {
      metadata: { "run-url": `${RUN_URL}/a` },
      version: "2",
    });
    expect(again!.buildId).toBe(one!.buildId);
    expect(other!.buildId).not.toBe(one!.buildId);
    expect(version!.buildId).not.toBe(one!.buildId);
    // Only the metadata differs between the files.
    const [x, y] = await Promise.all([readFile(one!.file), readFile(other!.file)]);
    expect(x.length).toBe(y.length);
  });

  it("reports compile errors with the user's file and line", async () => {
    const dir = join(work, "broken");
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, "broken.c"),
      [
        "#include <xen/lib.h>",
        "",
        "int ci_broken(void);",
        "int ci_broken(void)",
        "{",
        "    return 1 +;",
        "}",
        "",
      ].join("\n"),
    );
    await writeFile(join(dir, "bad.S"), "        .text\n        not_an_instruction %rax\n");
    const err = await buildSourcePayloads({
      base,
      source,
      sourceDirs: [dir],
      stackMode: "stacked",
      expectations: "none",
      outDir: join(work, "out-broken"),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadCompileError);
    const compile = err as PayloadCompileError;
    expect(compile.message).toContain(`${join(dir, "broken.c")}:6:`);
    expect(compile.message).toMatch(/broken\.c:6:\d+: error: /);
    expect(compile.diagnostics).toContainEqual(
      expect.objectContaining({ file: join(dir, "broken.c"), line: 6, severity: "error" }),
    );
    // gas reports with "Error:" and no column; -k keeps going to the other file.
    expect(compile.diagnostics).toContainEqual(
      expect.objectContaining({ file: join(dir, "bad.S"), line: 2 }),
    );
  });

  it("refuses directories it cannot build before building anything", async () => {
    const refuse = async (files: Record<string, string>, message: RegExp) => {
      const dir = await mkdtemp(join(work, "refused-"));
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      await expect(
        buildSourcePayloads({
          base,
          source,
          sourceDirs: [dir],
          stackMode: "stacked",
          expectations: "none",
          outDir: join(work, "out-refused"),
        }),
      ).rejects.toThrow(message);
    };
    await refuse({ "notes.txt": "" }, /has no \.c or \.S file/);
    await refuse({ "a.c": "", Makefile: "" }, /the builder generates the build files/);
    await refuse({ "a.c": "", "a.S": "" }, /more than one source compiles to a\.o/);
    await refuse({ "a b.c": "" }, /source names must match/);
  });

  it("leaves the cached base tree as it was", async () => {
    expect(await sha256(base.xenSyms)).toBe(baseSymsDigest);
    await expect(access(join(base.tree, "xen", "livepatch-ci"))).rejects.toThrow();
  });
});
