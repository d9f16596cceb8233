// The bundled command line (dist/cli.js) as a user starts it: every command answers
// --help, and mistakes exit 2 with a message naming the flag, key or input.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { XenBaseWithTests as XenBase } from "../integration/xen-base.js";
import type { RunResult } from "../../src/pipeline.js";
import { getXenBase } from "../integration/xen-base.js";

const cliJs = join(import.meta.dirname, "..", "..", "dist", "cli.js");

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [cliJs, ...args], { encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("dist/cli.js", () => {
  it.each(["run", "boot", "verify", "rules"])("%s --help prints its usage and exits 0", (cmd) => {
    const r = cli(cmd, "--help");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: xen-livepatch-ci ${cmd} `));
    expect(cli("help", cmd).stdout).toBe(r.stdout);
  });

  it("--help lists every command", () => {
    const r = cli("--help");
    expect(r.status).toBe(0);
    for (const cmd of ["run", "boot", "verify", "rules"])
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd} `, "m"));
  });

  it("a configuration file with an unknown key exits 2 naming the key", () => {
    const config = join(mkdtempSync(join(tmpdir(), "xlci-cli-")), "livepatch.yml");
    writeFileSync(config, "xen-source: debian\nself_test: true\n");
    const r = cli("run", "--config", config);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `"self_test" is not an input of this action; did you mean "self-test"?`,
    );
    expect(r.stdout).toBe("");
  });

  it("a bad value in a configuration file exits 2 naming the input", () => {
    const config = join(mkdtempSync(join(tmpdir(), "xlci-cli-")), "livepatch.yml");
    writeFileSync(config, "xen-source: debian\nfail-on: sometimes\n");
    const r = cli("run", "--config", config);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`fail-on: "sometimes" is not one of "error", "warning", "never"`);
  });

  it("an unknown command or flag exits 2 and points to --help", () => {
    expect(cli("deploy").stderr).toContain(`unknown command "deploy"`);
    const r = cli("boot", "--xen_source", "debian");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean --xen-source?");
    expect(r.stderr).toContain("see 'xen-livepatch-ci boot --help'");
  });
});

describe("dist/cli.js run on prebuilt payloads", () => {
  let base: XenBase;
  const payload = (name: string) =>
    base.testPayloads.find((p) => p.endsWith(`/${name}.livepatch`))!;
  beforeAll(async () => {
    base = await getXenBase();
  });

  it("--json prints the run's report on stdout, progress on stderr", () => {
    const out = mkdtempSync(join(tmpdir(), "xlci-cli-"));
    const hello = payload("xen_hello_world");
    const r = cli(
      "run",
      "--payloads",
      hello,
      "--xen-syms",
      base.xenSyms,
      "--output-dir",
      out,
      "--json",
    );
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as RunResult;
    expect(result.verdict).toBe("pass");
    expect(result.stages.map((s) => [s.name, s.status])).toEqual([
      ["payloads", "ok"],
      ["verify", "ok"],
    ]);
    expect(result.payloads.map((p) => p.file)).toEqual([hello]);
    expect(r.stderr).toMatch(/^==> Verify payloads$/m);
    expect(r.stderr).toMatch(/^<== Verify payloads: done in \d+\.\d s$/m);
  });

  it("a failing run exits 1 with a closing report that says why", () => {
    const out = mkdtempSync(join(tmpdir(), "xlci-cli-"));
    const broken = payload("xen_no_xen_buildid");
    const r = cli("run", "--payloads", broken, "--xen-syms", base.xenSyms, "--output-dir", out);
    expect(r.status).toBe(1);
    // The missing note, and xen_nop's NOPs ending inside a jump (it is xen_nop without the note).
    expect(r.stdout).toMatch(/^verdict: fail \(2 verifier finding\(s\) of error severity\)$/m);
    expect(r.stdout).toMatch(/^ {2}xen_no_xen_buildid +\S+ +\d+ +2 errors /m);
    expect(r.stdout).toContain(`report: ${join(out, "report.json")}`);
  });
});
