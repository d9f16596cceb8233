// Our SARIF, checked by Microsoft's SARIF multitool (the reference validator, from npm):
// no result may break the SARIF 2.1.0 specification (its SARIF1xxx rules).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { artifactUri, toSarif } from "../../src/report/sarif.js";
import { type Finding, RULES } from "../../src/verify/rules.js";

const findings: Finding[] = [
  {
    ruleId: "rela-symbol-zero",
    severity: "error",
    message: "relocation 3 has symbol index 0",
    file: "/work/space/out/a.livepatch",
    location: { section: ".rela.text.f", sectionIndex: 4, entry: 3, offset: 0x28 },
  },
  {
    ruleId: "rodata-unreferenced",
    severity: "warning",
    message: ".rodata.x is not referenced",
    file: "/elsewhere/b.livepatch",
    location: {},
  },
];

function validate(log: Log): Array<{ ruleId: string; level?: string; message: { text?: string } }> {
  const dir = mkdtempSync(join(tmpdir(), "sarif-"));
  writeFileSync(join(dir, "in.sarif"), JSON.stringify(log));
  const tool = createRequire(import.meta.url).resolve(
    "@microsoft/sarif-multitool-linux/Sarif.Multitool",
  );
  const run = spawnSync(tool, ["validate", join(dir, "in.sarif"), "-o", join(dir, "out.sarif")], {
    env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
    encoding: "utf8",
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  const out = JSON.parse(readFileSync(join(dir, "out.sarif"), "utf8")) as Log;
  return (out.runs[0]?.results ?? []) as Array<{
    ruleId: string;
    level?: string;
    message: { text?: string };
  }>;
}

describe("SARIF", () => {
  const log = toSarif(findings, "/work/space");

  it("passes the SARIF multitool's specification checks", () => {
    const problems = validate(log).filter(
      (r) => r.level === "error" || r.ruleId.startsWith("SARIF1"),
    );
    expect(problems).toEqual([]);
  });

  it("names files relative to the workspace when inside it, and keeps every rule", () => {
    const run = log.runs[0]!;
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const uris = run.results?.map((r) => r.locations?.[0]?.physicalLocation?.artifactLocation?.uri);
    expect(uris).toEqual(["out/a.livepatch", "file:///elsewhere/b.livepatch"]);
    expect(run.results?.[0]?.message.text).toContain(".rela.text.f [4], entry 3, offset 0x28");
    expect(run.results?.[0]?.level).toBe("error");
    expect(run.results?.[1]?.level).toBe("warning");
    const first = run.results![0]!;
    expect(run.tool.driver.rules?.[first.ruleIndex!]?.id).toBe("rela-symbol-zero");
  });

  it("percent-encodes artifact URIs (RFC 3986)", () => {
    expect(artifactUri("/work/space/out dir/a #1%ü.livepatch", "/work/space")).toBe(
      "out%20dir/a%20%231%25%C3%BC.livepatch",
    );
    expect(artifactUri("/elsewhere/b ?.livepatch", "/work/space")).toBe(
      "file:///elsewhere/b%20%3F.livepatch",
    );
  });
});
