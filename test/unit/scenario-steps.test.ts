/** The step-kind table: every module of src/scenario/steps/ is a kind with its row. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_KEYS, STEP_KINDS } from "../../src/scenario/steps/index.js";
import { parseScenario } from "../../src/scenario/format.js";
import { planScenario } from "../../src/scenario/plan.js";

const DIR = join(import.meta.dirname, "..", "..", "src", "scenario", "steps");
/** The folder's modules that are not kinds: the interface, the table, the payload steps' factory. */
const NOT_KINDS = ["index.ts", "kind.ts", "payload.ts"];

describe("STEP_KINDS", () => {
  it("has one row per kind module, each key once", async () => {
    const modules = readdirSync(DIR).filter((f) => !NOT_KINDS.includes(f));
    const kinds = await Promise.all(
      modules.map(async (f) => {
        const exported: unknown[] = Object.values((await import(join(DIR, f))) as object);
        return exported.filter((x) => STEP_KINDS.includes(x as (typeof STEP_KINDS)[number]));
      }),
    );
    expect(kinds.map((k) => k.length)).toEqual(modules.map(() => 1));
    expect(kinds.flat()).toHaveLength(STEP_KINDS.length);
    expect(new Set(ACTION_KEYS).size).toBe(STEP_KINDS.length);
    expect(modules.map((f) => f.replace(/\.ts$/, "")).sort()).toEqual([...ACTION_KEYS].sort());
  });

  it("each kind's command and name, from a scenario", () => {
    const s = parseScenario(
      `payloads: { p: p.livepatch }
steps:
  - upload: p
  - apply: p
    nodeps: true
  - revert: p
  - replace: p
  - unload: p
  - run: echo hi
  - key: a
  - list:
`,
      "k.yml",
    );
    expect(s.steps.map((x) => x.name)).toEqual([
      "upload p",
      "apply p --nodeps",
      "revert p",
      "replace p",
      "unload p",
      "run: echo hi",
      "debug key 'a'",
      "list",
    ]);
    const commands = planScenario(s).steps.map((x) => x.commands.map((c) => c.command));
    expect(commands.slice(0, 6)).toEqual([
      ["xen-livepatch upload p /payloads/p.livepatch"],
      ["xen-livepatch apply p --nodeps"],
      ["xen-livepatch revert p"],
      ["xen-livepatch replace p"],
      ["xen-livepatch unload p"],
      ["echo hi"],
    ]);
    expect(commands[7]).toEqual(["xen-livepatch list"]);
  });
});
