// Which loader model a Xen version gets, to the point release, and what the rules say per
// version: the data that ../shared/xen-versions.md sections 2 and 8 give with commit ids.
import { describe, expect, it } from "vitest";
import { describeChange } from "../../src/xen/version.js";
import { ALTERNATIVES_REFUSED, XEN_BUILDID_CHECKED_EARLY } from "../../src/xen/changes.js";
import { XEN_DEPENDS_LATE } from "../../src/xen/loader-version.js";
import { XEN_4_17, XEN_4_20, XEN_4_21, loaderFor } from "../../src/verify/loader-model.js";
import { loaderOutcome, stepOf } from "../../src/verify/loader-order.js";
import {
  type Finding,
  RULE_BY_ID,
  type RuleId,
  loaderVerdictFor,
  ruleApplies,
  ruleVersions,
} from "../../src/verify/rules.js";
import { runCli } from "../helpers/cli.js";

const v = (text: string) => {
  const [major, minor, patch] = text.split(".").map(Number);
  return { major: major!, minor: minor!, patch, text };
};

describe("loaderFor", () => {
  it("exports for each named version exactly what loaderFor returns for it", () => {
    expect(XEN_4_20).toEqual(loaderFor({ major: 4, minor: 20, patch: 0, text: "4.20" }));
    expect(XEN_4_21).toEqual(loaderFor({ major: 4, minor: 21, patch: 0, text: "4.21" }));
    expect(loaderFor(undefined)).toBe(XEN_4_17);
    expect({ ...loaderFor({ major: 4, minor: 17 }), name: XEN_4_17.name }).toEqual(XEN_4_17);
    // 4.20.0 has no ALT_FLAG_NOT (4.20.1+), which the hand-written XEN_4_20 claimed it had.
    expect(XEN_4_20.alternatives.flagNot).toBe(false);
  });

  it("folds each change's consequences: 4.20's xen_depends steps and console lines", () => {
    expect(XEN_4_17.xenDepends.steps).toEqual({
      missing: "required-sections",
      note: "xen-depends-note",
      mismatch: "xen-build-id-late",
    });
    expect(XEN_4_20.xenDepends.steps.missing).toBe("xen-build-id");
    expect(XEN_4_17.xenDepends.lines.missing).toBe(": .livepatch.xen_depends is missing");
    expect(XEN_4_20.xenDepends.lines.missing).toBe(": section .livepatch.xen_depends is missing");
  });

  it.each([
    ["4.17.5", false, "EINVAL", false, false],
    ["4.17.7", false, "EINVAL", false, false],
    ["4.18.0", false, "EINVAL", false, false],
    ["4.18.3", false, "EINVAL", false, false],
    ["4.18.4", true, "ENODATA", true, false],
    ["4.18.6", true, "ENODATA", true, false],
    ["4.19.0", false, "EINVAL", false, false],
    ["4.19.1", true, "ENODATA", true, false],
    ["4.20.0", true, "ENODATA", true, false],
    ["4.20.4", true, "ENODATA", true, false],
    ["4.21.2", true, "ENODATA", true, true],
    ["4.22.0", true, "ENODATA", true, true],
  ] as const)(
    "Xen %s: build-id checked early %s, wrong note type %s, alternatives refused %s, .alt_call_sites %s",
    (text, early, errno, refused, altCalls) => {
      const model = loaderFor(v(text));
      expect(model.name).toBe(`Xen ${text}`);
      expect(model.xenDepends !== XEN_DEPENDS_LATE).toBe(early);
      expect(model.noteTypeErrno).toBe(errno);
      expect(model.alternatives.refused).toBe(refused);
      expect(model.altCallSites !== undefined).toBe(altCalls);
      expect(model.specialEntrySizes[".alt_call_sites"]).toBe(altCalls ? 4 : undefined);
    },
  );

  it("takes master (4.23-unstable, no point release) as the newest loader", () => {
    const model = loaderFor({ major: 4, minor: 23, patch: undefined, text: "4.23-unstable" });
    expect(model.name).toBe("Xen 4.23-unstable");
    expect([
      model.xenDepends !== XEN_DEPENDS_LATE,
      model.alternatives.refused,
      model.altCallSites,
    ]).toEqual([true, true, XEN_4_21.altCallSites]);
    expect(model.alternatives.capabilityWords).toBe(22);
  });

  it("uses 4.17's loader for an unknown or older hypervisor", () => {
    expect(loaderFor(undefined)).toBe(XEN_4_17);
    expect(loaderFor({ major: 4, minor: 16 })).toBe(XEN_4_17);
  });

  it("counts ALT_FLAG_NOT where it was backported (and on 4.17, the Debian base has it)", () => {
    expect(
      ["4.17.5", "4.18.4", "4.18.5", "4.19.2", "4.19.3", "4.20.0", "4.20.1", "4.21.0"].map(
        (t) => loaderFor(v(t)).alternatives.flagNot,
      ),
    ).toEqual([true, false, true, false, true, false, true, true]);
  });

  it("has NCAPINTS 21 up to 4.20 and 22 from 4.21, as the sources give it", () => {
    expect(
      ["4.17.5", "4.18.6", "4.19.6", "4.20.4", "4.21.2", "4.22.0"].map(
        (t) => loaderFor(v(t)).alternatives.capabilityWords,
      ),
    ).toEqual([21, 21, 21, 21, 22, 22]);
  });

  it("names the models' changes as data", () => {
    expect([XEN_4_17, XEN_4_20, XEN_4_21].map((m) => m.xenDepends !== XEN_DEPENDS_LATE)).toEqual([
      false,
      true,
      true,
    ]);
    expect(XEN_4_20.altCallSites).toBeUndefined();
  });
});

describe("rules per version", () => {
  const rule = (id: RuleId) => RULE_BY_ID.get(id)!;

  it("writes a change's releases as people do", () => {
    expect(describeChange(XEN_BUILDID_CHECKED_EARLY)).toBe("4.18.4+, 4.19.1+, 4.20+");
    expect(describeChange({ from: 21 })).toBe("4.21+");
  });

  it("altinstr-entry: a panic up to 4.18.3 and 4.19.0, a refused upload from 4.18.4, 4.19.1, 4.20", () => {
    const verdicts = ["4.17.7", "4.18.3", "4.18.4", "4.19.0", "4.19.1", "4.20.0", "4.21.2"].map(
      (t) => loaderVerdictFor(rule("altinstr-entry"), v(t)),
    );
    expect(verdicts).toEqual([
      "crashes",
      "crashes",
      "refuses-upload",
      "crashes",
      "refuses-upload",
      "refuses-upload",
      "refuses-upload",
    ]);
    expect(loaderVerdictFor(rule("altinstr-entry"), undefined)).toBe("crashes");
    expect(ruleVersions(rule("altinstr-entry"))).toEqual([
      `${describeChange(ALTERNATIVES_REFUSED)}: refuses-upload (aa5a06d5d6: refused at upload: ENOSPC, ENOSPC, ERANGE ("applying alternatives failed"))`,
    ]);
  });

  it("altcall-site applies from 4.21 only; rules without changes say nothing", () => {
    expect(["4.20.4", "4.21.0"].map((t) => ruleApplies(rule("altcall-site"), v(t)))).toEqual([
      false,
      true,
    ]);
    expect(ruleVersions(rule("altcall-site"))).toEqual(["only 4.21+ (d2fd5f0fcd)"]);
    expect(ruleVersions(rule("rela-type"))).toEqual([]);
  });

  it("note-invalid keeps its verdict and names both changes", () => {
    expect(loaderVerdictFor(rule("note-invalid"), v("4.20.4"))).toBe("refuses-upload");
    expect(ruleVersions(rule("note-invalid"))).toEqual([
      expect.stringMatching(/^4\.18\.4\+, 4\.19\.1\+, 4\.20\+: fa49f4be41: /),
      expect.stringMatching(/^4\.18\.4\+, 4\.19\.1\+, 4\.20\+: 86d09d16dd: .*ENODATA/),
    ]);
  });
});

describe("the loader's order: the first refusal", () => {
  const finding = (ruleId: RuleId, section?: string): Finding => ({
    ruleId,
    severity: "error",
    message: ruleId,
    file: "p.livepatch",
    location: section ? { section } : {},
  });
  const mismatch = finding("xen-depends-mismatch", ".livepatch.xen_depends");
  const unresolved = finding("symbol-unresolved");
  const badAlt = finding("altinstr-entry", ".altinstructions");

  it("4.17 resolves symbols before it compares xen_depends; 4.20 compares it first", () => {
    expect(loaderOutcome([mismatch, unresolved], XEN_4_17).finding).toBe(unresolved);
    expect(loaderOutcome([mismatch, unresolved], XEN_4_20).finding).toBe(mismatch);
    expect(stepOf(mismatch, XEN_4_17)).toBe("xen-build-id-late");
    expect(stepOf(mismatch, XEN_4_20)).toBe("xen-build-id");
  });

  it("a bad alternative panics 4.17 before its xen_depends check; 4.20 refuses the build-id first", () => {
    expect(loaderOutcome([mismatch, badAlt], XEN_4_17)).toEqual({
      verdict: "crashes",
      finding: badAlt,
      step: "alternatives-apply",
    });
    expect(loaderOutcome([mismatch, badAlt], XEN_4_20)).toEqual({
      verdict: "refuses-upload",
      finding: mismatch,
      step: "xen-build-id",
    });
    expect(loaderOutcome([badAlt], XEN_4_21).verdict).toBe("refuses-upload");
  });

  it("a missing xen_depends: after relocations on 4.17, before them from 4.20", () => {
    const missing = finding("section-missing", ".livepatch.xen_depends");
    const badRela = finding("rela-type", ".rela.text");
    expect(loaderOutcome([missing, badRela], XEN_4_17).finding).toBe(badRela);
    expect(loaderOutcome([missing, badRela], XEN_4_20).finding).toBe(missing);
    // Other required sections stay where they were.
    const depends = finding("section-missing", ".livepatch.depends");
    expect(loaderOutcome([depends, badRela], XEN_4_20).finding).toBe(badRela);
  });

  it("an empty .livepatch.funcs is check_patching_sections()'s, an empty depends check_special_sections()'s", () => {
    expect(stepOf(finding("section-empty", ".livepatch.funcs"), XEN_4_20)).toBe(
      "patching-sections",
    );
    expect(stepOf(finding("section-empty", ".livepatch.depends"), XEN_4_20)).toBe(
      "required-sections",
    );
    expect(stepOf(finding("section-empty", ".livepatch.xen_depends"), XEN_4_17)).toBe(
      "required-sections",
    );
    expect(stepOf(finding("section-empty", ".livepatch.xen_depends"), XEN_4_20)).toBe(
      "xen-build-id",
    );
  });

  it("a refused apply comes after every upload step; accepted defects refuse nothing", () => {
    const expect_ = finding("expect-mismatch", ".livepatch.funcs");
    expect(
      loaderOutcome([expect_, finding("modinfo-format", ".modinfo")], XEN_4_17).finding?.ruleId,
    ).toBe("modinfo-format");
    expect(loaderOutcome([finding("rodata-unreferenced")], XEN_4_20)).toEqual({
      verdict: "accepts",
    });
  });
});

describe("xen-livepatch-ci rules", () => {
  it("prints, under a rule, the releases where the loader differs and the ones it is limited to", async () => {
    const { code, stdout } = await runCli(["rules"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    const after = (id: string) => lines[lines.findIndex((l) => l.startsWith(`${id} `)) + 1];
    expect(after("altinstr-entry")).toBe(
      `${" ".repeat(26)}4.18.4+, 4.19.1+, 4.20+: refuses-upload (aa5a06d5d6: refused at upload: ENOSPC, ENOSPC, ERANGE ("applying alternatives failed"))`,
    );
    expect(lines.find((l) => l.startsWith("altinstr-entry "))).toMatch(
      /^altinstr-entry +error +crashes +Alternative Xen cannot apply/,
    );
    expect(after("altcall-site")).toBe(`${" ".repeat(26)}only 4.21+ (d2fd5f0fcd)`);
    // A rule without version differences is one line.
    expect(after("rela-type")).toMatch(/^rela-offset /);
  });

  it("gives each rule's versions in --json", async () => {
    const { stdout } = await runCli(["rules", "--json"]);
    const rules = JSON.parse(stdout) as Array<{ id: string; versions: string[]; since?: object }>;
    expect(rules.find((r) => r.id === "note-invalid")?.versions).toHaveLength(2);
    expect(rules.find((r) => r.id === "altcall-site")).toMatchObject({
      since: { commit: "d2fd5f0fcd", from: 21 },
      versions: ["only 4.21+ (d2fd5f0fcd)"],
    });
  });
});
