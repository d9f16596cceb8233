/**
 * The built-in scenarios a snapshot covers: the self-test for both Xen messages, and the
 * default scenario for the stack shapes it treats differently (stacked, independent, .data,
 * vetoing hooks, user checks, a custom name). test/unit/builtin-snapshot.test.ts compares
 * their YAML with test/fixtures/scenario/builtin-main-2b913dc/, written by main's code at
 * 2b913dc before builtin.ts was split into named parts.
 */
import {
  defaultScenario,
  selfTestScenario,
  type StackPayload,
} from "../../src/scenario/builtin.js";
import type { Scenario } from "../../src/scenario/format.js";

const EXTRA = "cat /sys/hypervisor/version/extra";

const stack = (...ps: Array<Partial<StackPayload> & { name: string }>): StackPayload[] =>
  ps.map((p) => ({
    file: `/out/${p.name}.livepatch`,
    reappliable: true,
    vetoingHooks: false,
    metadata: [],
    ...p,
  }));

/** File name (without .yaml) -> the scenario. */
export const BUILTIN_CASES: Record<string, () => Scenario> = {
  "self-test-4.17": () => selfTestScenario(),
  "self-test-4.17.5": () => selfTestScenario({ major: 4, minor: 17, patch: 5, text: "4.17.5" }),
  "self-test-4.20": () => selfTestScenario({ major: 4, minor: 20, patch: 0, text: "4.20.0" }),
  "default-stacked-pair-with-checks": () =>
    defaultScenario(
      stack(
        { name: "hello", reappliable: false, metadata: ["LIVEPATCH_RULEZ"] },
        { name: "bye", stackedOn: "hello" },
      ),
      {
        checks: [
          { command: EXTRA, output: { equals: "Bye World!" } },
          {
            command: "xl info",
            name: "xl info works",
            output: { contains: ["xen_version"], matches: "^host", lacks: ["error", "oops"] },
          },
          { command: "true" },
        ],
      },
    ),
  "default-independent-three": () =>
    defaultScenario(stack({ name: "a" }, { name: "b" }, { name: "c" })),
  "default-one-with-data": () =>
    defaultScenario(stack({ name: "p", reappliable: false, metadata: ["A=1", "B"] })),
  "default-one-vetoing-hooks": () => defaultScenario(stack({ name: "p", vetoingHooks: true })),
  "default-vetoing-below": () =>
    defaultScenario(stack({ name: "a", vetoingHooks: true }, { name: "b" }), { name: "mine" }),
  "default-chain-with-data-in-middle": () =>
    defaultScenario(
      stack(
        { name: "a" },
        { name: "b", stackedOn: "a", reappliable: false },
        { name: "c", stackedOn: "b" },
        { name: "d" },
      ),
    ),
  "default-last-with-data-over-others": () =>
    defaultScenario(stack({ name: "a", metadata: ["X=y"] }, { name: "b", reappliable: false }), {
      checks: [{ command: EXTRA, name: "the extra version" }],
    }),
};
