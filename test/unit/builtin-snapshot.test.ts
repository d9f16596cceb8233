/**
 * The built-in scenarios' YAML, byte for byte, against a snapshot main's code wrote at
 * 2b913dc (before selfTestYaml and defaultScenario were built from named parts).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_CASES } from "../helpers/builtin-cases.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "scenario", "builtin-main-2b913dc");

describe("built-in scenarios match the snapshot from main at 2b913dc", () => {
  it("every case has its snapshot and every snapshot its case", () => {
    expect(readdirSync(DIR).sort()).toEqual(
      Object.keys(BUILTIN_CASES)
        .map((n) => `${n}.yaml`)
        .sort(),
    );
  });
  for (const [name, make] of Object.entries(BUILTIN_CASES)) {
    it(name, () => {
      expect(make().source).toBe(readFileSync(join(DIR, `${name}.yaml`), "utf8"));
    });
  }
});
