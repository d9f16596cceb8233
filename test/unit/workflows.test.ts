// The workflows users copy must be valid YAML, use only inputs this action declares, and
// pin every third-party action to a full commit id.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "..", "..");
const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, unknown>;
};
const files = readdirSync(join(root, "workflows")).filter((f) => f.endsWith(".yml"));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}

describe.each(files)("workflows/%s", (file) => {
  const workflow = parse(readFileSync(join(root, "workflows", file), "utf8")) as {
    on: unknown;
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it("is a workflow with jobs and triggers", () => {
    expect(workflow.on).toBeDefined();
    expect(steps.length).toBeGreaterThan(0);
  });

  it("uses this action with declared inputs only", () => {
    const ours = steps.filter((s) => s.uses?.includes("xen-livepatch-ci"));
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      for (const input of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(input);
    }
  });

  it("pins third-party actions to a commit", () => {
    for (const step of steps.filter((s) => s.uses && !s.uses.includes("xen-livepatch-ci"))) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
  });
});
