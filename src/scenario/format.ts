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
} from "yaml";
import { ERRNO, errnoName } from "../livepatch/errno.js";
import { ConfigurationError } from "../util/errors.js";

/** The steps that drive `xen-livepatch`, each naming one payload. */
export const PAYLOAD_ACTIONS = ["upload", "apply", "revert", "replace", "unload"] as const;
export type PayloadAction = (typeof PAYLOAD_ACTIONS)[number];

export type StepAction =
  | { kind: PayloadAction; payload: string; nodeps?: boolean }
  /** A shell command in dom0 (busybox sh). */
  | { kind: "run"; command: string }
  /** A Xen debug key typed on the serial line (Xen's input switch, then the key). */
  | { kind: "key"; key: string }
  /** `xen-livepatch list` on its own. */
  | { kind: "list" };

/** What a step's output must show; every check given must hold. */
export interface OutputCheck {
  /** Texts the output must contain. */
  contains: string[];
  /** The whole output, surrounding whitespace trimmed. */
  equals?: string;
  /** Regular expressions (JavaScript syntax, multiline) the output must match. */
  matches: string[];
  /** Texts the output must not contain. */
  lacks: string[];
}

/** One line expected on Xen's console: a text it contains, or a regular expression. */
export interface ConsoleExpectation {
  text: string;
  regex: boolean;
}

export type ListState = "CHECKED" | "APPLIED" | "absent";

/** What `xen-livepatch list` must show for one payload. */
export interface ListExpectation {
  payload: string;
  state: ListState;
  /** Entries the metadata column (`.modinfo`, `;`-separated) must hold, each whole. */
  metadata: string[];
  /** The error the status column shows, e.g. `CHECKED (22, Invalid argument)`. */
  errno?: Errno;
}

export interface Errno {
  /** The symbolic name where it is known (EINVAL). */
  name?: string;
  number: number;
}

export interface ScenarioStep {
  /** 1-based position in the scenario. */
  index: number;
  /** The line of the step in the scenario file. */
  line: number;
  /** The step's `name`, or one made from the action (`apply hello --nodeps`). */
  name: string;
  action: StepAction;
  expect: "success" | "refused";
  /** A text the tool's output or Xen's console shows when the step is refused. */
  refusal?: string;
  /** The error the tool reports for a refusal (`Error 22: Invalid argument`). */
  errno?: Errno;
  /** A command run after the action; `output` then checks its output instead. */
  check?: string;
  output?: OutputCheck;
  /** Xen console lines expected during the step, in this order (others may come between). */
  console: ConsoleExpectation[];
  /** What `xen-livepatch list` must show after the step. */
  list?: ListExpectation[];
}

export interface ScenarioPayload {
  /** The file as written in the scenario (resolved by whoever runs it). */
  file: string;
  line: number;
}

export interface Scenario {
  name: string;
  description?: string;
  /** Where the scenario came from, for messages (a path, or `builtin:<name>`). */
  file: string;
  /** The YAML text, so that reports can show what the line numbers refer to. */
  source: string;
  /** Payload names (the IDs the hypervisor knows them by) and their files. */
  payloads: Record<string, ScenarioPayload>;
  steps: ScenarioStep[];
}

export function formatErrno(e: Errno): string {
  return e.name ? `${e.name} (${e.number})` : String(e.number);
}

/** Payload IDs: what Xen accepts (under XEN_LIVEPATCH_NAME_SIZE) and a shell needs no quotes for. */
const PAYLOAD_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
export const MAX_PAYLOAD_NAME = XEN_LIVEPATCH_NAME_SIZE - 1;

export function isPayloadName(name: string): boolean {
  return name.length <= MAX_PAYLOAD_NAME && PAYLOAD_NAME.test(name);
}

const TOP_KEYS = ["name", "description", "payloads", "steps"] as const;
const STEP_KEYS = [
  ...PAYLOAD_ACTIONS,
  "run",
  "key",
  "list",
  "name",
  "nodeps",
  "expect",
  "refusal",
  "errno",
  "check",
  "output",
  "console",
] as const;
const OUTPUT_KEYS = ["contains", "equals", "matches", "lacks"] as const;
const LIST_ENTRY_KEYS = ["state", "metadata", "errno"] as const;

/** A mistake at a line; parseScenario collects them and throws them together. */
class Problems {
  readonly list: Array<{ line: number; message: string }> = [];
  add(line: number, message: string): void {
    this.list.push({ line, message });
  }
}

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

  const payloads: Record<string, ScenarioPayload> = {};
  if (!top.payloads) {
    problems.add(lineOf(root), "`payloads` is missing (a mapping of names to payload files)");
  } else if (isMap(top.payloads.value)) {
    for (const pair of top.payloads.value.items) {
      const key = v.key(pair);
      if (key === undefined) continue;
      if (!isPayloadName(key)) {
        problems.add(
          lineOf(pair.key),
          `payload name "${key}" is not usable as Xen's payload ID (letters, digits, '_', '.', '-'; at most ${MAX_PAYLOAD_NAME} characters)`,
        );
        continue;
      }
      const f = v.string(pair.value, `the file of payload "${key}"`, lineOf(pair.key));
      if (f !== undefined) payloads[key] = { file: f, line: lineOf(pair.key) };
    }
  } else if (top.payloads.value !== null && !isEmptyScalar(top.payloads.value)) {
    problems.add(lineOf(top.payloads.value), "`payloads` must map names to payload files");
  }

  const steps: ScenarioStep[] = [];
  const stepsNode = top.steps?.value;
  if (!top.steps) {
    problems.add(lineOf(root), "`steps` is missing (a list of steps)");
  } else if (!isSeq(stepsNode) || stepsNode.items.length === 0) {
    problems.add(lineOf(stepsNode ?? top.steps.key), "`steps` must be a non-empty list of steps");
  } else {
    stepsNode.items.forEach((item, i) => {
      const step = v.step(item, i + 1, payloads);
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

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === "");
}

class Validator {
  constructor(
    private readonly problems: Problems,
    private readonly lineOf: (node: unknown) => number,
  ) {}

  private add(node: unknown, message: string, line?: number): void {
    this.problems.add(line ?? this.lineOf(node), message);
  }

  key(pair: Pair): string | undefined {
    if (isScalar(pair.key) && typeof pair.key.value === "string") return pair.key.value;
    if (isScalar(pair.key) && typeof pair.key.value === "number") return String(pair.key.value);
    this.add(pair.key, "keys must be plain names");
    return undefined;
  }

  /** The pairs of a mapping by key, reporting keys outside `allowed`. */
  keys<K extends string>(
    map: YAMLMap,
    allowed: readonly K[],
    where: string,
  ): Partial<Record<K, Pair<unknown, unknown>>> {
    const out: Partial<Record<K, Pair<unknown, unknown>>> = {};
    for (const pair of map.items) {
      const key = this.key(pair);
      if (key === undefined) continue;
      if (!(allowed as readonly string[]).includes(key)) {
        const hint = closest(key, allowed);
        this.add(
          pair.key,
          `unknown key "${key}" ${where}${hint ? ` (did you mean "${hint}"?)` : ""}; allowed: ${allowed.join(", ")}`,
        );
        continue;
      }
      out[key as K] = pair;
    }
    return out;
  }

  /** A non-empty string (numbers and booleans written in YAML are taken as their text). */
  string(node: unknown, what: string, line?: number): string | undefined {
    const value: unknown = isScalar(node) ? node.value : undefined;
    // A number or boolean as written (`equals: .5` is the text ".5", not 0.5).
    const s =
      typeof value === "string"
        ? value
        : (typeof value === "number" || typeof value === "boolean") && isScalar(node)
          ? (node.source ?? String(value))
          : undefined;
    if (s !== undefined && s.trim() !== "") return s;
    this.add(node, `${what} must be a non-empty text`, node ? undefined : line);
    return undefined;
  }

  /** One string or a list of strings. */
  strings(node: unknown, what: string, line: number): string[] {
    if (isSeq(node)) {
      return node.items.flatMap((item) => {
        const s = this.string(item, `each entry of ${what}`, line);
        return s === undefined ? [] : [s];
      });
    }
    const s = this.string(node, what, line);
    return s === undefined ? [] : [s];
  }

  regex(source: string, node: unknown, what: string): boolean {
    try {
      new RegExp(source, "m");
      return true;
    } catch (err) {
      this.add(node, `${what}: ${(err as Error).message}`);
      return false;
    }
  }

  errno(node: unknown, line: number): Errno | undefined {
    const raw = isScalar(node) ? node.value : undefined;
    const value =
      typeof raw === "string" || typeof raw === "number" ? String(raw).trim().toUpperCase() : "";
    const number = ERRNO[value] ?? (/^[1-9]\d*$/.test(value) ? Number(value) : undefined);
    if (number !== undefined) {
      const name = errnoName(number);
      return name ? { name, number } : { number };
    }
    this.add(
      node,
      `errno must be a positive number or one of ${Object.keys(ERRNO).join(", ")}`,
      node ? undefined : line,
    );
    return undefined;
  }

  payloadRef(
    node: unknown,
    action: string,
    payloads: Record<string, ScenarioPayload>,
  ): string | undefined {
    const name = this.string(node, `\`${action}\` names a payload and`);
    if (name === undefined) return undefined;
    if (!Object.hasOwn(payloads, name)) {
      const known = Object.keys(payloads);
      this.add(
        node,
        `\`${action}: ${name}\`: no payload "${name}" in \`payloads\`` +
          (known.length ? ` (there: ${known.join(", ")})` : ""),
      );
      return undefined;
    }
    return name;
  }

  step(
    node: unknown,
    index: number,
    payloads: Record<string, ScenarioPayload>,
  ): ScenarioStep | undefined {
    const line = this.lineOf(node);
    if (!isMap(node)) {
      this.add(
        node,
        `step ${index} must be a mapping such as \`- apply: NAME\` (actions: ${[...PAYLOAD_ACTIONS, "run", "key", "list"].join(", ")})`,
      );
      return undefined;
    }
    const before = this.problems.list.length;
    const k = this.keys(node, STEP_KEYS, `in step ${index}`);

    const actionKeys = [...PAYLOAD_ACTIONS, "run" as const, "key" as const].filter((a) => k[a]);
    let action: StepAction | undefined;
    if (actionKeys.length > 1) {
      this.add(
        node,
        `step ${index} has more than one action (${actionKeys.join(", ")}); give each its own step`,
      );
    } else if (actionKeys.length === 1) {
      const kind = actionKeys[0]!;
      const pair = k[kind]!;
      if (kind === "run") {
        const command = this.string(pair.value, "`run` takes a shell command, which", line);
        if (command !== undefined) action = { kind: "run", command };
      } else if (kind === "key") {
        const key = this.string(pair.value, "`key` takes one Xen debug key, which", line);
        // Printable, and not the input switch (CTRL-a) nor a character the shell quotes.
        if (key !== undefined && !/^[!-~]$/.test(key)) {
          this.add(
            pair.value,
            `\`key\` is one printable character, a Xen debug key such as a or '+' (Xen lists them for key h), not "${key}"`,
          );
        } else if (key !== undefined) action = { kind: "key", key };
      } else {
        const payload = this.payloadRef(pair.value, kind, payloads);
        if (payload !== undefined) action = { kind, payload };
      }
    } else if (k.list) {
      action = { kind: "list" };
    } else {
      this.add(
        node,
        `step ${index} has no action: give one of ${[...PAYLOAD_ACTIONS, "run", "key", "list"].join(", ")}`,
      );
    }

    if (k.nodeps) {
      const value = k.nodeps.value;
      if (!isScalar(value) || typeof value.value !== "boolean") {
        this.add(value ?? k.nodeps.key, "`nodeps` is true or false");
      } else if (actionKeys[0] !== "apply") {
        this.add(
          k.nodeps.key,
          "`nodeps` belongs to an `apply` step (xen-livepatch apply NAME --nodeps)",
        );
      } else if (action?.kind === "apply" && value.value) {
        action.nodeps = true;
      }
    }

    let expect: "success" | "refused" = "success";
    if (k.expect) {
      const value = this.string(k.expect.value, "`expect`", this.lineOf(k.expect.key));
      if (value === "success" || value === "refused") expect = value;
      else if (value !== undefined) {
        this.add(k.expect.value, `\`expect\` is "success" or "refused", not "${value}"`);
      }
    }
    const refusalOnly = (key: "refusal" | "errno") => {
      if (k[key] && expect !== "refused") {
        this.add(
          k[key].key,
          `\`${key}\` describes a refusal: add \`expect: refused\` to this step`,
        );
      }
    };
    refusalOnly("refusal");
    refusalOnly("errno");
    const refusal = k.refusal
      ? this.string(k.refusal.value, "`refusal`", this.lineOf(k.refusal.key))
      : undefined;
    const errno = k.errno ? this.errno(k.errno.value, this.lineOf(k.errno.key)) : undefined;

    const check = k.check
      ? this.string(k.check.value, "`check` (a shell command)", this.lineOf(k.check.key))
      : undefined;
    const output = k.output ? this.output(k.output) : undefined;
    const console = k.console ? this.console(k.console) : [];
    const list = k.list ? this.list(k.list, payloads) : undefined;

    const name = k.name
      ? this.string(k.name.value, "`name`", this.lineOf(k.name.key))
      : action && defaultStepName(action);

    if (this.problems.list.length > before || !action) return undefined;
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

  output(pair: Pair<unknown, unknown>): OutputCheck | undefined {
    const node = pair.value;
    const line = this.lineOf(pair.key);
    if (!isMap(node)) {
      this.add(
        node ?? pair.key,
        "`output` is a mapping of checks: contains, equals, matches, lacks",
      );
      return undefined;
    }
    const k = this.keys(node, OUTPUT_KEYS, "in `output`");
    const out: OutputCheck = { contains: [], matches: [], lacks: [] };
    if (k.contains) out.contains = this.strings(k.contains.value, "`contains`", line);
    if (k.lacks) out.lacks = this.strings(k.lacks.value, "`lacks`", line);
    if (k.matches) {
      out.matches = this.strings(k.matches.value, "`matches`", line).filter((re) =>
        this.regex(re, k.matches!.value, "`matches` is not a valid regular expression"),
      );
    }
    if (k.equals) {
      const value = k.equals.value;
      // `equals: ""` is allowed: a command that must print nothing.
      if (isScalar(value) && (value.value === "" || value.value === null)) out.equals = "";
      else out.equals = this.string(value, "`equals`", line);
    }
    if (!k.contains && !k.lacks && !k.matches && !k.equals) {
      this.add(pair.key, "`output` has no check: give contains, equals, matches or lacks");
    }
    return out;
  }

  console(pair: Pair<unknown, unknown>): ConsoleExpectation[] {
    const node = pair.value;
    const items = isSeq(node) ? node.items : [node];
    const out: ConsoleExpectation[] = [];
    for (const item of items) {
      if (isMap(item)) {
        const k = this.keys(item, ["matches"] as const, "in a `console` entry");
        if (!k.matches) {
          this.add(item, "a `console` entry is a text, or `{ matches: REGEX }`");
          continue;
        }
        const re = this.string(k.matches.value, "`matches`", this.lineOf(k.matches.key));
        if (re !== undefined && this.regex(re, k.matches.value, "not a valid regular expression")) {
          out.push({ text: re, regex: true });
        }
        continue;
      }
      const text = this.string(
        item,
        "each `console` entry (a text of an expected Xen console line)",
        this.lineOf(pair.key),
      );
      if (text !== undefined) out.push({ text, regex: false });
    }
    return out;
  }

  list(
    pair: Pair<unknown, unknown>,
    payloads: Record<string, ScenarioPayload>,
  ): ListExpectation[] | undefined {
    const node = pair.value;
    // `- list:` alone: just show the list.
    if (node === null || isEmptyScalar(node)) return [];
    if (!isMap(node)) {
      this.add(
        node,
        "`list` maps payload names to a state (CHECKED, APPLIED, absent) or to { state, metadata, errno }",
      );
      return undefined;
    }
    const out: ListExpectation[] = [];
    for (const entry of node.items) {
      const payload = this.key(entry);
      if (payload === undefined) continue;
      if (!Object.hasOwn(payloads, payload)) {
        this.add(entry.key, `\`list\`: no payload "${payload}" in \`payloads\``);
        continue;
      }
      const value = entry.value;
      if (isMap(value)) {
        const k = this.keys(value, LIST_ENTRY_KEYS, `in \`list\` for "${payload}"`);
        const line = this.lineOf(entry.key);
        const state = k.state ? this.state(k.state.value) : undefined;
        if (!k.state) this.add(entry.key, `\`list\` for "${payload}": \`state\` is missing`);
        const metadata = k.metadata ? this.strings(k.metadata.value, "`metadata`", line) : [];
        const errno = k.errno ? this.errno(k.errno.value, line) : undefined;
        if (state === "absent" && (metadata.length || errno)) {
          this.add(
            entry.key,
            `\`list\` for "${payload}": an absent payload has no metadata or errno`,
          );
        }
        if (state) out.push({ payload, state, metadata, ...(errno ? { errno } : {}) });
      } else {
        const state = this.state(value ?? entry.key);
        if (state) out.push({ payload, state, metadata: [] });
      }
    }
    return out;
  }

  state(node: unknown): ListState | undefined {
    if (isScalar(node) && typeof node.value === "string") {
      const v = node.value.trim();
      if (/^(checked|applied)$/i.test(v)) return v.toUpperCase() as ListState;
      if (/^absent$/i.test(v)) return "absent";
    }
    this.add(node, "a `list` state is CHECKED, APPLIED or absent");
    return undefined;
  }
}

/** `apply hello --nodeps`, `run: cat /sys/...`: how a step is named when it has no `name`. */
export function defaultStepName(action: StepAction): string {
  switch (action.kind) {
    case "run":
      return `run: ${action.command}`;
    case "key":
      return `debug key '${action.key}'`;
    case "list":
      return "list";
    default:
      return `${action.kind} ${action.payload}${action.nodeps ? " --nodeps" : ""}`;
  }
}

/** The allowed word nearest to a misspelt one (at most two edits away). */
function closest(word: string, allowed: readonly string[]): string | undefined {
  let best: { word: string; d: number } | undefined;
  for (const candidate of allowed) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d <= 2 && (!best || d < best.d)) best = { word: candidate, d };
  }
  return best?.word;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}
