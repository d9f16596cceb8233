import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  configKey,
  livepatchRequirements,
  loadXenConfig,
  mergedConfigText,
} from "../../src/base/config.js";

const file = (text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), "xlci-cfg-")), "xen.config");
  writeFileSync(path, text);
  return path;
};

describe("xen-config", () => {
  it("tells a full .config (Kconfig's header) from a fragment", async () => {
    const full = await loadXenConfig(
      file(
        "#\n# Automatically generated file; DO NOT EDIT.\n# Xen/x86 4.17.5 Configuration\n#\nCONFIG_X86_64=y\n",
      ),
    );
    expect(full.kind).toBe("full");
    const fragment = await loadXenConfig(file("# CONFIG_LIVEPATCH is not set\nCONFIG_NR_CPUS=16"));
    expect(fragment.kind).toBe("fragment");
    if (fragment.kind === "defconfig") throw new Error("kind");
    expect(fragment.text.endsWith("\n")).toBe(true);
  });

  it("names the file and line of something that is not Kconfig", async () => {
    const path = file("CONFIG_X86_64=y\nmake me fast\n");
    await expect(loadXenConfig(path)).rejects.toThrow(
      `xen-config: ${path}:2: "make me fast" is not a Kconfig line`,
    );
    await expect(loadXenConfig("/nonexistent.config")).rejects.toThrow(/xen-config: cannot read/);
  });

  it("appends a fragment after defconfig (later lines win) and replaces with a full file", () => {
    const fragment = { kind: "fragment" as const, path: "f", text: "CONFIG_NR_CPUS=16\n" };
    expect(mergedConfigText("CONFIG_NR_CPUS=256\n", fragment)).toMatch(
      /CONFIG_NR_CPUS=256\n[\s\S]*CONFIG_NR_CPUS=16\n$/,
    );
    expect(
      mergedConfigText("CONFIG_A=y\n", { kind: "full", path: "f", text: "CONFIG_B=y\n" }),
    ).toBe("CONFIG_B=y\n");
    expect(configKey({ kind: "defconfig" })).toBe("defconfig");
    expect(configKey(fragment)).toMatch(/^fragment:[0-9a-f]{64}$/);
  });

  it("asks for CONFIG_LIVEPATCH=y and refuses a non-x86-64 target", () => {
    expect(livepatchRequirements("CONFIG_X86_64=y\nCONFIG_LIVEPATCH=y\n")).toEqual([]);
    expect(livepatchRequirements("CONFIG_X86_64=y\n# CONFIG_LIVEPATCH is not set\n")).toEqual([
      "CONFIG_LIVEPATCH=y",
    ]);
    expect(() => livepatchRequirements("CONFIG_ARM_64=y\n")).toThrow(/not for x86-64/);
  });

  it("asks for CONFIG_SYSCTL=y where the tree has it (4.21+), not where it does not", () => {
    const off = "CONFIG_X86_64=y\n# CONFIG_SYSCTL is not set\n# CONFIG_LIVEPATCH is not set\n";
    expect(livepatchRequirements(off)).toEqual(["CONFIG_LIVEPATCH=y", "CONFIG_SYSCTL=y"]);
    expect(livepatchRequirements("CONFIG_X86_64=y\nCONFIG_SYSCTL=y\nCONFIG_LIVEPATCH=y\n")).toEqual(
      [],
    );
    expect(livepatchRequirements("CONFIG_X86_64=y\nCONFIG_LIVEPATCH=y\n")).toEqual([]);
  });
});
