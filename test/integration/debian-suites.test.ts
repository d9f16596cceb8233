// Another Debian release's Xen as `xen-source: debian:VERSION`: scripts/provision.sh adds
// the suites named in XLCI_DEBIAN_SUITES (binary and source, pinned so nothing of this
// machine's distribution is replaced), and a version apt cannot fetch is refused naming
// the version and the suites that list it. Debian 13's 4.20 is the case: its index lists
// the source package, but the archive reachable here answers 404 for its files (checked
// 2026-11-29; its binary packages download).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { debianSourceVersions, fetchDebianSource } from "../../src/source/debian.js";
import { ConfigurationError } from "../../src/util/errors.js";

const root = join(import.meta.dirname, "..", "..");

describe("Debian suites beside the machine's own", () => {
  beforeAll(() => {
    execFileSync("bash", [join(root, "scripts", "provision.sh")], {
      env: { ...process.env, XLCI_DEBIAN_SUITES: "trixie" },
      stdio: ["ignore", "ignore", "inherit"],
    });
  }, 600_000);

  it("adds trixie's binary and source entries, pinned to priority 1", () => {
    expect(existsSync("/etc/apt/sources.list.d/xlci-trixie.sources")).toBe(true);
    const policy = execFileSync("apt-cache", ["policy"], { encoding: "utf8" });
    // Every trixie line apt knows is at priority 1.
    const trixie = policy.split("\n").filter((l) => / trixie(-\w+)?\/main /.test(l));
    expect(trixie.length).toBeGreaterThan(0);
    for (const line of trixie) expect(line.trim()).toMatch(/^1 /);
    // Nothing installed would be upgraded from it.
    const upgrade = execFileSync("apt-get", ["-s", "upgrade"], { encoding: "utf8" });
    expect(upgrade.split("\n").filter((l) => l.startsWith("Inst") && l.includes("trixie"))).toEqual(
      [],
    );
  });

  it("lists Debian 13's Xen source, and refuses it naming the version and the suite", async () => {
    const versions = await debianSourceVersions();
    const trixie = versions.find((v) => v.suite === "trixie");
    expect(trixie?.version).toMatch(/^4\.20\./);
    const error = await fetchDebianSource({
      version: trixie!.version,
      cacheDir: mkdtempSync(join(tmpdir(), "xlci-trixie-")),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain(`xen=${trixie!.version}`);
    expect(message).toMatch(/lists xen=\S+ in trixie/);
    expect(message).toContain("404");
  }, 300_000);

  it("refuses a version no suite lists, naming the versions apt knows", async () => {
    const error = await fetchDebianSource({
      version: "4.99.0-1",
      cacheDir: mkdtempSync(join(tmpdir(), "xlci-trixie-")),
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain("xen=4.99.0-1");
    expect((error as Error).message).toMatch(/4\.20\.\S+ \(trixie\)/);
    expect((error as Error).message).toContain("XLCI_DEBIAN_SUITES");
  }, 300_000);
});
