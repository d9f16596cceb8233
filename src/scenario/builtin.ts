/**
 * The built-in scenarios: `default` for the user's payload stack (here), and `self-test` for
 * Xen's in-tree test payloads (xen/test/livepatch, self-test.ts). Both are scenarios in the
 * ordinary format, so they parse, run and report like a user's file, and their YAML can be
 * shown or saved.
 */
import { Document, isSeq, type Node as YamlNode } from "yaml";
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE } from "../elf/constants.js";
import type { Payload } from "../livepatch/payload.js";
import { ConfigurationError } from "../util/errors.js";
import { isPayloadName, MAX_PAYLOAD_NAME, parseScenario, type Scenario } from "./format.js";

export { SELF_TEST_YAML, selfTestScenario } from "./self-test.js";

// --- the default scenario --------------------------------------------------------------

/** What the default scenario needs to know of one payload of the user's stack. */
export interface StackPayload {
  /** The payload's ID in the hypervisor. */
  name: string;
  /** Host path. */
  file: string;
  /** The earlier payload of the stack whose build-id this one depends on; none: the hypervisor. */
  stackedOn?: string;
  /** Xen applies it again after a revert: no writable data besides `.livepatch.funcs`. */
  reappliable: boolean;
  /** Pre/post apply/revert hooks, which make Xen refuse REPLACE. */
  vetoingHooks: boolean;
  /** `.modinfo` entries as `xen-livepatch list` shows them. */
  metadata: string[];
}

/** A command the user wants run while the whole stack is applied. */
export interface UserCheck {
  command: string;
  name?: string;
  output?: {
    contains?: string | string[];
    equals?: string;
    matches?: string | string[];
    lacks?: string | string[];
  };
}

/**
 * Mirrors Xen's move_payload(): a payload is safe to re-apply when, of its allocated,
 * non-executable sections, none is writable and non-empty, or the only one is
 * `.livepatch.funcs`. Otherwise Xen refuses the apply after a revert ("payload has .data").
 */
export function isReappliable(payload: Payload): boolean {
  const writable = payload.elf.sections.filter(
    (s) =>
      (s.flags & SHF_ALLOC) !== 0 &&
      (s.flags & SHF_EXECINSTR) === 0 &&
      (s.flags & SHF_WRITE) !== 0 &&
      s.size > 0,
  );
  return (
    writable.length === 0 || (writable.length === 1 && writable[0]!.name === ".livepatch.funcs")
  );
}

const VETOING_HOOKS = [
  ".livepatch.hooks.preapply",
  ".livepatch.hooks.postapply",
  ".livepatch.hooks.prerevert",
  ".livepatch.hooks.postrevert",
];

/** The facts the default scenario needs, read from the payload files (in stack order). */
export function describeStack(payloads: readonly Payload[]): StackPayload[] {
  const out: StackPayload[] = [];
  const used = new Set<string>();
  for (const p of payloads) {
    const name = uniqueName(p.name, used);
    const depends = p.depends;
    const dependsOn = depends.status === "ok" ? depends.id : undefined;
    const earlier = out.find((_, i) => {
      const id = payloads[i]!.buildId;
      return id.status === "ok" && id.id === dependsOn;
    });
    const modinfo = p.modinfo()?.entries ?? [];
    out.push({
      name,
      file: p.file,
      ...(earlier ? { stackedOn: earlier.name } : {}),
      reappliable: isReappliable(p),
      vetoingHooks: p.elf.sections.some((s) => VETOING_HOOKS.includes(s.name) && s.size > 0),
      metadata: modinfo.map((e) => (e.wellFormed ? `${e.key}=${e.value}` : e.key)),
    });
  }
  return out;
}

/** A usable payload ID from a file's name, distinct from the ones already taken. */
function uniqueName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[^A-Za-z0-9_.-]/g, "_")
      .replace(/^[.-]/, "_")
      .slice(0, MAX_PAYLOAD_NAME - 4) || "payload";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}

type YamlStep = Record<string, unknown>;

/**
 * The default scenario's steps as they are written, with a comment before each phase, and
 * what is applied at each point (Xen's dependency check looks at the top of that stack).
 */
class DefaultSteps {
  readonly steps: YamlStep[] = [];
  /** Step index -> the comment written before it. */
  readonly comments = new Map<number, string>();
  /** The applied payloads, bottom of the stack first. */
  applied: string[] = [];

  constructor(readonly payloads: readonly StackPayload[]) {}

  /** A phase without steps still says why; its comment joins the next one's. */
  phase(comment: string): void {
    const before = this.comments.get(this.steps.length);
    this.comments.set(this.steps.length, before ? `${before}\n${comment}` : comment);
  }

  push(...steps: YamlStep[]): void {
    this.steps.push(...steps);
  }

  /** The last step written so far. */
  last(): YamlStep {
    return this.steps.at(-1)!;
  }

  /** `xen-livepatch list` with every payload in its state, with its metadata when listed. */
  listOf(state: (p: StackPayload) => "CHECKED" | "APPLIED" | "absent"): Record<string, unknown> {
    return Object.fromEntries(
      this.payloads.map((p) => {
        const s = state(p);
        return [
          p.name,
          s !== "absent" && p.metadata.length ? { state: s, metadata: p.metadata } : s,
        ];
      }),
    );
  }

  /** Without --nodeps, Xen checks the dependency against the top of the applied stack. */
  apply(p: StackPayload): void {
    const top = this.applied.at(-1);
    const nodeps = p.stackedOn ? top !== p.stackedOn : top !== undefined;
    this.push({
      apply: p.name,
      ...(nodeps ? { nodeps: true } : {}),
      console: [`${p.name} finished APPLY with rc=0`],
    });
    this.applied.push(p.name);
  }

  /** Reverts the applied stack from the top; the last revert also gets `extra`. */
  revertAll(extra: YamlStep = {}): void {
    for (const name of [...this.applied].reverse()) {
      this.push({ revert: name, console: [`${name} finished REVERT with rc=0`] });
    }
    if (this.applied.length && Object.keys(extra).length) Object.assign(this.last(), extra);
    this.applied = [];
  }
}

/**
 * The built-in scenario for the user's stack: upload it in order, apply each, run the
 * user's checks, revert in reverse order, apply again where Xen allows it, replace with
 * the last payload, unload all. Where Xen refuses (a stacked last payload cannot replace,
 * since REPLACE checks against the hypervisor's build-id; hooks that veto REPLACE), the
 * step expects exactly that refusal.
 */
export function defaultScenario(
  payloads: readonly StackPayload[],
  opts: { checks?: readonly UserCheck[]; name?: string } = {},
): Scenario {
  if (payloads.length === 0) {
    throw new ConfigurationError("scenario", "the default scenario needs at least one payload");
  }
  for (const p of payloads) {
    if (!isPayloadName(p.name)) {
      throw new ConfigurationError("scenario", `"${p.name}" is not usable as a payload ID`);
    }
  }
  const s = new DefaultSteps(payloads);
  uploadAndApply(s);
  if (opts.checks?.length) userChecks(s, opts.checks);
  revertAndApplyAgain(s);
  replaceWithLast(s);
  revertAndUnload(s);
  return parseScenario(defaultYaml(s, opts.name ?? "default"), "builtin:default");
}

function uploadAndApply(s: DefaultSteps): void {
  s.phase("Upload the stack in order.");
  for (const p of s.payloads) s.push({ upload: p.name });
  s.last().list = s.listOf(() => "CHECKED");

  s.phase("Apply each, in stack order.");
  for (const p of s.payloads) s.apply(p);
  s.last().list = s.listOf(() => "APPLIED");
}

function userChecks(s: DefaultSteps, checks: readonly UserCheck[]): void {
  s.phase("The user's checks, with the whole stack applied.");
  for (const c of checks) {
    s.push({
      run: c.command,
      ...(c.name ? { name: c.name } : {}),
      ...(c.output ? { output: c.output } : {}),
    });
  }
}

function revertAndApplyAgain(s: DefaultSteps): void {
  s.phase("Revert in reverse order.");
  s.revertAll({ list: s.listOf(() => "CHECKED") });

  // The last payload is left for REPLACE below.
  const again = s.payloads
    .slice(0, -1)
    .filter((p) => p.reappliable)
    .filter((p, _, ok) => !p.stackedOn || ok.some((q) => q.name === p.stackedOn));
  const skipped = s.payloads.slice(0, -1).filter((p) => !again.includes(p));
  s.phase(
    "Apply again where Xen allows it" +
      (skipped.length
        ? ` (not ${skipped.map((p) => p.name).join(", ")}: Xen refuses to re-apply a payload with .data, and what is stacked on it).`
        : "."),
  );
  for (const p of again) s.apply(p);
}

/** REPLACE with the last payload, or the refusal Xen gives for it. */
function replaceWithLast(s: DefaultSteps): void {
  const last = s.payloads.at(-1)!;
  const byName = new Map(s.payloads.map((p) => [p.name, p]));
  const replaceStep: YamlStep = { replace: last.name };
  if (last.stackedOn) {
    s.phase(
      `Replace with the last payload: refused, ${last.name} depends on ${last.stackedOn} and REPLACE checks against the hypervisor's build-id.`,
    );
    Object.assign(replaceStep, {
      expect: "refused",
      refusal: `${last.name}: check against hypervisor build-id failed`,
      errno: "EINVAL",
    });
    s.push(replaceStep);
  } else if (last.vetoingHooks || s.applied.some((n) => byName.get(n)!.vetoingHooks)) {
    s.phase(
      "Replace with the last payload: refused, Xen does not replace with or over vetoing hooks.",
    );
    Object.assign(replaceStep, {
      expect: "refused",
      refusal: "REPLACE action is not supported on livepatches with vetoing hooks!",
      errno: "EOPNOTSUPP",
    });
    s.push(replaceStep);
  } else {
    s.phase(
      `Replace with the last payload${last.reappliable ? "" : ` (unloaded and uploaded again first: ${last.name} has .data, which its revert left used)`}.`,
    );
    if (!last.reappliable) s.push({ unload: last.name }, { upload: last.name });
    Object.assign(replaceStep, {
      console: [`${last.name} finished REPLACE with rc=0`],
      list: s.listOf((p) => (p === last ? "APPLIED" : "CHECKED")),
    });
    s.push(replaceStep);
    s.applied = [last.name];
  }
}

function revertAndUnload(s: DefaultSteps): void {
  s.phase("Revert what is applied, then unload all.");
  s.revertAll();
  for (const p of s.payloads) s.push({ unload: p.name });
  s.last().list = s.listOf(() => "absent");
}

/** The scenario's YAML, each phase's comment before its first step. */
function defaultYaml(s: DefaultSteps, name: string): string {
  // No YAML anchors for objects used twice: the scenario reads like one written by hand.
  const doc = new Document(
    {
      name,
      description:
        "The built-in scenario for the payload stack: upload in order, apply each, run the checks, " +
        "revert in reverse order, apply again where Xen allows it, replace with the last payload, unload all.",
      payloads: Object.fromEntries(s.payloads.map((p) => [p.name, p.file])),
      steps: s.steps,
    },
    { aliasDuplicateObjects: false },
  );
  const seq = doc.get("steps", true);
  if (isSeq(seq)) {
    for (const [i, comment] of s.comments) {
      const item = seq.items[i] as YamlNode | undefined;
      if (item) item.commentBefore = comment.replace(/^/gm, " ");
    }
  }
  return doc.toString({ lineWidth: 0 });
}
