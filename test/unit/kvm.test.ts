// What the report and the job summary say about the boot's accelerator and the cache.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kvmStatus, kvmUse, kvmUseText } from "../../src/boot/kvm.js";
import { distributionId, guestCacheEntries } from "../../src/boot/guest-cache.js";
import { cacheUseLine } from "../../src/report/run-text.js";

describe("KVM", () => {
  it("says why a missing device cannot be used", async () => {
    const status = await kvmStatus("/nonexistent/kvm");
    expect(status).toEqual({
      usable: false,
      reason: expect.stringMatching(/^\/nonexistent\/kvm does not exist/) as string,
    });
  });

  it("a file that opens read-write counts as usable", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "xlci-kvm-")), "kvm");
    writeFileSync(file, "");
    expect(await kvmStatus(file)).toEqual({ usable: true });
  });

  it("puts the input, the detection and the boot together", () => {
    const denied = { usable: false as const, reason: "/dev/kvm is not read-write" };
    expect(kvmUse("auto", { usable: true }, { accel: "kvm" })).toEqual({ used: true });
    expect(kvmUse("auto", denied, { accel: "tcg" })).toEqual({
      used: false,
      reason: "/dev/kvm is not read-write",
    });
    expect(kvmUse("false", undefined, { accel: "tcg" }).reason).toBe("the kvm input is false");
    const fallback = kvmUse(
      "auto",
      { usable: true },
      {
        accel: "tcg",
        kvmFallback: { reason: "KVM internal error" },
      },
    );
    expect(kvmUseText(fallback)).toBe(
      "TCG (software emulation): KVM failed early, booted again with TCG: KVM internal error",
    );
  });
});

describe("cache", () => {
  it("keys the guest pieces by machine and distribution, and the tool by base", () => {
    const [assets, tool] = guestCacheEntries("/c", "c411992c96581bd1", "debian12");
    expect(assets!.key).toMatch(
      new RegExp(
        `^xen-livepatch-ci-guest-assets-${process.platform}-${process.arch}-debian12-[0-9a-f]{16}$`,
      ),
    );
    expect(assets!.paths).toEqual(["/c/guest"]);
    expect(tool!.key).toMatch(
      new RegExp(
        `^xen-livepatch-ci-guest-tool-${process.platform}-${process.arch}-c411992c96581bd1-[0-9a-f]{16}$`,
      ),
    );
    expect(tool!.paths).toEqual(["/c/guest-tool/c411992c96581bd1"]);
  });

  it("names the distribution from os-release", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "xlci-os-")), "os-release");
    writeFileSync(file, 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n');
    expect(await distributionId(file)).toBe("ubuntu24.04");
    expect(await distributionId("/nonexistent")).toBe("unknown");
  });

  it("says what happened to each entry", () => {
    expect(cacheUseLine({ entry: "base", key: "k", restored: "k" })).toBe("base: restored (k)");
    expect(cacheUseLine({ entry: "ccache", key: "k", restored: "k-old" })).toBe(
      "ccache: restored k-old, a partial match for k",
    );
    expect(cacheUseLine({ entry: "guest-tool", key: "k", saved: true })).toBe(
      "guest-tool: not in the cache, built and saved (k)",
    );
  });
});
