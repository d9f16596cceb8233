// The workflows users copy (workflows/) and this repository's own CI (.github/workflows/)
// must be valid workflows: jobs that exist where they are needed, artifacts downloaded
// under the names they were uploaded with, only inputs this action declares, every
// third-party action pinned to a full commit id with its version in a comment, the least
// permissions, and KVM reachable wherever a boot test runs.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KVM_UDEV_RULE } from "../../src/boot/kvm.js";

const root = join(import.meta.dirname, "..", "..");
const action = parse(readFileSync(join(root, "action.yml"), "utf8")) as {
  inputs: Record<string, unknown>;
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  "runs-on": string;
  needs?: string | string[];
  permissions?: Record<string, string> | string;
  container?: { image: string; options?: string };
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: unknown;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const dirs = ["workflows", ".github/workflows"];
const files = dirs.flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(".yml"))
    .map((f) => join(dir, f)),
);
const isOurs = (uses: string | undefined) =>
  uses !== undefined && (uses === "./" || /(^|\/)xen-livepatch-ci@/.test(uses));

it("there are the three workflows users copy: a PR check, a release, a matrix", () => {
  expect(files).toEqual(
    expect.arrayContaining([
      "workflows/pr-check.yml",
      "workflows/release.yml",
      "workflows/matrix.yml",
      ".github/workflows/ci.yml",
    ]),
  );
});

describe.each(files)("%s", (file) => {
  const text = readFileSync(join(root, file), "utf8");
  const workflow = parse(text) as Workflow;
  const jobs = Object.entries(workflow.jobs);
  const steps = jobs.flatMap(([, job]) => job.steps);
  const ours = steps.filter((s) => isOurs(s.uses));

  it("is a workflow whose jobs run on a runner, have steps, and need jobs that exist", () => {
    expect(workflow.on).toBeDefined();
    for (const [name, job] of jobs) {
      expect(job["runs-on"], name).toBeTruthy();
      expect(job.steps.length, name).toBeGreaterThan(0);
      for (const need of [job.needs ?? []].flat())
        expect(Object.keys(workflow.jobs)).toContain(need);
    }
  });

  it("uses this action with declared inputs only", () => {
    if (file.startsWith("workflows/")) expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      for (const input of Object.keys(step.with ?? {}))
        expect(Object.keys(action.inputs)).toContain(input);
    }
  });

  it("pins third-party actions to a commit, with the version in a comment", () => {
    for (const step of steps.filter((s) => s.uses && !isOurs(s.uses))) {
      expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
    for (const line of text
      .split("\n")
      .filter((l) => /uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40}/.test(l)))
      expect(line).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
  });

  it("gives each job the least permissions: read by default, writes only where needed", () => {
    for (const [name, job] of jobs) {
      const permissions = job.permissions ?? workflow.permissions;
      expect(permissions, `${name} has no permissions block`).toBeDefined();
      expect(permissions, name).not.toBe("write-all");
      const writes = Object.entries(typeof permissions === "object" ? permissions : {})
        .filter(([, level]) => level === "write")
        .map(([scope]) => scope)
        .sort();
      const uses = job.steps.filter((s) => isOurs(s.uses)).map((s) => s.with ?? {});
      const needed = new Set<string>();
      for (const w of uses) {
        if (w.upload === "release" || w.upload === "both") needed.add("contents");
        if (w.attest === "true" || w.attest === true) needed.add("id-token").add("attestations");
      }
      expect(writes, name).toEqual([...needed].sort());
    }
  });

  it("downloads only artifacts an earlier job uploads", () => {
    const uploaded = steps
      .filter((s) => s.uses?.startsWith("actions/upload-artifact@"))
      .map((s) => String(s.with?.name));
    for (const s of steps.filter((s) => s.uses?.startsWith("actions/download-artifact@")))
      expect(uploaded).toContain(String(s.with?.name));
  });

  it("gives KVM to every job that boot-tests", () => {
    for (const [name, job] of jobs) {
      const boots = job.steps.some(
        (s) => isOurs(s.uses) && s.with?.scenario !== undefined && s.with.scenario !== "none",
      );
      if (!boots) continue;
      // Root in a container opens the device passed in; on the runner itself the udev rule
      // opens it to the runner's user.
      const device = job.container?.options?.includes("--device /dev/kvm") ?? false;
      const udev = job.steps.some((s) => s.run?.includes(KVM_UDEV_RULE));
      expect(device || udev, `${name} boots without KVM`).toBe(true);
    }
  });

  it("keeps a matrix the same in every job that shares it", () => {
    const matrices = jobs
      .map(([, job]) => job.strategy?.matrix.xen)
      .filter((m): m is unknown[] => Array.isArray(m) && typeof m[0] === "object");
    for (const m of matrices) expect(m).toEqual(matrices[0]);
  });
});

it("the udev rule in this repository's CI is the one the action's messages point to", () => {
  const ci = readFileSync(join(root, ".github/workflows/ci.yml"), "utf8");
  expect(ci).toContain(KVM_UDEV_RULE);
});
