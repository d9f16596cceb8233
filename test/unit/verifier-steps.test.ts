// The verifier as Xen's loader steps (src/verify/steps/index.ts): every rule owned by
// exactly one step, the steps' declarations consistent, loader-order.ts's table derived
// from them, and a step whose input step failed not run.
import { describe, expect, it } from "vitest";
import { LOADER_STEPS } from "../../src/xen/loader-version.js";
import { loaderFor } from "../../src/verify/loader-model.js";
import { stepOf } from "../../src/verify/loader-order.js";
import { type Finding, RULE_BY_ID, RULES } from "../../src/verify/rules.js";
import {
  FindingList,
  RULE_LOADER_STEP,
  RULE_OWNER,
  STEPS,
  type StepContext,
  type VerifierStep,
  runSteps,
} from "../../src/verify/steps/index.js";

describe("rule ownership", () => {
  it("every rule has exactly one owning step", () => {
    for (const rule of RULES) {
      const owners = STEPS.filter((s) => Object.hasOwn(s.rules, rule.id)).map((s) => s.name);
      expect([rule.id, owners.length], `${rule.id}: ${owners.join(", ")}`).toEqual([rule.id, 1]);
    }
    expect(RULE_OWNER.size).toBe(RULES.length);
  });

  it("every rule a step owns exists, and its loader step is one of Xen's", () => {
    for (const step of STEPS) {
      for (const [id, loaderStep] of Object.entries(step.rules)) {
        expect(RULE_BY_ID.has(id), `${step.name} owns unknown rule ${id}`).toBe(true);
        expect(LOADER_STEPS).toContain(loaderStep);
      }
    }
  });

  it("a step breaks only on its own rules and needs only earlier steps", () => {
    const names = STEPS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    STEPS.forEach((step, i) => {
      for (const id of step.breaks ?? []) expect(Object.keys(step.rules)).toContain(id);
      for (const need of step.needs ?? []) expect(names.slice(0, i)).toContain(need);
    });
  });

  it("loader-order.ts places a rule at the loader step its owner declares", () => {
    const version = loaderFor(undefined);
    for (const rule of RULES) {
      const finding: Finding = {
        ruleId: rule.id,
        severity: rule.severity,
        message: "",
        file: "p.livepatch",
        location: {},
      };
      expect([rule.id, stepOf(finding, version)]).toEqual([rule.id, RULE_LOADER_STEP.get(rule.id)]);
    }
  });

  it("the placed-payload checks need the steps whose defects make the model meaningless", () => {
    const placement = STEPS.find((s) => s.name === "placement")!;
    expect(placement.needs).toEqual(["elf-load", "symbols", "relocations"]);
    for (const name of ["alternatives-placed", "alt-calls", "ex-table", "bug-frames"])
      expect(STEPS.find((s) => s.name === name)!.needs).toEqual(["placement"]);
  });
});

describe("runSteps", () => {
  const ran: string[] = [];
  const step = (name: string, more: Partial<VerifierStep> = {}): VerifierStep => ({
    name,
    basis: "test",
    rules: {},
    run: () => void ran.push(name),
    ...more,
  });

  it("does not run a step whose needed step failed or did not run, and says why", () => {
    ran.length = 0;
    const out = new FindingList("p.livepatch");
    const ctx = { out } as unknown as StepContext;
    const outcomes = runSteps(
      [
        step("a", {
          rules: { "elf-header": "elf-load" },
          breaks: ["elf-header"],
          run: () => {
            ran.push("a");
            out.add("elf-header", "bad");
          },
        }),
        step("b"),
        step("c", { needs: ["a"] }),
        step("d", { needs: ["c"] }),
        step("e", { needs: ["b"] }),
      ],
      ctx,
    );
    expect(ran).toEqual(["a", "b", "e"]);
    expect(outcomes).toEqual([
      { step: "a", status: "failed", rules: ["elf-header"] },
      { step: "b", status: "passed" },
      { step: "c", status: "not-run", because: "a" },
      { step: "d", status: "not-run", because: "c" },
      { step: "e", status: "passed" },
    ]);
  });
});
