// `xen-source: debian` is apt's candidate for the runner's Debian release, read from
// recorded `apt-cache policy 'xen-hypervisor-*-amd64'` output: a Debian 12 machine with
// trixie added at priority 1 by scripts/provision.sh (as recorded here), and one with an
// older version installed and a backport.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  compareDebianVersions,
  isReleaseName,
  parseAptPolicy,
  releaseCandidate,
  runnerRelease,
  sourceVersionOf,
} from "../../src/source/debian-policy.js";

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, "..", "fixtures", "apt-policy", name), "utf8");

describe("apt-cache policy", () => {
  it("reads each version's priority and suites, skipping the status file", () => {
    expect(parseAptPolicy(fixture("bookworm-with-trixie.txt"))).toEqual([
      {
        package: "xen-hypervisor-4.20-amd64",
        version: "4.20.4+63-g7abfd2bce2-0+deb13u1",
        priority: 1,
        suites: ["trixie", "trixie-security"],
      },
      {
        package: "xen-hypervisor-4.17-amd64",
        version: "4.17.7+13-g2445b30a44-0+deb12u1",
        priority: 500,
        suites: ["bookworm-security"],
      },
      {
        package: "xen-hypervisor-4.17-amd64",
        version: "4.17.5+72-g01140da4e8-1",
        priority: 500,
        suites: ["bookworm"],
      },
    ]);
    const installed = parseAptPolicy(fixture("installed-backports.txt"));
    expect(installed.find((v) => v.version.startsWith("4.17.3"))).toEqual({
      package: "xen-hypervisor-4.17-amd64",
      version: "4.17.3+10-g091466ba55-1~deb12u1",
      priority: 100,
      suites: [],
    });
  });

  it("bookworm's candidate is the security update, not trixie's newer 4.20 at priority 1", () => {
    const table = parseAptPolicy(fixture("bookworm-with-trixie.txt"));
    expect(releaseCandidate(table, "bookworm")).toEqual({
      package: "xen-hypervisor-4.17-amd64",
      version: "4.17.7+13-g2445b30a44-0+deb12u1",
      priority: 500,
      suites: ["bookworm-security"],
    });
    expect(releaseCandidate(table, "trixie")).toMatchObject({
      package: "xen-hypervisor-4.20-amd64",
      version: "4.20.4+63-g7abfd2bce2-0+deb13u1",
      suites: ["trixie", "trixie-security"],
    });
    expect(releaseCandidate(table, "forky")).toBeUndefined();
  });

  it("a backport at priority 100 loses to the release's own suites, as in apt", () => {
    const table = parseAptPolicy(fixture("installed-backports.txt"));
    expect(releaseCandidate(table, "bookworm")?.version).toBe("4.17.7+13-g2445b30a44-0+deb12u1");
    // Alone in the release, the backport is what apt would install.
    const backport = table.filter((v) => v.package === "xen-hypervisor-4.20-amd64");
    expect(releaseCandidate(backport, "bookworm")?.version).toBe(
      "4.20.4+63-g7abfd2bce2-0+deb13u1~bpo12+1",
    );
  });

  it("at equal priority the higher version wins, whatever apt's order of lines", () => {
    const table = parseAptPolicy(fixture("bookworm-with-trixie.txt")).reverse();
    expect(releaseCandidate(table, "bookworm")?.version).toBe("4.17.7+13-g2445b30a44-0+deb12u1");
  });
});

describe("Debian versions", () => {
  it("orders them as dpkg does", () => {
    const cases: Array<[string, string, number]> = [
      ["4.17.7+13-g2445b30a44-0+deb12u1", "4.17.5+72-g01140da4e8-1", 1],
      ["4.17.5+72-g01140da4e8-1", "4.17.5+72-g01140da4e8-1", 0],
      ["1.0~rc1-1", "1.0-1", -1],
      ["1.0-1", "1.0+b1-1", -1],
      ["1:0.1-1", "9.9-1", 1],
      ["4.20.4+63-g7abfd2bce2-0+deb13u1~bpo12+1", "4.20.4+63-g7abfd2bce2-0+deb13u1", -1],
      ["1.10-1", "1.9-1", 1],
      ["1.0a-1", "1.0-1", 1],
      ["1.0-1", "1.0", 1],
    ];
    for (const [a, b, sign] of cases)
      expect([a, b, Math.sign(compareDebianVersions(a, b))]).toEqual([a, b, sign]);
  });

  it("a binary-only rebuild's +bN is not part of the source version", () => {
    expect(sourceVersionOf("4.17.5+72-g01140da4e8-1+b1")).toBe("4.17.5+72-g01140da4e8-1");
    expect(sourceVersionOf("4.17.5+72-g01140da4e8-1")).toBe("4.17.5+72-g01140da4e8-1");
  });

  it("tells a release name from a version", () => {
    expect(isReleaseName("trixie")).toBe(true);
    expect(isReleaseName("4.17.5+72-g01140da4e8-1")).toBe(false);
  });
});

describe("the runner's release", () => {
  it("is Debian's codename, and bookworm (what provision.sh adds) elsewhere", () => {
    expect(
      runnerRelease(
        'PRETTY_NAME="Debian GNU/Linux 13 (trixie)"\nID=debian\nVERSION_CODENAME=trixie\n',
      ),
    ).toBe("trixie");
    expect(runnerRelease('NAME="Ubuntu"\nID=ubuntu\nVERSION_CODENAME=noble\n')).toBe("bookworm");
    expect(runnerRelease("")).toBe("bookworm");
  });
});
