/**
 * The pieces of a scenario's YAML every part of the format reads the same way: keys (with a
 * "did you mean" for a misspelt one), texts, lists of texts, regular expressions, errno
 * values and payload references. Each mistake is collected with its line; parseScenario
 * (format.ts) reports them all at once.
 */
import { isScalar, isSeq, type Pair, type YAMLMap } from "yaml";
import { ERRNO, errnoName } from "../livepatch/errno.js";
import { oneLine } from "../util/untrusted.js";

export interface Errno {
  /** The symbolic name where it is known (EINVAL). */
  name?: string;
  number: number;
}

export function formatErrno(e: Errno): string {
  return e.name ? `${e.name} (${e.number})` : String(e.number);
}

/** A mistake at a line; parseScenario collects them and throws them together. */
export class Problems {
  readonly list: Array<{ line: number; message: string }> = [];
  add(line: number, message: string): void {
    // Messages quote the scenario's own strings: a name with a newline stays on its line.
    this.list.push({ line, message: oneLine(message) });
  }
}

export function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && (node.value === null || node.value === "");
}

/** Reads YAML nodes, reporting to `problems` what is not what the format says. */
export class Validator {
  constructor(
    private readonly problems: Problems,
    /** The 1-based line a node starts on (1 for a missing node). */
    readonly lineOf: (node: unknown) => number,
  ) {}

  /** How many problems are known so far: a part that adds none is valid. */
  get problemCount(): number {
    return this.problems.list.length;
  }

  /** Reports a problem at `node`'s line, or at `line` when given. */
  add(node: unknown, message: string, line?: number): void {
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

  /** A payload name `action` refers to, which the scenario's `payloads` must declare. */
  payloadRef(
    node: unknown,
    action: string,
    payloads: Readonly<Record<string, unknown>>,
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
