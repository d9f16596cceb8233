// The library as users install it: the package is built the way `npm run build` builds
// dist/ (into a temporary directory), installed into a small application's node_modules,
// and the examples of docs/api.md are taken from the page as they are, type-checked against
// the package's declarations and run as Node programs on the real Xen 4.17.5 base.
import { copyFile, mkdir, mkdtemp, readFile, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { transform } from "esbuild";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { CommandError, type CommandResult, runCommand } from "../../src/util/exec.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { getXenBase, integrationCacheDir } from "./xen-base.js";

const root = resolve(import.meta.dirname, "../..");
const patchFixture = (name: string) => join(root, "test/fixtures/patches", name);
let work: string;
let pkg: string;
let app: string;
let examples: Map<string, string>;

/** The examples of docs/api.md: each ```ts block after an `<!-- example: NAME ... -->` line. */
export function apiExamples(markdown: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const m of markdown.matchAll(/<!-- example: (\S+)[^>]*-->\s*```ts\n([\s\S]*?)```/g))
    found.set(m[1]!, m[2]!);
  return found;
}

/** Runs an example as a program of the application; a failure is the run's result too. */
async function runExample(name: string, args: string[]): Promise<CommandResult> {
  const script = join(app, name.replace(/\.ts$/, ".js"));
  return runCommand(process.execPath, [script, ...args], {
    cwd: app,
    logFile: join(work, `${name}.log`),
  });
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "xlci-api-"));
  pkg = join(work, "package");
  app = join(work, "app");
  await runCommand(process.execPath, ["scripts/bundle.mjs", "--outdir", join(pkg, "dist")], {
    cwd: root,
    logFile: join(work, "bundle.log"),
  });
  await copyFile(join(root, "package.json"), join(pkg, "package.json"));
  await mkdir(join(app, "node_modules"), { recursive: true });
  await symlink(pkg, join(app, "node_modules", "xen-livepatch-ci"));
  await writeFile(join(app, "package.json"), '{ "type": "module", "private": true }\n');

  examples = apiExamples(await readFile(join(root, "docs/api.md"), "utf8"));
  for (const [name, code] of examples) {
    await writeFile(join(app, name), code);
    const js = await transform(code, { loader: "ts", format: "esm", target: "node24" });
    await writeFile(join(app, name.replace(/\.ts$/, ".js")), js.code);
  }
}, 300_000);

describe("the package", () => {
  it("exports the library and its type declarations where package.json says", async () => {
    const manifest = JSON.parse(await readFile(join(pkg, "package.json"), "utf8")) as {
      exports: { ".": { types: string; default: string } };
    };
    expect(existsSync(join(pkg, manifest.exports["."].default))).toBe(true);
    expect(existsSync(join(pkg, manifest.exports["."].types))).toBe(true);
    // Resolved by name from the application, as Node resolves an installed package.
    const listed = await runCommand(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const m = await import("xen-livepatch-ci"); console.log(Object.keys(m).filter((k) => typeof m[k] === "function").sort().join(" "));',
      ],
      { cwd: app },
    );
    const names = listed.stdout.trim().split(" ");
    for (const name of [
      "Payload",
      "XenSyms",
      "verifyPayloadSet",
      "verifyFile",
      "fetchDebianSource",
      "buildXenBase",
      "buildPatchPayloads",
      "parseScenario",
      "defaultScenario",
      "runScenario",
      "bootXen",
      "ConsoleReader",
      "ConfigurationError",
      "MissingProgramError",
    ])
      expect(names).toContain(name);
  });

  it("has the examples of docs/api.md, and they type-check against its declarations", () => {
    expect([...examples.keys()]).toEqual(["verify.ts", "build.ts", "boot.ts"]);
    const program = ts.createProgram({
      rootNames: [...examples.keys()].map((name) => join(app, name)),
      options: {
        target: ts.ScriptTarget.ES2024,
        lib: ["lib.es2024.d.ts"],
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ["node"],
        typeRoots: [join(root, "node_modules/@types")],
      },
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
        : "";
      return where + ts.flattenDiagnosticMessageText(d.messageText, "\n");
    });
    expect(problems).toEqual([]);
  });
});

describe("the examples of docs/api.md", () => {
  it("verify.ts reads and verifies one of Xen's own test payloads", async () => {
    const base = await getXenBase();
    const hello = base.testPayloads.find((p) => p.endsWith("/xen_hello_world.livepatch"))!;
    const r = await runExample("verify.ts", [hello, base.xenSyms]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^xen_hello_world: build-id [0-9a-f]{40}$/);
    expect(lines[1]).toMatch(/^ {2}replaces xen_extra_version \(\d+ bytes\)$/);
    // Xen's hello_world carries a bare "LIVEPATCH_RULEZ" in .modinfo: a note, not an error.
    expect(lines.slice(2)).toEqual([
      'note modinfo-entry: .modinfo string "LIVEPATCH_RULEZ" is not key=value',
      `1 finding(s) against hypervisor build-id ${(await XenSyms.load(base.xenSyms)).buildId}`,
    ]);
  }, 120_000);

  it("verify.ts prints the errors of a payload Xen refuses, and exits with 1", async () => {
    const base = await getXenBase();
    const noBuildId = base.testPayloads.find((p) => p.endsWith("/xen_no_xen_buildid.livepatch"))!;
    const e = await runExample("verify.ts", [noBuildId, base.xenSyms]).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(CommandError);
    const failed = e as CommandError;
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain(
      'error section-missing: required section .livepatch.xen_depends is missing: Xen 4.17.5 refuses the upload (EINVAL, -22; "xen_no_xen_buildid: .livepatch.xen_depends is missing")\n',
    );
  }, 120_000);

  it("build.ts builds a payload from a patch and boot.ts boot-tests it", async () => {
    const out = join(work, "out");
    const built = await runExample("build.ts", [
      patchFixture("extra-version.patch"),
      out,
      integrationCacheDir(),
    ]);
    const file = join(out, "payloads", "extra-version.livepatch");
    expect(built.stdout).toContain(`${file}: xen_extra_version (`);
    expect(built.stdout.trimEnd().split("\n").at(-1)).toBe("0 finding(s)");
    expect(existsSync(file)).toBe(true);

    const booted = await runExample("boot.ts", [out, integrationCacheDir(), file]);
    const lines = booted.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toMatch(/^boot under (tcg|kvm): passed$/);
    expect(lines.slice(0, -1).length).toBeGreaterThan(3);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^passed /);
  }, 1_800_000);
});
