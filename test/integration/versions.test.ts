// Every maintained Xen version through the same pipeline, as a user gives it (a git URL at
// a release tag): the base builds reproducibly (twice, in two directories, one build-id),
// Xen's in-tree payloads build and verify with the expected findings, the self-test
// scenario passes in one QEMU boot with that version's guest tool and messages, and a patch
// becomes a verified payload whose effect dom0 sees.
//
// XLCI_XEN_VERSIONS picks the versions (comma-separated, or "all"); CI runs the default.
// The whole matrix: XLCI_XEN_VERSIONS=all npx vitest run test/integration/versions.test.ts
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildXenBase } from "../../src/base/xen.js";
import { Payload } from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { verifyPayload } from "../../src/verify/verifier.js";
import { parseElf } from "../../src/elf/reader.js";
import { loaderFor } from "../../src/verify/loader-model.js";
import { loaderOutcome } from "../../src/verify/loader-order.js";
import { ALT_CPUID, ALT_ORIG_LEN } from "../helpers/defects/index.js";
import {
  renameSymbol,
  setRelaField,
  writeSectionBytes,
  xorSectionByte,
} from "../helpers/elf-mutate.js";
import { parseOptions } from "../../src/options.js";
import { type RunResult, run } from "../../src/pipeline.js";
import { fetchGitSource } from "../../src/source/git.js";
import { localSource } from "../../src/source/path.js";
import { terminalLogger } from "../../src/util/logger.js";
import { XEN_RELEASES, type XenRelease, xenReleaseRepo } from "../helpers/xen-trees.js";
import { integrationCacheDir } from "./xen-base.js";

/** Run on every CI: the first release with the new sysctl interface (0x16) and CONFIG_SYSCTL. */
const CI_VERSIONS: XenRelease[] = ["4.21.2"];

function chosen(): XenRelease[] {
  const asked = process.env.XLCI_XEN_VERSIONS;
  if (!asked) return CI_VERSIONS;
  if (asked === "all") return Object.keys(XEN_RELEASES) as XenRelease[];
  const names = asked.split(",").map((v) => v.trim());
  for (const n of names)
    if (!(n in XEN_RELEASES))
      throw new Error(
        `XLCI_XEN_VERSIONS: ${n} is not one of ${Object.keys(XEN_RELEASES).join(", ")}`,
      );
  return names as XenRelease[];
}

const PATCH = join(import.meta.dirname, "..", "fixtures", "patches", "extra-version.patch");
const ASSEMBLY_MACRO = join(import.meta.dirname, "..", "fixtures", "versions", "assembly_macro");

/**
 * The pipeline on `release` as a user gives it (the git URL at the release tag) with
 * `inputs`; `out` is the workspace, and the output directory unless `inputs` names one.
 */
function runOn(release: XenRelease, out: string, inputs: Record<string, string>) {
  const cacheDir = integrationCacheDir();
  const { url, ref } = xenReleaseRepo(release, cacheDir);
  const options = parseOptions(
    { "xen-source": url, "xen-ref": ref, "output-dir": out, ...inputs },
    out,
    cacheDir,
  );
  return run(options, terminalLogger(process.stderr, true));
}

/** Every step of a scenario passed, each shown with its message when one did not. */
function expectEveryStepPassed(result: RunResult): void {
  expect(result.scenario?.steps.map((s) => [s.name, s.status, s.message ?? ""])).toEqual(
    result.scenario?.steps.map((s) => [s.name, "passed", s.message ?? ""]),
  );
  expect(result.scenario?.ok).toBe(true);
}

describe.each(chosen())("Xen %s", (release) => {
  const cacheDir = integrationCacheDir();
  const repo = () => xenReleaseRepo(release, cacheDir);
  const pipeline = (inputs: Record<string, string>) =>
    runOn(release, mkdtempSync(join(tmpdir(), `xlci-${release}-`)), inputs);

  it("builds the base reproducibly, verifies the in-tree payloads and passes the self-test", async () => {
    const result = await pipeline({ "self-test": "true", scenario: "self-test" });
    expect(result.reason).toBeUndefined();
    expect(result.verdict).toBe("pass");
    // No error but the ones the in-tree payloads carry on purpose (xen_expectations_fail,
    // xen_no_xen_buildid; xen_nop where return thunks make it unsafe): the self-test's
    // expectations, which also fail the run when one of those is missing.
    const unexpected = result.payloads.flatMap((p) =>
      p.findings
        .filter((f) => f.severity === "error" && !f.expected)
        .map((f) => `${p.name}: ${f.ruleId}`),
    );
    expect(unexpected).toEqual([]);
    expect(
      result.payloads.filter((p) => p.findings.some((f) => f.expected)).length,
    ).toBeGreaterThanOrEqual(2);
    expect(result.scenario?.ok).toBe(true);
    expect(result.scenario?.counts.failed).toBe(0);
    expect(result.scenario?.counts.notRun).toBe(0);

    // The same tree in another directory (a copy of the checkout, given as a path).
    const { url, ref } = repo();
    const git = await fetchGitSource({ url, ref, cacheDir });
    const copy = join(mkdtempSync(join(tmpdir(), `xlci-${release}-copy-`)), "xen");
    // cp -a: symlinks stay as they are in the checkout (relative), as a user's copy would.
    execFileSync("cp", ["-a", git.root, copy]);
    // A clone that holds more objects abbreviates the commit with more digits (as the
    // cache's clone did once it had fetched again): the changeset must not follow.
    execFileSync("git", ["-C", copy, "config", "core.abbrev", "12"]);
    const again = await buildXenBase({ source: await localSource(copy), cacheDir });
    expect(again.tree).not.toBe(dirname(dirname(result.base!.xenSyms)));
    expect((await XenSyms.load(again.xenSyms)).buildId).toBe(result.base?.buildId);
  }, 3_600_000);

  it("turns a patch into a verified payload whose effect dom0 sees", async () => {
    const result = await pipeline({
      patches: PATCH,
      scenario: "default",
      // XENVER_extraversion is 16 bytes (xen_extraversion_t): master's "-unstable-livepatched"
      // reaches dom0 as "-unstable-livep".
      checks: "grep -q -- -livep /sys/hypervisor/version/extra",
    });
    expect(result.reason).toBeUndefined();
    expect(result.verdict).toBe("pass");
    expect(result.payloads.map((p) => p.name)).toEqual(["extra-version"]);
    const check = result.scenario?.steps.find((s) => s.name.includes("-livep"));
    expect(check?.status).toBe("passed");
    expect(result.scenario?.ok).toBe(true);
  }, 3_600_000);

  // Xen 4.22 stopped defining __ASSEMBLY__ for assembly (a199bb283b): a payload source that
  // still tests it builds up to 4.21 and stops at its own .error from 4.22, with the hint.
  it("builds assembly payload sources with the macros the version defines", async () => {
    const built = pipeline({ "payload-sources": ASSEMBLY_MACRO });
    const [major, minor] = release === "master" ? [4, 23] : release.split(".").map(Number);
    if (major! > 4 || minor! >= 22) {
      // A compile error is the input's fault: the run stops with it, naming file and line.
      await expect(built).rejects.toThrow(/version_tag\.S:19: error: __ASSEMBLY__ is not defined/);
      await expect(built).rejects.toThrow(
        /version_tag\.S tests __ASSEMBLY__, which Xen 4\.22\+ no longer defines .*a199bb283b.*__ASSEMBLER__/,
      );
    } else {
      const result = await built;
      expect(result.reason).toBeUndefined();
      expect(result.payloads.map((p) => p.name)).toEqual(["assembly_macro"]);
      expect(result.payloads[0]!.findings.filter((f) => f.severity === "error")).toEqual([]);
    }
  }, 3_600_000);
});

// From 4.21 an alternative call is a `call *disp32(%rip)` Xen patches at boot, listed in
// .alt_call_sites (d2fd5f0fcd). A patched function's entries come with it, the verifier
// checks them as the 4.21 loader does, and Xen's own verdict agrees, in one boot.
const ALTCALL_PATCH = join(import.meta.dirname, "..", "fixtures", "versions", "altcall.patch");
const withAltCalls = chosen().filter((r) => r === "master" || Number(r.split(".")[1]) >= 21);

describe.each(withAltCalls)("Xen %s alternative calls", (release) => {
  it("carries a patched function's .alt_call_sites; a site off its call is refused by both", async () => {
    const out = mkdtempSync(join(tmpdir(), `xlci-${release}-altcall-`));
    const built = await runOn(release, out, { patches: ALTCALL_PATCH });
    expect(built.reason).toBeUndefined();
    const good = built.payloads[0]!.file;
    const payload = await Payload.load(good);
    const sites = payload.elf.sectionNamed(".alt_call_sites");
    expect(sites?.size).toBeGreaterThan(0);
    expect(built.payloads[0]!.findings.filter((f) => f.severity === "error")).toEqual([]);

    // The same payload with its first site one byte past the call instruction.
    const relas = payload.elf.sectionNamed(".rela.alt_call_sites")!;
    const first = payload.elf.relocations(relas)[0]!;
    const bad = join(out, "altcall_off_site.livepatch");
    writeFileSync(
      bad,
      setRelaField(new Uint8Array(readFileSync(good)), relas.index, 0, "addend", first.addend + 1n),
    );
    const xen = await XenSyms.load(built.base!.xenSyms);
    const found = verifyPayload(await Payload.load(bad), { xen, stack: [] });
    expect(found.map((f) => f.ruleId)).toContain("altcall-site");

    // Xen 4.21: the good one uploads, applies and reverts; the bad one is refused at upload.
    const scenario = join(out, "altcall.yml");
    writeFileSync(
      scenario,
      [
        "name: alternative calls",
        "payloads:",
        `  good: ${good}`,
        `  bad: ${bad}`,
        "steps:",
        "  - upload: good",
        "  - apply: good",
        "  - revert: good",
        "  - unload: good",
        "  - upload: bad",
        "    expect: refused",
        '    refusal: "not CALL *RIPREL"',
        "",
      ].join("\n"),
    );
    const booted = await runOn(release, out, {
      payloads: good,
      scenario,
      "fail-on": "never",
      "output-dir": join(out, "boot"),
    });
    expectEveryStepPassed(booted);
  }, 3_600_000);
});

// The loader changes of 4.18.4+, 4.19.1+ and 4.20+ (../shared/xen-versions.md section 2),
// on the real hypervisor, in one boot: an alternative Xen cannot apply is refused at upload
// (aa5a06d5d6; 4.17 panics, see the agreement test), and a payload with a mismatched
// `.livepatch.xen_depends` and an unknown symbol is refused for the build-id, checked
// first since fa49f4be41 (4.17 refuses it for the symbol). The verifier, with the loader of
// the version xen-syms reports, predicts each verdict, errno and console line; the scenario
// then requires exactly those from Xen and the guest tool, and that the hypervisor still
// applies a payload afterwards (no panic).
const withNewLoader = chosen().filter((r) => {
  const [minor, patch] = r === "master" ? [23, undefined] : r.split(".").slice(1).map(Number);
  return loaderFor({ major: 4, minor: minor, patch }).alternatives.refused;
});

describe.each(withNewLoader)("Xen %s loader refusals", (release) => {
  it("refuses a bad alternative and a wrong build-id first, as the verifier predicts, without a panic", async () => {
    const out = mkdtempSync(join(tmpdir(), `xlci-${release}-loader-`));
    // The in-tree payloads of this version, built on its base.
    const built = await runOn(release, out, {
      "fail-on": "never",
      "self-test": "true",
      scenario: "none",
    });
    expect(built.reason).toBeUndefined();
    const helloFile = built.payloads.find((p) => p.name === "xen_hello_world")!.file;
    const hello = new Uint8Array(readFileSync(helloFile));
    const xen = await XenSyms.load(built.base!.xenSyms);
    const loader = loaderFor(xen.version());
    expect(loader.name).toBe(`Xen ${release === "master" ? "4.23-unstable" : release}`);

    const dependsSize = new Payload(parseElf(hello, "(lookup)")).elf.sectionNamed(
      ".livepatch.xen_depends",
    )!.size;
    const crafted: Record<string, Uint8Array> = {
      // Feature 32752: past NCAPINTS * 32 (ERANGE).
      alt_range: writeSectionBytes(hello, ".altinstructions", ALT_CPUID, [0xf0, 0x7f]),
      // orig_len 0: the replacement no longer fits (ENOSPC).
      alt_space: writeSectionBytes(hello, ".altinstructions", ALT_ORIG_LEN, [0]),
      // Two defects: the build-id is checked before symbols are resolved.
      early_id: xorSectionByte(
        renameSymbol(hello, "xen_extra_version", "extra_version"),
        ".livepatch.xen_depends",
        dependsSize - 1,
        1,
      ),
    };
    const predicted: Record<string, { rule: string; errno: string; line: string }> = {};
    for (const [name, bytes] of Object.entries(crafted)) {
      const file = join(out, `${name}.livepatch`);
      writeFileSync(file, bytes);
      const findings = verifyPayload(await Payload.load(file), { xen, stack: [] });
      const first = loaderOutcome(findings, loader);
      expect(first.verdict, name).toBe("refuses-upload");
      // "...: Xen 4.21.2 refuses the upload (ERANGE, -34; "alt_range applying ...: -34")"
      const m = /refuses the upload \((E[A-Z]+), -\d+; "(.+)"\)$/.exec(first.finding!.message);
      expect(m, first.finding!.message).not.toBeNull();
      predicted[name] = { rule: first.finding!.ruleId, errno: m![1]!, line: m![2]! };
    }
    expect(predicted).toEqual({
      alt_range: {
        rule: "altinstr-entry",
        errno: "ERANGE",
        line: "alt_range applying alternatives failed: -34",
      },
      alt_space: {
        rule: "altinstr-entry",
        errno: "ENOSPC",
        line: "alt_space applying alternatives failed: -28",
      },
      early_id: {
        rule: "xen-depends-mismatch",
        errno: "EINVAL",
        line: "early_id: build-id mismatch:",
      },
    });

    const scenario = join(out, "loader.yml");
    writeFileSync(
      scenario,
      [
        "name: loader refusals",
        "payloads:",
        ...Object.keys(crafted).map((n) => `  ${n}: ${join(out, `${n}.livepatch`)}`),
        `  hello: ${helloFile}`,
        "steps:",
        ...Object.entries(predicted).flatMap(([name, p]) => [
          `  - upload: ${name}`,
          "    expect: refused",
          `    refusal: ${JSON.stringify(p.line)}`,
          `    errno: ${p.errno}`,
        ]),
        // The hypervisor still works: the unbroken payload loads, applies and reverts.
        "  - upload: hello",
        "  - apply: hello",
        "    check: cat /sys/hypervisor/version/extra",
        "    output: { equals: Hello World }",
        "  - revert: hello",
        "  - unload: hello",
        "",
      ].join("\n"),
    );
    const booted = await runOn(release, out, {
      "fail-on": "never",
      payloads: helloFile,
      scenario,
      "output-dir": join(out, "boot"),
    });
    expectEveryStepPassed(booted);
  }, 3_600_000);
});
