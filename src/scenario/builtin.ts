/**
 * The built-in scenarios: `default` for the user's payload stack, and `self-test` for Xen's
 * in-tree test payloads (xen/test/livepatch). Both are scenarios in the ordinary format, so
 * they parse, run and report like a user's file, and their YAML can be shown or saved.
 *
 * The self-test encodes what Xen 4.17.5 really printed when these payloads were run in
 * dom0 (TCG, 2 CPUs): the hook messages in their order and the refusal texts. Xen's own
 * lines are quoted in the YAML's comments; docs/scenarios.md has the longer excerpts.
 */
import { type XenVersion, hasChange } from "../xen/version.js";
import { XEN_BUILDID_CHECKED_EARLY } from "../xen/changes.js";
import { Document, isSeq, type Node as YamlNode } from "yaml";
import { SHF_ALLOC, SHF_EXECINSTR, SHF_WRITE } from "../elf/constants.js";
import type { Payload } from "../livepatch/payload.js";
import { ConfigurationError } from "../util/errors.js";
import { isPayloadName, MAX_PAYLOAD_NAME, parseScenario, type Scenario } from "./format.js";

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

const EXTRA_VERSION = "cat /sys/hypervisor/version/extra";

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
  const steps: YamlStep[] = [];
  const comments = new Map<number, string>();
  // A phase without steps still says why; its comment joins the next one's.
  const phase = (comment: string) => {
    const before = comments.get(steps.length);
    comments.set(steps.length, before ? `${before}\n${comment}` : comment);
  };
  const byName = new Map(payloads.map((p) => [p.name, p]));
  const last = payloads.at(-1)!;
  let applied: string[] = [];

  const listOf = (state: (p: StackPayload) => "CHECKED" | "APPLIED" | "absent") =>
    Object.fromEntries(
      payloads.map((p) => {
        const s = state(p);
        return [
          p.name,
          s !== "absent" && p.metadata.length ? { state: s, metadata: p.metadata } : s,
        ];
      }),
    );
  /** Without --nodeps, Xen checks the dependency against the top of the applied stack. */
  const apply = (p: StackPayload, extra: YamlStep = {}) => {
    const top = applied.at(-1);
    const nodeps = p.stackedOn ? top !== p.stackedOn : top !== undefined;
    steps.push({
      apply: p.name,
      ...(nodeps ? { nodeps: true } : {}),
      console: [`${p.name} finished APPLY with rc=0`],
      ...extra,
    });
    applied.push(p.name);
  };
  const revertAll = (extra: YamlStep = {}) => {
    for (const name of [...applied].reverse()) {
      steps.push({ revert: name, console: [`${name} finished REVERT with rc=0`] });
    }
    if (applied.length && Object.keys(extra).length) Object.assign(steps.at(-1)!, extra);
    applied = [];
  };

  phase("Upload the stack in order.");
  for (const p of payloads) steps.push({ upload: p.name });
  steps.at(-1)!.list = listOf(() => "CHECKED");

  phase("Apply each, in stack order.");
  for (const p of payloads) apply(p);
  steps.at(-1)!.list = listOf(() => "APPLIED");

  if (opts.checks?.length) {
    phase("The user's checks, with the whole stack applied.");
    for (const c of opts.checks) {
      steps.push({
        run: c.command,
        ...(c.name ? { name: c.name } : {}),
        ...(c.output ? { output: c.output } : {}),
      });
    }
  }

  phase("Revert in reverse order.");
  revertAll({ list: listOf(() => "CHECKED") });

  // The last payload is left for REPLACE below.
  const again = payloads
    .slice(0, -1)
    .filter((p) => p.reappliable)
    .filter((p, _, ok) => !p.stackedOn || ok.some((q) => q.name === p.stackedOn));
  const skipped = payloads.slice(0, -1).filter((p) => !again.includes(p));
  phase(
    "Apply again where Xen allows it" +
      (skipped.length
        ? ` (not ${skipped.map((p) => p.name).join(", ")}: Xen refuses to re-apply a payload with .data, and what is stacked on it).`
        : "."),
  );
  for (const p of again) apply(p);

  const replaceStep: YamlStep = { replace: last.name };
  if (last.stackedOn) {
    phase(
      `Replace with the last payload: refused, ${last.name} depends on ${last.stackedOn} and REPLACE checks against the hypervisor's build-id.`,
    );
    Object.assign(replaceStep, {
      expect: "refused",
      refusal: `${last.name}: check against hypervisor build-id failed`,
      errno: "EINVAL",
    });
    steps.push(replaceStep);
  } else if (last.vetoingHooks || applied.some((n) => byName.get(n)!.vetoingHooks)) {
    phase(
      "Replace with the last payload: refused, Xen does not replace with or over vetoing hooks.",
    );
    Object.assign(replaceStep, {
      expect: "refused",
      refusal: "REPLACE action is not supported on livepatches with vetoing hooks!",
      errno: "EOPNOTSUPP",
    });
    steps.push(replaceStep);
  } else {
    phase(
      `Replace with the last payload${last.reappliable ? "" : ` (unloaded and uploaded again first: ${last.name} has .data, which its revert left used)`}.`,
    );
    if (!last.reappliable) steps.push({ unload: last.name }, { upload: last.name });
    Object.assign(replaceStep, {
      console: [`${last.name} finished REPLACE with rc=0`],
      list: listOf((p) => (p === last ? "APPLIED" : "CHECKED")),
    });
    steps.push(replaceStep);
    applied = [last.name];
  }

  phase("Revert what is applied, then unload all.");
  revertAll();
  for (const p of payloads) steps.push({ unload: p.name });
  steps.at(-1)!.list = listOf(() => "absent");

  // No YAML anchors for objects used twice: the scenario reads like one written by hand.
  const doc = new Document(
    {
      name: opts.name ?? "default",
      description:
        "The built-in scenario for the payload stack: upload in order, apply each, run the checks, " +
        "revert in reverse order, apply again where Xen allows it, replace with the last payload, unload all.",
      payloads: Object.fromEntries(payloads.map((p) => [p.name, p.file])),
      steps,
    },
    { aliasDuplicateObjects: false },
  );
  const seq = doc.get("steps", true);
  if (isSeq(seq)) {
    for (const [i, comment] of comments) {
      const item = seq.items[i] as YamlNode | undefined;
      if (item) item.commentBefore = comment.replace(/^/gm, " ");
    }
  }
  return parseScenario(doc.toString({ lineWidth: 0 }), "builtin:default");
}

// --- the self-test ---------------------------------------------------------------------

/**
 * Xen's in-tree payloads, as observed on Xen 4.17.5. Each payload is loaded alone where it
 * shares symbol names with another (Xen refuses a second copy: "duplicate new symbol"),
 * and applied with nothing else applied (each depends on the hypervisor's build-id, and
 * without --nodeps Xen checks against the top of the applied stack).
 *
 * Left out: xen_nop, which crashes this Xen (with CONFIG_RETURN_THUNK its 9-byte NOP leaves
 * a stray byte in xen_minor_version and the hypervisor loops on DOUBLE FAULT).
 */
function selfTestYaml(noBuildIdRefusal: string): string {
  return `\
name: self-test
description: >-
  Xen's in-tree livepatch test payloads (xen/test/livepatch): a stacked pair and its
  refusals, replace, --nodeps, hooks (pre/post, action, failing), expectations that match
  and that do not, a payload without the hypervisor's build-id, and the metadata the
  hypervisor shows.
payloads:
  hello: xen_hello_world.livepatch
  bye: xen_bye_world.livepatch
  replace: xen_replace_world.livepatch
  prepost: xen_prepost_hooks.livepatch
  prepost_fail: xen_prepost_hooks_fail.livepatch
  action: xen_action_hooks.livepatch
  marker: xen_action_hooks_marker.livepatch
  noapply: xen_action_hooks_noapply.livepatch
  norevert: xen_action_hooks_norevert.livepatch
  nofunc: xen_action_hooks_nofunc.livepatch
  expectations: xen_expectations.livepatch
  expectations_fail: xen_expectations_fail.livepatch
  no_buildid: xen_no_xen_buildid.livepatch
steps:
  - list:
    name: nothing loaded at first
    output: { contains: Nothing to list }
  - run: ${EXTRA_VERSION}
    name: the extra version before any patch
    output: { lacks: World }

  # --- A stacked pair: bye_world depends on hello_world's build-id. -------------------
  - upload: hello
    # xen-livepatch list: "hello | CHECKED | LIVEPATCH_RULEZ" (hello_world's .modinfo)
    list: { hello: { state: CHECKED, metadata: LIVEPATCH_RULEZ } }
  - upload: bye
  - apply: bye
    name: bye before hello is refused
    # (XEN) livepatch: bye: check against hypervisor build-id failed
    expect: refused
    refusal: "bye: check against hypervisor build-id failed"
    errno: EINVAL
  - apply: hello
    # The load hooks run when the patch goes in, then Xen prints the .modinfo.
    console:
      - "livepatch: hello: Verifying enabled expectations for all functions"
      - "livepatch: hello: Applying 1 functions"
      - "hi_func: Hi! (called 1 times)"
      - "Hook executing."
      - "livepatch: module metadata:"
      - "livepatch:   LIVEPATCH_RULEZ"
      - "livepatch: hello finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
    list: { hello: { state: APPLIED, metadata: LIVEPATCH_RULEZ } }
  - apply: bye
    console: ["livepatch: bye: Applying 1 functions", "livepatch: bye finished APPLY with rc=0"]
    check: ${EXTRA_VERSION}
    output: { equals: Bye World! }
    list: { hello: APPLIED, bye: APPLIED }
  - revert: hello
    name: reverting hello under bye is refused
    # (XEN) livepatch: hello: can't unload. Top is bye    (the tool: Error 16, exit status 2)
    expect: refused
    refusal: "hello: can't unload. Top is bye"
    errno: EBUSY
  - revert: bye
    console: ["livepatch: bye: Reverting", "livepatch: bye finished REVERT with rc=0"]
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: hello
    # The unload hooks, in the order the payload lists them.
    console:
      - "livepatch: hello: Reverting"
      - "check_fnc: Hi func called 1 times"
      - "hi_func: Hi! (called 2 times)"
      - "Hook unloaded."
      - "livepatch: hello finished REVERT with rc=0"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
  - apply: hello
    name: applying hello again after its revert is refused (it has .data)
    # (XEN) livepatch: hello: can't revert as payload has .data. Please unload
    # xen-livepatch list then shows "hello | CHECKED (22, Invalid argument) | LIVEPATCH_RULEZ".
    expect: refused
    refusal: "hello: can't revert as payload has .data. Please unload"
    errno: EINVAL
    list: { hello: { state: CHECKED, errno: EINVAL, metadata: LIVEPATCH_RULEZ } }
  - apply: bye
    name: bye alone with --nodeps (it has no .data, so it applies again)
    nodeps: true
    console: ["livepatch: bye finished APPLY with rc=0"]
    check: ${EXTRA_VERSION}
    output: { equals: Bye World! }

  # --- Replace: revert everything applied, apply the new one. -------------------------
  - upload: replace
  - replace: replace
    console:
      - "livepatch: bye: Reverting"
      - "livepatch: replace: Applying 1 functions"
      - "livepatch: replace finished REPLACE with rc=0"
    check: ${EXTRA_VERSION}
    # "Hello Again World!" cut to the hypervisor's 16-byte extra version.
    output: { equals: Hello Again Wor }
    list: { replace: APPLIED, bye: CHECKED, hello: CHECKED }
  - unload: replace
    name: unloading an applied payload is refused (by the tool)
    # The tool refuses on its own: "replace is in the wrong state. Current state: APPLIED"
    expect: refused
    refusal: "replace is in the wrong state."
  - revert: replace
    check: ${EXTRA_VERSION}
    output: { lacks: World }
  - unload: replace
  - unload: bye
  - unload: hello
    list: { hello: absent, bye: absent, replace: absent }

  # --- Pre/post apply/revert hooks; the first revert is vetoed by design. -------------
  - upload: prepost
  - replace: prepost
    name: replace with vetoing hooks is refused
    expect: refused
    refusal: "prepost: REPLACE action is not supported on livepatches with vetoing hooks!"
    errno: EOPNOTSUPP
  - apply: prepost
    console:
      - "livepatch: prepost: Calling pre-apply hook function"
      - "pre_apply_hook: Hook starting."
      - "pre_apply_hook: applying: xen_extra_version"
      - "pre_apply_hook: Hook done."
      - "livepatch: prepost: Applying 1 functions"
      - "livepatch: prepost: Calling post-apply hook function with rc=0"
      - "post_apply_hook: applied: xen_extra_version"
      - "post_apply_hook: Hook done."
      - "livepatch: prepost finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: prepost
    name: the first revert is vetoed by the pre-revert hook
    # (XEN) livepatch: prepost: pre-revert hook failed (rc=-1), aborting!
    expect: refused
    refusal: "prepost: pre-revert hook failed (rc=-1), aborting!"
    errno: EPERM
    console: ["pre_revert_hook: reverting: xen_extra_version", "pre_revert_hook: Hook done."]
    list: { prepost: { state: APPLIED, errno: EPERM } }
  - revert: prepost
    console:
      - "livepatch: prepost: Calling pre-revert hook function"
      - "pre_revert_hook: Hook done."
      - "livepatch: prepost: Reverting"
      - "livepatch: prepost: Calling post-revert hook function with rc=0"
      - "post_revert_hook: reverted: xen_extra_version"
      - "post_revert_hook: Hook done."
      - "livepatch: prepost finished REVERT with rc=0"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
  - unload: prepost

  # --- A failing pre-apply hook stops the apply before anything is patched. -----------
  - upload: prepost_fail
  - apply: prepost_fail
    expect: refused
    refusal: "prepost_fail: pre-apply hook failed (rc=-22), aborting!"
    errno: EINVAL
    console: ["pre_apply_hook: pre applying: xen_extra_version", "pre_apply_hook: Hook done."]
    check: ${EXTRA_VERSION}
    output: { lacks: World }
    list: { prepost_fail: { state: CHECKED, errno: EINVAL } }
  - unload: prepost_fail

  # --- Action hooks: the apply/revert hooks replace Xen's own patching. ---------------
  - upload: action
  - apply: action
    console:
      - "livepatch: action: Calling apply action hook function"
      - "apply_hook: applying: xen_extra_version"
      - "apply_hook: Hook done."
      - "livepatch: action finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    # The hook only marks the function applied: nothing is patched.
    output: { lacks: World }
    list: { action: APPLIED }
  - revert: action
    console:
      - "livepatch: action: Calling revert action hook function"
      - "revert_hook: reverting: xen_extra_version"
      - "livepatch: action: Calling post-revert hook function with rc=0"
      - "post_revert_hook: reverted: xen_extra_version"
      - "livepatch: action finished REVERT with rc=0"
  - unload: action

  - upload: marker
  - apply: marker
    name: apply marker (hooks see the applied-state marker change)
    console:
      - "pre_apply_hook: pre applied: xen_extra_version"
      - "livepatch: marker: Applying 1 functions"
      - "post_apply_hook: post applied: xen_extra_version"
      - "livepatch: marker finished APPLY with rc=0"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: marker
    console:
      - "pre_revert_hook: pre reverted: xen_extra_version"
      - "livepatch: marker: Reverting"
      - "post_revert_hook: post reverted: xen_extra_version"
      - "livepatch: marker finished REVERT with rc=0"
  - unload: marker

  - upload: noapply
  - apply: noapply
    name: an apply action hook that fails leaves the payload unapplied
    # The post-apply hook still runs, and is told rc=-22.
    expect: refused
    refusal: "livepatch: noapply finished APPLY with rc=-22"
    errno: EINVAL
    console:
      - "livepatch: noapply: Calling pre-apply hook function"
      - "livepatch: noapply: Calling apply action hook function"
      - "apply_hook: applying: xen_extra_version"
      - "livepatch: noapply: Calling post-apply hook function with rc=-22"
      - "post_apply_hook: post applied: xen_extra_version"
      - "livepatch: noapply finished APPLY with rc=-22"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
    list: { noapply: { state: CHECKED, errno: EINVAL } }
  - revert: noapply
    name: reverting what never applied needs no action
    output: { contains: No action needed. }
  - unload: noapply

  - upload: norevert
  - apply: norevert
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: norevert
    name: a revert action hook that fails; the post-revert hook reverts after all
    # Xen's "Reverting" comes from inside the post-revert hook (it calls revert_payload).
    expect: refused
    refusal: "livepatch: norevert finished REVERT with rc=-22"
    errno: EINVAL
    console:
      - "livepatch: norevert: Calling pre-revert hook function"
      - "livepatch: norevert: Calling revert action hook function"
      - "revert_hook: reverting: xen_extra_version"
      - "livepatch: norevert: Calling post-revert hook function with rc=-22"
      - "post_revert_hook: Hook starting."
      - "livepatch: norevert: Reverting"
      - "post_revert_hook: Hook done."
      - "livepatch: norevert finished REVERT with rc=-22"
    check: ${EXTRA_VERSION}
    output: { lacks: World }
    list: { norevert: { state: CHECKED, errno: EINVAL } }
  - unload: norevert

  - upload: nofunc
  - apply: nofunc
    name: apply nofunc (action hooks, no functions to patch)
    console:
      - "livepatch: nofunc: Calling apply action hook function"
      - "apply_hook: Hook starting."
      - "apply_hook: Hook done."
      - "livepatch: nofunc finished APPLY with rc=0"
    list: { nofunc: APPLIED }
  - revert: nofunc
    console:
      - "livepatch: nofunc: Calling revert action hook function"
      - "revert_hook: Hook done."
      - "livepatch: nofunc: Calling post-revert hook function with rc=0"
      - "post_revert_hook: Hook done."
      - "livepatch: nofunc finished REVERT with rc=0"
  - unload: nofunc

  # --- Expectations: the bytes a function must have before it is patched. -------------
  - upload: expectations
  - apply: expectations
    console:
      - "livepatch: expectations: Verifying enabled expectations for all functions"
      - "livepatch: expectations: Applying 1 functions"
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: expectations
  - apply: expectations
    name: applying expectations again is allowed (no .data)
    check: ${EXTRA_VERSION}
    output: { equals: Hello World }
  - revert: expectations
  - unload: expectations
  - upload: expectations_fail
  - apply: expectations_fail
    name: expectations that do not match refuse the apply
    # (XEN) livepatch: xen_extra_version: expectation failed: expected:deadc0debabe, actual:<the real bytes>
    expect: refused
    refusal: "expectations_fail: expectations of xen_extra_version failed (rc=-22), aborting!"
    errno: EINVAL
    console:
      - "livepatch: expectations_fail: Verifying enabled expectations for all functions"
      - { matches: "livepatch: xen_extra_version: expectation failed: expected:deadc0debabe, actual:[0-9a-f]{12}$" }
    list: { expectations_fail: CHECKED }
  - unload: expectations_fail

  # --- A payload without .livepatch.xen_depends is refused at upload. -----------------
  - upload: no_buildid
    expect: refused
    refusal: "no_buildid: ${noBuildIdRefusal}"
    errno: EINVAL
    list: { no_buildid: absent }

  - list:
    name: nothing loaded at the end
    output: { contains: Nothing to list }
`;
}

/** The self-test as it runs on Xen 4.17 (Debian 12's). */
export const SELF_TEST_YAML = selfTestYaml(".livepatch.xen_depends is missing");

/**
 * The self-test scenario for the hypervisor of `version` (4.17 when not given); its payload
 * files are the base's xen/test/livepatch/*.livepatch. The one message that differs between
 * versions is the refusal of the payload without `.livepatch.xen_depends`
 * (XEN_BUILDID_CHECKED_EARLY).
 */
export function selfTestScenario(version?: XenVersion): Scenario {
  const yaml =
    version && hasChange(version, XEN_BUILDID_CHECKED_EARLY)
      ? selfTestYaml("section .livepatch.xen_depends is missing")
      : SELF_TEST_YAML;
  return parseScenario(yaml, "builtin:self-test");
}
