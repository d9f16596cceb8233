// The scenario format: what parses into what, and the line every mistake is reported at.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScenario } from "../../src/scenario/format.js";
import { ConfigurationError } from "../../src/util/errors.js";

/** The message of the ConfigurationError parseScenario throws for `text`. */
function problems(text: string, file = "s.yml"): string[] {
  try {
    parseScenario(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as ConfigurationError).input).toBe("scenario");
    return (err as Error).message.replace(/^scenario: /, "").split("\n");
  }
  throw new Error("expected a ConfigurationError");
}

const HEAD = `name: t
payloads:
  hello: xen_hello_world.livepatch
  bye: sub/xen_bye_world.livepatch
steps:
`;

describe("parseScenario", () => {
  it("reads every kind of step with its expectations", () => {
    const s = parseScenario(
      `${HEAD}  - upload: hello
  - apply: bye
    nodeps: true
    name: bye alone
  - revert: hello
    expect: refused
    refusal: "can't unload. Top is bye"
    errno: EBUSY
  - replace: bye
    expect: refused
    errno: 95
  - unload: hello
    list: { hello: absent }
  - run: cat /sys/hypervisor/version/extra
    output: { equals: .5 }
  - apply: hello
    check: cat /sys/hypervisor/version/extra
    output:
      contains: [Hello, World]
      matches: "^Hello"
      lacks: Bye
    console:
      - "hi_func: Hi! (called 1 times)"
      - { matches: "finished APPLY with rc=0$" }
    list:
      hello: { state: applied, metadata: LIVEPATCH_RULEZ, errno: 22 }
      bye: CHECKED
  - list:
`,
      "dir/s.yml",
    );
    expect(s.name).toBe("t");
    expect(s.file).toBe("dir/s.yml");
    expect(s.payloads).toEqual({
      hello: { file: "xen_hello_world.livepatch", line: 3 },
      bye: { file: "sub/xen_bye_world.livepatch", line: 4 },
    });
    expect(s.steps.map((x) => [x.index, x.line, x.name])).toEqual([
      [1, 6, "upload hello"],
      [2, 7, "bye alone"],
      [3, 10, "revert hello"],
      [4, 14, "replace bye"],
      [5, 17, "unload hello"],
      [6, 19, "run: cat /sys/hypervisor/version/extra"],
      [7, 21, "apply hello"],
      [8, 33, "list"],
    ]);
    expect(s.steps[1]!.action).toEqual({ kind: "apply", payload: "bye", nodeps: true });
    expect(s.steps[2]).toMatchObject({
      expect: "refused",
      refusal: "can't unload. Top is bye",
      errno: { name: "EBUSY", number: 16 },
    });
    expect(s.steps[3]!.errno).toEqual({ name: "EOPNOTSUPP", number: 95 });
    expect(s.steps[4]!.list).toEqual([{ payload: "hello", state: "absent", metadata: [] }]);
    // YAML would read `.5` as the number 0.5; a check means the text as written.
    expect(s.steps[5]!.output?.equals).toBe(".5");
    expect(s.steps[6]).toMatchObject({
      expect: "success",
      check: "cat /sys/hypervisor/version/extra",
      output: { contains: ["Hello", "World"], matches: ["^Hello"], lacks: ["Bye"] },
      console: [
        { text: "hi_func: Hi! (called 1 times)", regex: false },
        { text: "finished APPLY with rc=0$", regex: true },
      ],
      list: [
        {
          payload: "hello",
          state: "APPLIED",
          metadata: ["LIVEPATCH_RULEZ"],
          errno: { name: "EINVAL", number: 22 },
        },
        { payload: "bye", state: "CHECKED", metadata: [] },
      ],
    });
    expect(s.steps[7]).toMatchObject({ action: { kind: "list" }, list: [] });
  });

  it("names the scenario after its file when it has no name", () => {
    const s = parseScenario(
      "payloads: { a: a.livepatch }\nsteps: [ { upload: a } ]\n",
      "x/my-test.yaml",
    );
    expect(s.name).toBe("my-test");
  });

  it("reports YAML syntax errors at their line", () => {
    expect(problems(`${HEAD}  - upload: hello\n  - apply: [hello\n`)).toEqual([
      expect.stringMatching(/^s\.yml:8: YAML: /),
    ]);
    expect(problems(`${HEAD}  - upload: hello\n    upload: bye\n`)).toEqual([
      "s.yml:7: YAML: Map keys must be unique",
    ]);
  });

  it("reports every mistake, each with its line, in line order", () => {
    const lines = problems(`name: t
payload:
  hello: x.livepatch
steps:
  - aply: hello
`);
    expect(lines).toEqual([
      "s.yml:1: `payloads` is missing (a mapping of names to payload files)",
      's.yml:2: unknown key "payload" at the top level (did you mean "payloads"?); allowed: name, description, payloads, steps',
      's.yml:5: unknown key "aply" in step 1 (did you mean "apply"?); allowed: upload, apply, revert, replace, unload, run, key, list, name, nodeps, expect, refusal, errno, check, output, console',
      "s.yml:5: step 1 has no action: give one of upload, apply, revert, replace, unload, run, key, list",
    ]);
  });

  it("reads a debug-key step, and refuses a key that is not one printable character", () => {
    const s = parseScenario(`${HEAD}  - key: a\n    console: ["Dumping timer queues"]\n`, "s.yml");
    expect(s.steps[0]!.action).toEqual({ kind: "key", key: "a" });
    expect(s.steps[0]!.name).toBe("debug key 'a'");
    expect(problems(`${HEAD}  - key: ab\n  - key: ""\n`)).toEqual([
      expect.stringMatching(
        /^s\.yml:6: `key` is one printable character, a Xen debug key .*not "ab"$/,
      ),
      "s.yml:7: `key` takes one Xen debug key, which must be a non-empty text",
    ]);
  });

  it("checks the steps' actions and their payloads", () => {
    expect(
      problems(`${HEAD}  - apply: nosuch
  - run: echo hi
    upload: hello
  - revert: hello
    nodeps: true
  - apply: hello
    nodeps: yes
  - just a string
  - run: ""
`),
    ).toEqual([
      's.yml:6: `apply: nosuch`: no payload "nosuch" in `payloads` (there: hello, bye)',
      "s.yml:7: step 2 has more than one action (upload, run); give each its own step",
      "s.yml:10: `nodeps` belongs to an `apply` step (xen-livepatch apply NAME --nodeps)",
      "s.yml:12: `nodeps` is true or false",
      "s.yml:13: step 5 must be a mapping such as `- apply: NAME` (actions: upload, apply, revert, replace, unload, run, key, list)",
      "s.yml:14: `run` takes a shell command, which must be a non-empty text",
    ]);
  });

  it("checks expectations: refusals, errno, output, console, list", () => {
    expect(
      problems(`${HEAD}  - apply: hello
    refusal: x
    errno: EBUSY
  - apply: hello
    expect: failure
  - apply: hello
    expect: refused
    errno: EWHAT
  - run: "true"
    output: { contain: x, matches: "(" }
  - run: "true"
    output: {}
  - run: "true"
    console: [ "ok", { regex: x }, [1] ]
  - list: { nosuch: APPLIED, hello: running, bye: { metadata: x } }
  - list: { hello: { state: absent, errno: 22 } }
`),
    ).toEqual([
      "s.yml:7: `refusal` describes a refusal: add `expect: refused` to this step",
      "s.yml:8: `errno` describes a refusal: add `expect: refused` to this step",
      's.yml:10: `expect` is "success" or "refused", not "failure"',
      expect.stringMatching(
        /^s\.yml:13: errno must be a positive number or one of EPERM, ENOENT, /,
      ),
      's.yml:15: unknown key "contain" in `output` (did you mean "contains"?); allowed: contains, equals, matches, lacks',
      "s.yml:15: `matches` is not a valid regular expression: Invalid regular expression: /(/m: Unterminated group",
      "s.yml:17: `output` has no check: give contains, equals, matches or lacks",
      's.yml:19: unknown key "regex" in a `console` entry; allowed: matches',
      "s.yml:19: a `console` entry is a text, or `{ matches: REGEX }`",
      "s.yml:19: each `console` entry (a text of an expected Xen console line) must be a non-empty text",
      's.yml:20: `list`: no payload "nosuch" in `payloads`',
      "s.yml:20: a `list` state is CHECKED, APPLIED or absent",
      's.yml:20: `list` for "bye": `state` is missing',
      's.yml:21: `list` for "hello": an absent payload has no metadata or errno',
    ]);
  });

  it("names YAML aliases and merge keys as what is not supported", () => {
    expect(
      problems(`name: t
payloads:
  hello: a.livepatch
steps:
  - &up
    upload: hello
  - *up
  - <<: *up
    name: merged
`),
    ).toEqual([
      "s.yml:7: a YAML alias (*up) or merge key (<<) is not supported in a scenario: write the step or value out",
      "s.yml:8: a YAML alias (*up) or merge key (<<) is not supported in a scenario: write the step or value out",
    ]);
  });

  it("keeps a name with a newline on the message's one line", () => {
    expect(
      problems(`name: t\npayloads:\n  "bad\\n::error::x": a.livepatch\nsteps: [ { list: } ]\n`)[0],
    ).toBe(
      `s.yml:3: payload name "bad\\n:\\x3aerror:\\x3ax" is not usable as Xen's payload ID (letters, digits, '_', '.', '-'; at most 127 characters)`,
    );
  });

  it("rejects payload names Xen or the shell could not take", () => {
    expect(
      problems(`payloads:
  "two words": a.livepatch
  ${"x".repeat(128)}: b.livepatch
  ok: 
steps: [ { list: } ]
`),
    ).toEqual([
      `s.yml:2: payload name "two words" is not usable as Xen's payload ID (letters, digits, '_', '.', '-'; at most 127 characters)`,
      `s.yml:3: payload name "${"x".repeat(128)}" is not usable as Xen's payload ID (letters, digits, '_', '.', '-'; at most 127 characters)`,
      's.yml:4: the file of payload "ok" must be a non-empty text',
    ]);
  });

  it("needs a mapping with steps", () => {
    expect(problems("- a\n- b\n")).toEqual([
      "s.yml:1: a scenario is a mapping with `name`, `payloads` and `steps` (see docs/scenarios.md)",
    ]);
    expect(problems("payloads: {}\nsteps: []\n")).toEqual([
      "s.yml:2: `steps` must be a non-empty list of steps",
    ]);
  });
});

describe("docs/scenarios.md", () => {
  it("shows an example that parses", () => {
    const doc = readFileSync(join(import.meta.dirname, "..", "..", "docs", "scenarios.md"), "utf8");
    const example = /```yaml\n([\s\S]*?)```/.exec(doc)![1]!;
    const s = parseScenario(example, "docs/scenarios.md");
    expect(s.name).toBe("hello then bye");
    expect(s.steps.map((x) => x.name)).toContain("bye before hello is refused");
  });
});
