import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { INPUT_DEFAULTS, type RawInputs, parseOptions } from "../../src/options.js";
import { ConfigurationError } from "../../src/util/errors.js";

const root = join(import.meta.dirname, "..", "..");
const parse = (raw: RawInputs) => parseOptions(raw, "/work/space", "/cache");

function configurationError(raw: RawInputs): ConfigurationError {
  try {
    parse(raw);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error(`no ConfigurationError for ${JSON.stringify(raw)}`);
}

describe("options", () => {
  it("declares exactly action.yml's inputs, with the same defaults", () => {
    const action = parseYaml(readFileSync(join(root, "action.yml"), "utf8")) as {
      inputs: Record<string, { default?: string }>;
    };
    const fromAction = Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? ""]),
    );
    expect(INPUT_DEFAULTS).toEqual(fromAction);
  });

  it("turns the built-in example's inputs into a build of Debian's source with the self-test", () => {
    const o = parse({ "xen-source": "debian", "self-test": "true" });
    expect(o.xenSource).toEqual({ kind: "debian", version: undefined });
    expect(o.selfTest).toBe(true);
    expect(o.ignoreInitChanges).toBe(false);
    expect(parse({ "xen-source": "debian", "ignore-init-changes": "true" }).ignoreInitChanges).toBe(
      true,
    );
    expect(o.outputDir).toBe("/work/space/xen-livepatch-out");
    expect(o.cacheDir).toBe("/cache");
    expect(o.failOn).toBe("error");
  });

  it("resolves payload lists relative to the workspace, one a line or comma-separated", () => {
    const o = parse({ payloads: "a.livepatch\n# a comment\n\n/abs/b.livepatch, c.livepatch" });
    expect(o.payloads).toEqual([
      "/work/space/a.livepatch",
      "/abs/b.livepatch",
      "/work/space/c.livepatch",
    ]);
  });

  it("expands globs and refuses one that matches nothing", () => {
    const o = parseOptions({ payloads: "test/unit/*.test.ts" }, root, "/cache");
    expect(o.payloads).toContain(join(root, "test/unit/options.test.ts"));
    expect(configurationError({ payloads: "nothing-here/*.livepatch" }).input).toBe("payloads");
  });

  it("parses build-values and names a bad line", () => {
    const o = parse({
      "xen-source": "debian",
      "build-values": "XEN_BUILD_HOST=ci\nXEN_WHOAMI = me",
    });
    expect(o.buildValues).toEqual({ XEN_BUILD_HOST: "ci", XEN_WHOAMI: "me" });
    const e = configurationError({ "xen-source": "debian", "build-values": "HOSTNAME=x" });
    expect(e.input).toBe("build-values");
    expect(e.message).toContain("HOSTNAME=x");
  });

  it("takes patches in series order, and needs the tree they apply to", () => {
    const o = parse({
      "xen-source": "debian",
      patches: "b.patch\na.patch",
      "stack-mode": "cumulative",
    });
    expect(o.patches.map((p) => p.split("/").pop())).toEqual(["b.patch", "a.patch"]);
    expect(o.stackMode).toBe("cumulative");
    const e = configurationError({ patches: "fix.patch", payloads: "p.livepatch" });
    expect(e.input).toBe("patches");
    expect(e.message).toContain("xen-source");
  });

  it.each([
    ["fail-on", "sometimes"],
    ["stack-mode", "piled"],
    ["builder", "make"],
    ["kvm", "maybe"],
    ["self-test", "yes please"],
    ["ignore-init-changes", "sometimes"],
    ["retention-days", "ten"],
  ] as const)("rejects a bad value of %s, naming the input and the value", (input, value) => {
    const e = configurationError({ "xen-source": "debian", [input]: value });
    expect(e.input).toBe(input);
    expect(e.message).toContain(value);
  });

  it("takes a git URL with a ref, or a path, and refuses a ref without a git URL", () => {
    const git = parse({
      "xen-source": "https://example.invalid/xen.git",
      "xen-ref": "RELEASE-4.17.5",
    });
    expect(git.xenSource).toEqual({
      kind: "git",
      url: "https://example.invalid/xen.git",
      ref: "RELEASE-4.17.5",
    });
    expect(parse({ "xen-source": "./xen" }).xenSource).toEqual({
      kind: "path",
      path: "/work/space/xen",
    });
    expect(configurationError({ "xen-source": "debian", "xen-ref": "main" }).input).toBe("xen-ref");
  });

  it("takes defconfig or a configuration file", () => {
    expect(parse({ "xen-source": "debian" }).xenConfig).toBe("defconfig");
    expect(parse({ "xen-source": "debian", "xen-config": "ci/xen.config" }).xenConfig).toEqual({
      path: "/work/space/ci/xen.config",
    });
  });

  it("takes payload source directories, and refuses what does not fit them", () => {
    const o = parseOptions(
      {
        "xen-source": "debian",
        "payload-sources": "test/fixtures/payload-sources/stack_*",
        expectations: "auto",
      },
      root,
      "/cache",
      { "workflow-run": "https://example.invalid/run/1" },
    );
    expect(o.payloadSources).toEqual([
      join(root, "test/fixtures/payload-sources/stack_a"),
      join(root, "test/fixtures/payload-sources/stack_b"),
    ]);
    expect(o.expectations).toBe("auto");
    expect(o.metadata).toEqual({ "workflow-run": "https://example.invalid/run/1" });
    expect(configurationError({ "payload-sources": "src/" }).input).toBe("payload-sources");
    expect(
      configurationError({
        "xen-source": "debian",
        "payload-sources": "src/",
        "stack-mode": "cumulative",
      }).input,
    ).toBe("stack-mode");
    expect(configurationError({ "xen-source": "debian", expectations: "auto" }).input).toBe(
      "expectations",
    );
  });

  it("takes a scenario that fits the run, and refuses one that does not", () => {
    expect(
      parse({ "xen-source": "debian", "self-test": "true", scenario: "self-test" }).scenario,
    ).toBe("self-test");
    expect(
      parse({ "xen-source": "debian", scenario: "ci/boot.yml", payloads: "p.livepatch" }).scenario,
    ).toEqual({
      path: "/work/space/ci/boot.yml",
    });
    expect(configurationError({ payloads: "p.livepatch", scenario: "default" }).input).toBe(
      "scenario",
    );
    expect(configurationError({ "xen-source": "debian", scenario: "self-test" }).input).toBe(
      "scenario",
    );
    expect(configurationError({ "xen-source": "debian", scenario: "default" }).input).toBe(
      "scenario",
    );
  });

  it("takes checks and a dom0 kernel for the boot test only", () => {
    const o = parse({
      "xen-source": "debian",
      payloads: "p.livepatch",
      scenario: "default",
      checks: "true\n# note\ngrep -q x /f",
      "dom0-kernel": "k/bzImage",
    });
    expect(o.checks).toEqual(["true", "grep -q x /f"]);
    expect(o.dom0Kernel).toBe("/work/space/k/bzImage");
    expect(
      configurationError({ "xen-source": "debian", payloads: "p.livepatch", checks: "true" }).input,
    ).toBe("checks");
    expect(
      configurationError({ "xen-source": "debian", payloads: "p.livepatch", "dom0-kernel": "k" })
        .input,
    ).toBe("dom0-kernel");
  });

  it("refuses a run with nothing to do", () => {
    expect(configurationError({}).input).toBe("payloads");
    expect(configurationError({ "self-test": "true", payloads: "p.livepatch" }).input).toBe(
      "self-test",
    );
  });
});
