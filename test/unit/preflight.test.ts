// Fail fast: mistakes in the files a run's inputs name are all reported before the first
// stage, each naming its input, instead of one at a time after a base build.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOptions, type RawInputs } from "../../src/options.js";
import { preflight } from "../../src/preflight.js";
import type { RunResult } from "../../src/report/result.js";
import { ConfigurationError, ConfigurationErrors } from "../../src/util/errors.js";
import { runCli } from "../helpers/cli.js";

const fixtures = resolve(import.meta.dirname, "../fixtures");
const work = mkdtempSync(join(tmpdir(), "xlci-preflight-"));
const file = (name: string, text: string) => {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
};

const options = (inputs: RawInputs) =>
  parseOptions({ "xen-source": "debian", ...inputs }, work, join(work, "cache"));

/** The error preflight throws for these inputs (fails the test when there is none). */
async function mistakes(inputs: RawInputs): Promise<ConfigurationError> {
  const e = await preflight(options(inputs)).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ConfigurationError);
  return e as ConfigurationError;
}

describe("preflight", () => {
  it("passes inputs whose files are all there and well-formed", async () => {
    await expect(
      preflight(
        options({
          patches: join(fixtures, "patches/extra-version.patch"),
          "payload-sources": join(fixtures, "payload-sources/hooks"),
          "xen-config": file("good.config", "CONFIG_LIVEPATCH=y\n# CONFIG_X is not set\n"),
          // Its payload file does not exist yet: it may be one the run builds.
          scenario: file(
            "good.yml",
            "name: later\npayloads:\n  hello: out/hello.livepatch\nsteps:\n  - upload: hello\n",
          ),
          "dom0-kernel": file("vmlinuz", "not really a kernel"),
          "stack-mode": "independent",
        }),
      ),
    ).resolves.toBeUndefined();
  });

  it("reports every mistake at once, each naming its input", async () => {
    const missingPatch = join(work, "typo.patch");
    const binary = file(
      "binary.patch",
      "--- a/xen/x.bin\n+++ b/xen/x.bin\nGIT binary patch\nliteral 1\n",
    );
    const e = await mistakes({
      patches: `${missingPatch}\n${binary}`,
      "payload-sources": join(work, "no-such-dir"),
      "xen-config": file("bad.config", "CONFIG_LIVEPATCH=y\nmake me fast\n"),
      scenario: file("bad.yml", "name: x\nsteps: [\n"),
      "dom0-kernel": join(work, "no-vmlinuz"),
    });
    expect(e).toBeInstanceOf(ConfigurationErrors);
    const problems = (e as ConfigurationErrors).problems;
    expect(problems.map((p) => p.input)).toEqual([
      "patches",
      "patches",
      "payload-sources",
      "xen-config",
      "scenario",
      "dom0-kernel",
    ]);
    expect(problems[0]!.message).toMatch(
      new RegExp(`^patches: ${missingPatch}: cannot read the patch: ENOENT`),
    );
    expect(problems[1]!.message).toMatch(/^patches: .*binary\.patch:3: binary changes cannot/);
    expect(problems[2]!.message).toMatch(/^payload-sources: cannot read .*no-such-dir: ENOENT/);
    expect(problems[3]!.message).toMatch(/^xen-config: .*bad\.config:2: "make me fast" is not/);
    expect(problems[4]!.message).toMatch(/^scenario: .*bad\.yml/);
    expect(problems[5]!.message).toMatch(/^dom0-kernel: cannot read .*no-vmlinuz: ENOENT/);
    // The message has them all, one after the other.
    expect(e.message.split("\n")[0]).toBe(problems[0]!.message);
    for (const p of problems) expect(e.message).toContain(p.message);
  });

  it("throws a single mistake as it is", async () => {
    const e = await mistakes({ patches: join(work, "typo.patch") });
    expect(e).not.toBeInstanceOf(ConfigurationErrors);
    expect(e.input).toBe("patches");
  });

  it("finds two patches that would give one payload name", async () => {
    const dir = join(work, "other");
    mkdirSync(dir, { recursive: true });
    const again = join(dir, "extra-version.patch");
    writeFileSync(again, readFileSync(join(fixtures, "patches/extra-version.patch")));
    const e = await mistakes({
      patches: `${join(fixtures, "patches/extra-version.patch")}\n${again}`,
      "stack-mode": "independent",
    });
    expect(e.message).toBe("patches: two patches give the payload name extra-version");
  });

  it("checks the prebuilt and applied payloads, the xen-syms and a deployed xen-syms", async () => {
    const e = (await mistakes({
      "xen-source": "",
      payloads: join(work, "p.livepatch"),
      "applied-payloads": join(work, "a.livepatch"),
      "xen-syms": work,
    })) as ConfigurationErrors;
    expect(e.problems.map((p) => p.input)).toEqual(["payloads", "applied-payloads", "xen-syms"]);
    expect(e.problems[2]!.message).toBe(`xen-syms: ${work} is not a file`);
    const deployed = await mistakes({ "expected-build-id": join(work, "deployed/xen-syms") });
    expect(deployed.input).toBe("expected-build-id");
    await expect(
      preflight(options({ "expected-build-id": "39a640e6f1412319235087391df9f1c5e13ae920" })),
    ).resolves.toBeUndefined();
  });
});

describe("a run with a patch that does not exist", () => {
  it("fails before its first stage, with the report in the output directory", async () => {
    const out = join(work, "out");
    const started = performance.now();
    const r = await runCli([
      "run",
      "--xen-source",
      "debian",
      "--patches",
      join(work, "typo.patch"),
      "--output-dir",
      out,
      "--cache-dir",
      join(work, "cache"),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`patches: ${join(work, "typo.patch")}: cannot read the patch`);
    // No source fetched, no base built.
    expect(performance.now() - started).toBeLessThan(10_000);
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult;
    expect(report.verdict).toBe("fail");
    expect(report.stages).toEqual([]);
    expect(report.reason).toMatch(/^patches: .*typo\.patch: cannot read the patch/);
  });
});

describe("input values", () => {
  it("are all checked before any mistake is thrown, each naming its input", () => {
    const e = (() => {
      try {
        options({
          patches: join(work, "*.nothing-matches"),
          "build-values": "XEN_BUILD_DAT=x",
          "fail-on": "sometimes",
          "signing-key": "not a key",
          "retention-days": "soon",
        });
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(e).toBeInstanceOf(ConfigurationErrors);
    const problems = (e as ConfigurationErrors).problems;
    expect(problems.map((p) => p.input).sort()).toEqual([
      "build-values",
      "fail-on",
      "patches",
      "retention-days",
      "signing-key",
    ]);
    expect((e as Error).message).toContain(
      `patches: "${join(work, "*.nothing-matches")}" matches no file`,
    );
    expect((e as Error).message).toContain('fail-on: "sometimes" is not one of');
  });
});

describe("a run whose patch cannot become a livepatch", () => {
  it("exits 1, a failed check, where a mistake in the inputs exits 2", async () => {
    const tools = file(
      "tools-only.patch",
      "--- a/tools/misc/xen-cpuid.c\n+++ b/tools/misc/xen-cpuid.c\n@@ -1,1 +1,1 @@\n-a\n+b\n",
    );
    const malformed = file("garbage.patch", "this is not a diff\n");
    const run = (patch: string) =>
      runCli([
        "run",
        "--xen-source",
        "debian",
        "--patches",
        patch,
        "--output-dir",
        join(work, `out-${patch.length}-${Math.random().toString(36).slice(2)}`),
        "--cache-dir",
        join(work, "cache"),
      ]);
    const refused = await run(tools);
    expect(refused.stderr).toContain(
      "tools-only.patch changes no file under xen/ (only tools/misc/xen-cpuid.c)",
    );
    expect(refused.code).toBe(1);
    const bad = await run(malformed);
    expect(bad.stderr).toContain("garbage.patch: no unified diff hunks found");
    expect(bad.code).toBe(2);
  });
});
