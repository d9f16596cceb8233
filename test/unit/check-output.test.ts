// A step's output checks judge what its command printed, not dom0's kernel log that the
// console interleaves with it (seen in a CI boot: the clocksource watchdog mid-step).
import { describe, expect, it } from "vitest";
import { checkConsole, checkOutput } from "../../src/scenario/run.js";

const CHECK = { contains: [], matches: [], lacks: [] };
const COMMAND = "cat /sys/hypervisor/compilation/compiler";
const INTERLEAVED = [
  "[    6.773399] clocksource:                       'xen' wd_nsec: 512416091 wd_now: 27cc5f12c",
  "[    6.776838] tsc: Marking TSC unstable due to clocksource watchdog",
  "livepatch-ci stack 1",
  "",
].join("\n");

describe("output checks", () => {
  it("leave out dom0's kernel log lines printed during the step", () => {
    expect(checkOutput({ ...CHECK, equals: "livepatch-ci stack 1" }, INTERLEAVED, COMMAND)).toEqual(
      [],
    );
    expect(checkOutput({ ...CHECK, lacks: ["clocksource"] }, INTERLEAVED, COMMAND)).toEqual([]);
  });

  it("still fail on what the command printed, showing the whole output", () => {
    const problems = checkOutput(
      { ...CHECK, equals: "livepatch-ci stack 2" },
      INTERLEAVED,
      COMMAND,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/to be "livepatch-ci stack 2", but it was/);
    expect(problems[0]).toMatch(/livepatch-ci stack 1/);
  });

  it("give a regular expression that backtracks without end a second, then fail it", () => {
    const hostile = "^(a+)+$";
    const printed = "a".repeat(40) + "b";
    const problems = checkOutput({ ...CHECK, matches: [hostile] }, printed, COMMAND);
    expect(problems).toEqual([
      `the output of \`${COMMAND}\`: the regular expression /${hostile}/ took more than 1 s (it backtracks without end on this output): write it without nested repetition`,
    ]);
    // (Without the limit this one match runs for minutes: 2^40 steps.)
    expect(checkConsole([{ text: hostile, regex: true }], ["(XEN) ok", printed])).toBe(
      `Xen's console: the regular expression /${hostile}/ took more than 1 s (it backtracks without end on this output): write it without nested repetition`,
    );
    // A pattern that matches still does.
    expect(
      checkOutput({ ...CHECK, matches: ["^livepatch-ci stack \\d$"] }, INTERLEAVED, COMMAND),
    ).toEqual([]);
  });
});
