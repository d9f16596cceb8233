/**
 * The command line's configuration file: a YAML mapping whose keys are the action's input
 * names (action.yml), so a `with:` block of a workflow pastes in as it is. Values become
 * the strings the runner would hand the action (a list becomes one item a line), and
 * `parseOptions` then validates them exactly as it does the action's inputs.
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { INPUT_DEFAULTS, type InputName, type RawInputs } from "./options.js";
import { ConfigurationError } from "./util/errors.js";

const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];

/** Reads and converts a configuration file; every mistake names the file and the key. */
export function readConfigFile(path: string): RawInputs {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ConfigurationError("--config", `cannot read ${path}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    throw new ConfigurationError("--config", `${path} is not valid YAML: ${(e as Error).message}`);
  }
  return configInputs(doc, path);
}

/** The inputs a parsed configuration document gives. `file` names it in errors. */
export function configInputs(doc: unknown, file: string): RawInputs {
  // An empty file is an empty configuration: every input at its default.
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== "object" || Array.isArray(doc)) {
    throw new ConfigurationError(
      "--config",
      `${file} must be a mapping of action input names to values (like a workflow step's "with:")`,
    );
  }
  const raw: RawInputs = {};
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (!(INPUT_NAMES as string[]).includes(key)) {
      const near = closestInput(key);
      throw new ConfigurationError(
        "--config",
        `${file}: "${key}" is not an input of this action${near ? `; did you mean "${near}"?` : ""} (the inputs are listed in action.yml and the README)`,
      );
    }
    raw[key as InputName] = inputValue(key as InputName, value, file);
  }
  return raw;
}

function inputValue(name: InputName, value: unknown, file: string): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    return value
      .map((item, i) => {
        if (typeof item === "string" || typeof item === "number" || typeof item === "boolean")
          return String(item);
        throw new ConfigurationError(
          name,
          `${file}: item ${i + 1} of the list is not a string, a number or true/false; give one path or value per item`,
        );
      })
      .join("\n");
  }
  // build-values reads naturally as a mapping; the action takes it as KEY=VALUE lines.
  if (name === "build-values" && typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join("\n");
  }
  throw new ConfigurationError(
    name,
    `${file}: expected a string, a number, true/false or a list, not a mapping`,
  );
}

/** The input a mistyped key most likely meant (underscores, case, a letter or two off). */
export function closestInput(key: string): string | undefined {
  const normal = key.toLowerCase().replaceAll("_", "-");
  if ((INPUT_NAMES as string[]).includes(normal)) return normal;
  let best: { name: string; distance: number } | undefined;
  for (const name of INPUT_NAMES) {
    const distance = editDistance(normal, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= 2 ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        previous[j]! + 1,
        row[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length]!;
}
