import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { TREE_PLACEHOLDER } from "../../src/base/packaging.js";
import {
  defaultBuildValues,
  parseChangelogDate,
  xenDateValues,
  type BuildValues,
} from "../../src/base/build-values.js";
import { xenBuildKey, xenMakeInvocations } from "../../src/base/xen.js";

const CHANGELOG = `xen (4.17.5+72-g01140da4e8-1) bookworm-security; urgency=medium

  * Update to new upstream version.

 -- Hans van Kranenburg <hans@knorrie.org>  Sat, 29 Nov 2025 14:52:25 +0100

xen (4.17.5-1) bookworm; urgency=medium

  * Older entry.

 -- Maximilian Engelhardt <maxi@daemonizer.de>  Wed, 19 Feb 2025 00:00:27 +0100
`;

const VALUES: BuildValues = {
  XEN_BUILD_DATE: "Sat Nov 29 13:52:25 UTC 2025",
  XEN_BUILD_TIME: "13:52:25",
  XEN_BUILD_HOST: "xen-livepatch-ci",
  XEN_WHOAMI: "builder",
  XEN_DOMAIN: "localdomain",
};

describe("build value defaults", () => {
  it("take the newest changelog entry's date, in UTC", () => {
    expect(parseChangelogDate(CHANGELOG).toISOString()).toBe("2025-11-29T13:52:25.000Z");
    expect(defaultBuildValues(parseChangelogDate(CHANGELOG))).toEqual(VALUES);
  });

  it("format the date the way Xen's default `LC_ALL=C date` does", () => {
    const date = new Date("2024-03-05T07:08:09Z"); // single-digit day: date pads it with a space
    const shown = execFileSync("date", ["-d", "@" + date.getTime() / 1000], {
      env: { ...process.env, LC_ALL: "C", TZ: "UTC" },
      encoding: "utf8",
    }).trim();
    expect(xenDateValues(date)).toEqual({ XEN_BUILD_DATE: shown, XEN_BUILD_TIME: "07:08:09" });
    expect(shown).toBe("Tue Mar  5 07:08:09 UTC 2024");
  });

  it("refuse a changelog without a dated trailer", () => {
    expect(() => parseChangelogDate("xen (1.0-1) unstable; urgency=low\n")).toThrow(/changelog/);
  });
});

describe("xenMakeInvocations", () => {
  const common = { tree: "/b/t", jobs: 4, buildValues: VALUES, path: "/ccache-bin:/usr/bin" };

  it("runs defconfig and the build, with the pinned values", () => {
    const runs = xenMakeInvocations({ ...common, ccacheDir: "/cache/ccache" });
    expect(runs.map((r) => [r.cmd, ...r.args].join(" "))).toEqual([
      "make -C xen defconfig",
      "make -C xen -j4",
    ]);
    for (const run of runs) {
      expect(run.env).toEqual({
        ...VALUES,
        PATH: "/ccache-bin:/usr/bin",
        LC_ALL: "C",
        CCACHE_DIR: "/cache/ccache",
      });
    }
  });

  it("passes the packaging's arguments for this tree; the given values win over its exports", () => {
    const runs = xenMakeInvocations({
      ...common,
      recipe: {
        kind: "debian",
        makeArgs: [
          "CC=x86_64-linux-gnu-gcc",
          `EXTRA_CFLAGS_XEN_CORE=-ffile-prefix-map=${TREE_PLACEHOLDER}=.`,
        ],
        env: { XEN_BUILD_DATE: "packaging's", DEB_VERSION: "1.0-1" },
        differences: [],
      },
    });
    expect(runs[1]?.args).toEqual([
      "-C",
      "xen",
      "-j4",
      "CC=x86_64-linux-gnu-gcc",
      "EXTRA_CFLAGS_XEN_CORE=-ffile-prefix-map=/b/t=.",
    ]);
    expect(runs[1]?.env).toMatchObject({ ...VALUES, DEB_VERSION: "1.0-1" });
  });

  it("leaves out CCACHE_DIR without ccache", () => {
    const runs = xenMakeInvocations({ ...common });
    expect(runs.map((r) => r.args.join(" "))).toEqual(["-C xen defconfig", "-C xen -j4"]);
    expect(runs[0]?.env).not.toHaveProperty("CCACHE_DIR");
  });
});

describe("xenBuildKey", () => {
  const inputs = {
    source: { kind: "debian", package: "xen", version: "4.17.5+72-g01140da4e8-1" } as const,
    config: "defconfig",
    compiler: "gcc (Debian 12.2.0-14+deb12u1) 12.2.0",
    buildValues: VALUES,
  };

  it("is 16 hex digits, independent of key order", () => {
    const key = xenBuildKey(inputs);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    const reversed = Object.fromEntries(Object.entries(VALUES).reverse()) as BuildValues;
    const { source, config, compiler } = inputs;
    const reordered = { buildValues: reversed, compiler, config, source };
    expect(xenBuildKey(reordered)).toBe(key);
  });

  it("changes with anything that changes the output", () => {
    const key = xenBuildKey(inputs);
    expect(xenBuildKey({ ...inputs, compiler: "gcc 13" })).not.toBe(key);
    expect(xenBuildKey({ ...inputs, buildValues: { ...VALUES, XEN_WHOAMI: "x" } })).not.toBe(key);
  });
});
