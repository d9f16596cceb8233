// The command line's front door: argv and configuration files become the same raw inputs
// the action receives, and mistakes come back as errors naming the flag, key or input.
import { mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closestInput, configInputs, readConfigFile } from "../../src/cli-config.js";
import { bootMilestone, lastLine, progressLogger } from "../../src/cli-progress.js";
import { parsePipelineArgs } from "../../src/commands.js";
import { parseOptions } from "../../src/options.js";
import { ConfigurationError } from "../../src/util/errors.js";

const tmp = () => mkdtempSync(join(tmpdir(), "xlci-cli-"));

function configFile(text: string): string {
  const file = join(tmp(), "livepatch.yml");
  writeFileSync(file, text);
  return file;
}

describe("configuration files", () => {
  it("turns a workflow's with: block into the action's raw inputs", () => {
    const file = configFile(`
xen-source: debian
self-test: true
retention-days: 5
payloads:
  - a.livepatch
  - b.livepatch
build-values:
  XEN_BUILD_HOST: builder
  XEN_WHOAMI: ci
dom0-kernel:
`);
    expect(readConfigFile(file)).toEqual({
      "xen-source": "debian",
      "self-test": "true",
      "retention-days": "5",
      payloads: "a.livepatch\nb.livepatch",
      "build-values": "XEN_BUILD_HOST=builder\nXEN_WHOAMI=ci",
      "dom0-kernel": "",
    });
  });

  it("gives options the action would give for the same inputs", () => {
    const raw = configInputs(
      { "xen-source": "debian", "self-test": true, "fail-on": "warning" },
      "c.yml",
    );
    const o = parseOptions(raw, "/ws", "/cache");
    expect([o.xenSource, o.selfTest, o.failOn]).toEqual([
      { kind: "debian", version: undefined },
      true,
      "warning",
    ]);
  });

  it("an empty file is every input at its default", () => {
    expect(readConfigFile(configFile(""))).toEqual({});
  });

  it("names the unknown key and the input it most likely meant", () => {
    expect(() => configInputs({ xen_source: "debian" }, "c.yml")).toThrow(
      /c\.yml: "xen_source" is not an input of this action; did you mean "xen-source"\?/,
    );
    expect(() => configInputs({ scenaro: "x" }, "c.yml")).toThrow(/did you mean "scenario"/);
    expect(() => configInputs({ colour: "blue" }, "c.yml")).toThrow(
      /"colour" is not an input of this action \(the inputs/,
    );
  });

  it("refuses a document that is not a mapping, and a mapping where a value goes", () => {
    expect(() => configInputs(["xen-source"], "c.yml")).toThrow(/must be a mapping/);
    expect(() => configInputs({ payloads: { a: 1 } }, "c.yml")).toThrow(
      /^payloads: c\.yml: expected a string/,
    );
    expect(() => configInputs({ payloads: ["a", { b: 1 }] }, "c.yml")).toThrow(
      /item 2 of the list is not a string/,
    );
  });

  it("reports YAML syntax errors and unreadable files as configuration errors", () => {
    const bad = configFile("xen-source: [debian\n");
    expect(() => readConfigFile(bad)).toThrow(ConfigurationError);
    expect(() => readConfigFile(bad)).toThrow(/is not valid YAML/);
    expect(() => readConfigFile("/nonexistent/c.yml")).toThrow(/--config: cannot read/);
  });

  it("suggests only near names", () => {
    expect(closestInput("XEN_SOURCE")).toBe("xen-source");
    expect(closestInput("paylods")).toBe("payloads");
    expect(closestInput("something-else")).toBeUndefined();
  });
});

describe("run and boot arguments", () => {
  it("layers --example, then --config, then flags", () => {
    const file = configFile("scenario: none\nfail-on: warning\nkvm: false\n");
    const { raw } = parsePipelineArgs("run", [
      "--example",
      "--config",
      file,
      "--kvm",
      "auto",
      "--json",
    ]);
    expect(raw).toEqual({
      "xen-source": "debian:4.17.5+72-g01140da4e8-1",
      "self-test": "true",
      scenario: "none",
      "fail-on": "warning",
      kvm: "auto",
    });
    expect(parsePipelineArgs("run", ["--json"]).json).toBe(true);
  });

  it("boot defaults to the default scenario and refuses none", () => {
    expect(parsePipelineArgs("boot", ["--payloads", "a.livepatch"]).raw.scenario).toBe("default");
    expect(parsePipelineArgs("boot", ["--example"]).raw.scenario).toBe("self-test");
    expect(() => parsePipelineArgs("boot", ["--scenario", "none"])).toThrow(/boots nothing/);
  });

  it("refuses stray arguments and unknown flags", () => {
    expect(() => parsePipelineArgs("run", ["debian"])).toThrow(/unexpected argument "debian"/);
    expect(() => parsePipelineArgs("run", ["--colour", "x"])).toThrow(/Unknown option/);
  });

  it("--help needs nothing else to be right", () => {
    expect(parsePipelineArgs("run", ["--help", "--config", "/nonexistent.yml"]).help).toBe(true);
  });
});

describe("progress", () => {
  it("reads the boot's milestones off the console", () => {
    expect(bootMilestone("\x1b[2J(XEN) Xen version 4.17.5 (Debian 4.17.5+72)")).toBe(
      "Xen 4.17.5 started",
    );
    expect(bootMilestone("(XEN) *** Building a PV Dom0 ***")).toBe("Xen is building dom0");
    expect(bootMilestone("[    0.000000] Linux version 6.1.0-56-amd64 (debian-kernel@)")).toBe(
      "dom0 kernel 6.1.0-56-amd64 started",
    );
    expect(bootMilestone("@@XLCI setup end rc=0")).toBe("dom0 ready");
    expect(bootMilestone("@@XLCI step 5 end rc=1")).toBeUndefined();
    expect(bootMilestone("@@XLCI done")).toBe("guest steps done, powering off");
    expect(bootMilestone("(XEN) Panic on CPU 0:")).toBe("hypervisor-panic: Panic on CPU 0");
    expect(bootMilestone("(XEN) livepatch: hello: Applying 1 functions")).toBeUndefined();
  });

  it("shows the last line of a growing log, cut to the terminal", () => {
    expect(lastLine("  CC  common/a.o\n  CC  common/b.o\n\n")).toBe("CC  common/b.o");
    expect(lastLine("x".repeat(200), 20)).toBe(`${"x".repeat(17)}...`);
    expect(lastLine("\n\n")).toBeUndefined();
  });

  it("times each stage and keeps the boot timeline relative to the stage", async () => {
    let clock = 1_000;
    let text = "";
    const stream = { write: (s: string) => ((text += s), true) } as NodeJS.WritableStream;
    const log = progressLogger(stream, { logsDir: tmp(), intervalMs: 0, now: () => clock });
    await log.group("Boot test", () => {
      clock += 2_500;
      log.console("(XEN) Xen version 4.17.5 (Debian)");
      clock += 10_000;
      log.console("@@XLCI setup end rc=0");
      log.console("@@XLCI setup end rc=0");
      return Promise.resolve();
    });
    await expect(
      log.group("Base build", () => {
        clock += 1_000;
        return Promise.reject(new Error("make failed"));
      }),
    ).rejects.toThrow("make failed");
    expect(text).toBe(
      [
        "==> Boot test",
        "    [boot    2.5 s] Xen 4.17.5 started",
        "    [boot   12.5 s] dom0 ready",
        "<== Boot test: done in 12.5 s",
        "==> Base build",
        "<== Base build: failed after 1.0 s",
        "",
      ].join("\n"),
    );
  });

  it("prints a progress line with the newest log's last line while a stage runs", async () => {
    const logs = tmp();
    writeFileSync(join(logs, "source.log"), "old\n");
    utimesSync(join(logs, "source.log"), new Date(2020, 0, 1), new Date(2020, 0, 1));
    writeFileSync(join(logs, "base-build.log"), "  CC      common/livepatch.o\n");
    let text = "";
    const stream = { write: (s: string) => ((text += s), true) } as NodeJS.WritableStream;
    const log = progressLogger(stream, { logsDir: logs, intervalMs: 20 });
    // The stage lasts until the first progress line has been printed.
    await log.group("Base build", async () => {
      while (!text.includes("...")) await new Promise((r) => setTimeout(r, 10));
    });
    expect(text).toMatch(/^ {4}\.\.\. \d+\.\d s: CC {6}common\/livepatch\.o$/m);
  });
});
