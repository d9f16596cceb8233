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
import { setRelaField } from "../helpers/elf-mutate.js";
import { parseOptions } from "../../src/options.js";
import { run } from "../../src/pipeline.js";
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

describe.each(chosen())("Xen %s", (release) => {
  const cacheDir = integrationCacheDir();
  const repo = () => xenReleaseRepo(release, cacheDir);
  const pipeline = (inputs: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), `xlci-${release}-`));
    const { url, ref } = repo();
    const options = parseOptions(
      { "xen-source": url, "xen-ref": ref, "output-dir": out, ...inputs },
      out,
      cacheDir,
    );
    return run(options, terminalLogger(process.stderr, true));
  };

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
      checks: "grep -q -- -livepatched /sys/hypervisor/version/extra",
    });
    expect(result.reason).toBeUndefined();
    expect(result.verdict).toBe("pass");
    expect(result.payloads.map((p) => p.name)).toEqual(["extra-version"]);
    const check = result.scenario?.steps.find((s) => s.name.includes("-livepatched"));
    expect(check?.status).toBe("passed");
    expect(result.scenario?.ok).toBe(true);
  }, 3_600_000);
});

// From 4.21 an alternative call is a `call *disp32(%rip)` Xen patches at boot, listed in
// .alt_call_sites (d2fd5f0fcd). A patched function's entries come with it, the verifier
// checks them as the 4.21 loader does, and Xen's own verdict agrees, in one boot.
const ALTCALL_PATCH = join(import.meta.dirname, "..", "fixtures", "versions", "altcall.patch");
const withAltCalls = chosen().filter((r) => r === "master" || Number(r.split(".")[1]) >= 21);

describe.each(withAltCalls)("Xen %s alternative calls", (release) => {
  const cacheDir = integrationCacheDir();

  it("carries a patched function's .alt_call_sites; a site off its call is refused by both", async () => {
    const { url, ref } = xenReleaseRepo(release, cacheDir);
    const out = mkdtempSync(join(tmpdir(), `xlci-${release}-altcall-`));
    const log = terminalLogger(process.stderr, true);
    const built = await run(
      parseOptions(
        { "xen-source": url, "xen-ref": ref, patches: ALTCALL_PATCH, "output-dir": out },
        out,
        cacheDir,
      ),
      log,
    );
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
    const booted = await run(
      parseOptions(
        {
          "xen-source": url,
          "xen-ref": ref,
          payloads: good,
          scenario,
          "fail-on": "never",
          "output-dir": join(out, "boot"),
        },
        out,
        cacheDir,
      ),
      log,
    );
    expect(booted.scenario?.steps.map((s) => [s.name, s.status, s.message ?? ""])).toEqual(
      booted.scenario?.steps.map((s) => [s.name, "passed", s.message ?? ""]),
    );
    expect(booted.scenario?.ok).toBe(true);
  }, 3_600_000);
});
