// Another Debian release's Xen as `xen-source: debian:VERSION`: scripts/provision.sh adds
// the suites named in XLCI_DEBIAN_SUITES (binary and source, pinned so nothing of this
// machine's distribution is replaced), and a version apt cannot fetch is refused naming
// the version and the suites that list it. Debian 13's 4.20 is the case: its index lists
// the source package; an archive that serves it gives the tree, one that does not (the one
// reachable here answers 404 for its files, checked 2026-12-07; its binary packages
// download) gives the error, which must then name what apt can fetch instead.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
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

  it("lists Debian 13's Xen source, and fetches it or refuses it naming the version and the suite", async () => {
    const versions = await debianSourceVersions();
    const trixie = versions.find((v) => v.suite === "trixie");
    expect(trixie?.version).toMatch(/^4\.20\./);
    const outcome = await fetchDebianSource({
      version: trixie!.version,
      cacheDir: mkdtempSync(join(tmpdir(), "xlci-trixie-")),
    }).then(
      (tree) => ({ tree, error: undefined }),
      (error: unknown) => ({ tree: undefined, error }),
    );
    if (outcome.tree) {
      // A full archive: the tree is Xen 4.20.
      const makefile = readFileSync(join(outcome.tree.root, "xen", "Makefile"), "utf8");
      expect(makefile).toMatch(/^export XEN_SUBVERSION\s*=\s*20$/m);
      return;
    }
    expect(outcome.error).toBeInstanceOf(ConfigurationError);
    const message = (outcome.error as Error).message;
    expect(message).toContain(`xen=${trixie!.version}`);
    expect(message).toMatch(/lists xen=\S+ in trixie/);
    expect(message).toMatch(/could not download it \(E: /);
    // What it can fetch instead: versions apt lists, never the one that failed.
    const fetchable = /Versions apt can fetch: (.*?)\. /.exec(message)?.[1];
    expect(fetchable).toBeDefined();
    const listed = versions.map((v) => v.version);
    for (const v of fetchable === "none" ? [] : fetchable!.split(", ")) {
      expect(listed).toContain(v);
      expect(v).not.toBe(trixie!.version);
    }
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
