/**
 * The scenario format: a YAML file that says which payloads a boot test uses and what to
 * do with them, step by step, and what each step must show. docs/scenarios.md describes it
 * for users; this module parses and validates it, naming the line of every mistake.
 *
 *     name: hello then bye
 *     payloads:
 *       hello: xen_hello_world.livepatch
 *       bye: xen_bye_world.livepatch
 *     steps:
 *       - upload: hello
 *       - apply: hello
 *         check: cat /sys/hypervisor/version/extra
 *         output: { equals: Hello World }
 *         console: [ "hi_func: Hi! (called 1 times)", "Hook executing." ]
 *         list: { hello: { state: APPLIED, metadata: LIVEPATCH_RULEZ } }
 *       - revert: hello
 *         expect: refused
 *         refusal: "can't unload. Top is bye"
 *         errno: EBUSY
 *
 * A step's action (`upload`, `apply`, `run`, `key`, `list`, ...) is read by its kind's
 * module in steps/; what any step may add (`expect`, `check`/`output`, `console`, `list`)
 * is read here.
 */
import { XEN_LIVEPATCH_NAME_SIZE } from "../xen/abi.js";
import { readFile } from "node:fs/promises";
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node as YamlNode,
  type Pair,
  type YAMLMap,
  visit,
} from "yaml";
import { ConfigurationError } from "../util/errors.js";
import type { StepContext } from "./steps/kind.js";
import { ACTION_KEYS, STEP_KINDS, stepKind, type StepAction } from "./steps/index.js";
import type {
  ConsoleExpectation,
  ListExpectation,
  ListState,
  OutputCheck,
  Scenario,
  ScenarioPayload,
  ScenarioStep,
} from "./types.js";
import { isEmptyScalar, Problems, Validator } from "./validator.js";

export type {
  ConsoleExpectation,
  ListExpectation,
  ListState,
  OutputCheck,
  Scenario,
  ScenarioPayload,
  ScenarioStep,
} from "./types.js";
export type { StepAction } from "./steps/index.js";
export { formatErrno, type Errno } from "./validator.js";

/** Payload IDs: what Xen accepts (under XEN_LIVEPATCH_NAME_SIZE) and a shell needs no quotes for. */
const PAYLOAD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
export const MAX_PAYLOAD_NAME = XEN_LIVEPATCH_NAME_SIZE - 1;

export function isPayloadName(name: string): boolean {
  return name.length <= MAX_PAYLOAD_NAME && PAYLOAD_NAME.test(name);
}

const TOP_KEYS = ["name", "description", "payloads", "steps"] as const;
const STEP_KEYS = [
  ...ACTION_KEYS,
  "name",
  ...STEP_KINDS.flatMap((k) => k.options ?? []),
  "expect",
  "refusal",
  "errno",
  "check",
  "output",
  "console",
];
const OUTPUT_KEYS = ["contains", "equals", "matches", "lacks"] as const;
const LIST_ENTRY_KEYS = ["state", "metadata", "errno"] as const;

type StepPairs = Partial<Record<string, Pair<unknown, unknown>>>;

/** Reads and parses a scenario file (see parseScenario); an unreadable one is a `scenario` mistake. */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  const text = await readFile(path, "utf8").catch((e: Error) => {
    throw new ConfigurationError("scenario", `cannot read ${path}: ${e.message}`);
  });
  return parseScenario(text, path);
}

/**
 * Parses and validates a scenario. Every mistake found is reported, each as
 * `<file>:<line>: ...`, in one ConfigurationError for the input `scenario`.
 */
export function parseScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems = new Problems();
  const lineOf = (node: unknown): number => {
    const range = (node as YamlNode | null | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : 1;
  };
  const fail = () =>
    new ConfigurationError(
      "scenario",
      problems.list
        .sort((a, b) => a.line - b.line)
        .map((p) => `${file}:${p.line}: ${p.message}`)
        .join("\n"),
    );

  for (const err of doc.errors) {
    problems.add(lineCounter.linePos(err.pos[0]).line, yamlMessage(err.message));
  }
  if (problems.list.length) throw fail();
  // Anchors are fine, their use is not: an alias stands where the format reads a step or
  // a text, and would be misreported as one of the wrong kind.
  visit(doc, {
    Alias(_, node) {
      problems.add(
        lineOf(node),
        `a YAML alias (*${node.source}) or merge key (<<) is not supported in a scenario: write the step or value out`,
      );
    },
  });
  if (problems.list.length) throw fail();

  const root = doc.contents;
  if (!isMap(root)) {
    problems.add(
      lineOf(root),
      "a scenario is a mapping with `name`, `payloads` and `steps` (see docs/scenarios.md)",
    );
    throw fail();
  }
  const v = new Validator(problems, lineOf);
  const top = v.keys(root, TOP_KEYS, "at the top level");

  const name = top.name ? v.string(top.name.value, "name") : undefined;
  const description = top.description ? v.string(top.description.value, "description") : undefined;
  const payloads = parsePayloads(v, root, top.payloads);

  const steps: ScenarioStep[] = [];
  const stepsNode = top.steps?.value;
  if (!top.steps) {
    problems.add(lineOf(root), "`steps` is missing (a list of steps)");
  } else if (!isSeq(stepsNode) || stepsNode.items.length === 0) {
    problems.add(lineOf(stepsNode ?? top.steps.key), "`steps` must be a non-empty list of steps");
  } else {
    stepsNode.items.forEach((item, i) => {
      const step = parseStep(v, item, i + 1, payloads);
      if (step) steps.push(step);
    });
  }

  if (problems.list.length) throw fail();
  return {
    name: name ?? file.replace(/^.*\//, "").replace(/\.ya?ml$/, ""),
    ...(description !== undefined ? { description } : {}),
    file,
    source: text,
    payloads,
    steps,
  };
}

/** yaml's messages end with a position and a code excerpt; ours already name the line. */
function yamlMessage(message: string): string {
  return `YAML: ${message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`;
}

/** `payloads:`, names to files. */
function parsePayloads(
  v: Validator,
  root: YAMLMap,
  pair: Pair<unknown, unknown> | undefined,
): Record<string, ScenarioPayload> {
  const payloads: Record<string, ScenarioPayload> = {};
  if (!pair) {
    v.add(root, "`payloads` is missing (a mapping of names to payload files)");
  } else if (isMap(pair.value)) {
    for (const entry of pair.value.items) {
      const key = v.key(entry);
      if (key === undefined) continue;
      if (!isPayloadName(key)) {
        v.add(
          entry.key,
          `payload name "${key}" is not usable as Xen's payload ID (letters, digits, '_', '.', '-'; at most ${MAX_PAYLOAD_NAME} characters)`,
        );
        continue;
      }
      const f = v.string(entry.value, `the file of payload "${key}"`, v.lineOf(entry.key));
      if (f !== undefined) payloads[key] = { file: f, line: v.lineOf(entry.key) };
    }
  } else if (pair.value !== null && !isEmptyScalar(pair.value)) {
    v.add(pair.value, "`payloads` must map names to payload files");
  }
  return payloads;
}

/** One step: its action by its kind (steps/), then what any step may expect. */
function parseStep(
  v: Validator,
  node: unknown,
  index: number,
  payloads: Record<string, ScenarioPayload>,
): ScenarioStep | undefined {
  const line = v.lineOf(node);
  if (!isMap(node)) {
    v.add(
      node,
      `step ${index} must be a mapping such as \`- apply: NAME\` (actions: ${ACTION_KEYS.join(", ")})`,
    );
    return undefined;
  }
  const before = v.problemCount;
  const k: StepPairs = v.keys(node, STEP_KEYS, `in step ${index}`);
  const at: StepContext = { v, index, line, payloads };
  const { action, named } = parseAction(node, k, at);
  for (const kind of STEP_KINDS) {
    if (kind.parseOptions && kind.options?.some((o) => k[o])) {
      kind.parseOptions(k, action?.kind === kind.key ? action : undefined, named === kind.key, at);
    }
  }

  let expect: "success" | "refused" = "success";
  if (k.expect) {
    const value = v.string(k.expect.value, "`expect`", v.lineOf(k.expect.key));
    if (value === "success" || value === "refused") expect = value;
    else if (value !== undefined) {
      v.add(k.expect.value, `\`expect\` is "success" or "refused", not "${value}"`);
    }
  }
  for (const key of ["refusal", "errno"] as const) {
    if (k[key] && expect !== "refused") {
      v.add(k[key].key, `\`${key}\` describes a refusal: add \`expect: refused\` to this step`);
    }
  }
  const refusal = k.refusal
    ? v.string(k.refusal.value, "`refusal`", v.lineOf(k.refusal.key))
    : undefined;
  const errno = k.errno ? v.errno(k.errno.value, v.lineOf(k.errno.key)) : undefined;

  const check = k.check
    ? v.string(k.check.value, "`check` (a shell command)", v.lineOf(k.check.key))
    : undefined;
  const output = k.output ? parseOutput(v, k.output) : undefined;
  const console = k.console ? parseConsole(v, k.console) : [];
  const list = k.list ? parseList(v, k.list, payloads) : undefined;

  const name = k.name
    ? v.string(k.name.value, "`name`", v.lineOf(k.name.key))
    : action && defaultStepName(action);

  if (v.problemCount > before || !action) return undefined;
  return {
    index,
    line,
    name: name ?? `step ${index}`,
    action,
    expect,
    ...(refusal !== undefined ? { refusal } : {}),
    ...(errno !== undefined ? { errno } : {}),
    ...(check !== undefined ? { check } : {}),
    ...(output !== undefined ? { output } : {}),
    console,
    ...(list !== undefined ? { list } : {}),
  };
}

/**
 * The step's action, read by the kind whose key it has; `named` is the first action key
 * given. A kind that is an action only alone (`list`) counts when no other is given.
 */
function parseAction(
  node: YAMLMap,
  k: StepPairs,
  at: StepContext,
): { action?: StepAction; named?: string } {
  const { v, index } = at;
  const named = STEP_KINDS.filter((kind) => !kind.onlyAlone && k[kind.key]);
  if (named.length > 1) {
    v.add(
      node,
      `step ${index} has more than one action (${named.map((kind) => kind.key).join(", ")}); give each its own step`,
    );
    return { named: named[0]!.key };
  }
  if (named.length === 1) {
    const kind = named[0]!;
    const action = kind.parse(k[kind.key]!, at);
    return { ...(action ? { action } : {}), named: kind.key };
  }
  const alone = STEP_KINDS.find((kind) => kind.onlyAlone && k[kind.key]);
  if (alone) {
    const action = alone.parse(k[alone.key]!, at);
    return action ? { action } : {};
  }
  v.add(node, `step ${index} has no action: give one of ${ACTION_KEYS.join(", ")}`);
  return {};
}

function parseOutput(v: Validator, pair: Pair<unknown, unknown>): OutputCheck | undefined {
  const node = pair.value;
  const line = v.lineOf(pair.key);
  if (!isMap(node)) {
    v.add(node ?? pair.key, "`output` is a mapping of checks: contains, equals, matches, lacks");
    return undefined;
  }
  const k = v.keys(node, OUTPUT_KEYS, "in `output`");
  const out: OutputCheck = { contains: [], matches: [], lacks: [] };
  if (k.contains) out.contains = v.strings(k.contains.value, "`contains`", line);
  if (k.lacks) out.lacks = v.strings(k.lacks.value, "`lacks`", line);
  if (k.matches) {
    out.matches = v
      .strings(k.matches.value, "`matches`", line)
      .filter((re) => v.regex(re, k.matches!.value, "`matches` is not a valid regular expression"));
  }
  if (k.equals) {
    const value = k.equals.value;
    // `equals: ""` is allowed: a command that must print nothing.
    if (isScalar(value) && (value.value === "" || value.value === null)) out.equals = "";
    else out.equals = v.string(value, "`equals`", line);
  }
  if (!k.contains && !k.lacks && !k.matches && !k.equals) {
    v.add(pair.key, "`output` has no check: give contains, equals, matches or lacks");
  }
  return out;
}

function parseConsole(v: Validator, pair: Pair<unknown, unknown>): ConsoleExpectation[] {
  const node = pair.value;
  const items = isSeq(node) ? node.items : [node];
  const out: ConsoleExpectation[] = [];
  for (const item of items) {
    if (isMap(item)) {
      const k = v.keys(item, ["matches"] as const, "in a `console` entry");
      if (!k.matches) {
        v.add(item, "a `console` entry is a text, or `{ matches: REGEX }`");
        continue;
      }
      const re = v.string(k.matches.value, "`matches`", v.lineOf(k.matches.key));
      if (re !== undefined && v.regex(re, k.matches.value, "not a valid regular expression")) {
        out.push({ text: re, regex: true });
      }
      continue;
    }
    const text = v.string(
      item,
      "each `console` entry (a text of an expected Xen console line)",
      v.lineOf(pair.key),
    );
    if (text !== undefined) out.push({ text, regex: false });
  }
  return out;
}

function parseList(
  v: Validator,
  pair: Pair<unknown, unknown>,
  payloads: Record<string, ScenarioPayload>,
): ListExpectation[] | undefined {
  const node = pair.value;
  // `- list:` alone: just show the list.
  if (node === null || isEmptyScalar(node)) return [];
  if (!isMap(node)) {
    v.add(
      node,
      "`list` maps payload names to a state (CHECKED, APPLIED, absent) or to { state, metadata, errno }",
    );
    return undefined;
  }
  const out: ListExpectation[] = [];
  for (const entry of node.items) {
    const payload = v.key(entry);
    if (payload === undefined) continue;
    if (!Object.hasOwn(payloads, payload)) {
      v.add(entry.key, `\`list\`: no payload "${payload}" in \`payloads\``);
      continue;
    }
    const value = entry.value;
    if (isMap(value)) {
      const k = v.keys(value, LIST_ENTRY_KEYS, `in \`list\` for "${payload}"`);
      const line = v.lineOf(entry.key);
      const state = k.state ? parseState(v, k.state.value) : undefined;
      if (!k.state) v.add(entry.key, `\`list\` for "${payload}": \`state\` is missing`);
      const metadata = k.metadata ? v.strings(k.metadata.value, "`metadata`", line) : [];
      const errno = k.errno ? v.errno(k.errno.value, line) : undefined;
      if (state === "absent" && (metadata.length || errno)) {
        v.add(entry.key, `\`list\` for "${payload}": an absent payload has no metadata or errno`);
      }
      if (state) out.push({ payload, state, metadata, ...(errno ? { errno } : {}) });
    } else {
      const state = parseState(v, value ?? entry.key);
      if (state) out.push({ payload, state, metadata: [] });
    }
  }
  return out;
}

function parseState(v: Validator, node: unknown): ListState | undefined {
  if (isScalar(node) && typeof node.value === "string") {
    const s = node.value.trim();
    if (/^(checked|applied)$/i.test(s)) return s.toUpperCase() as ListState;
    if (/^absent$/i.test(s)) return "absent";
  }
  v.add(node, "a `list` state is CHECKED, APPLIED or absent");
  return undefined;
}

/** `apply hello --nodeps`, `run: cat /sys/...`: how a step is named when it has no `name`. */
export function defaultStepName(action: StepAction): string {
  return stepKind(action).defaultName(action);
}
