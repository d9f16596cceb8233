/**
 * The self-test: Xen's in-tree test payloads (xen/test/livepatch) in one scenario. It
 * encodes what Xen 4.17.5 really printed when these payloads were run in dom0 (TCG, 2
 * CPUs): the hook messages in their order and the refusal texts. Xen's own lines are
 * quoted in the YAML's comments; docs/scenarios.md has the longer excerpts.
 *
 * The YAML is written out as text, in parts that each exercise one thing (joined with a
 * blank line), so that it reads and can be saved like a scenario written by hand.
 */
import { loaderFor } from "../xen/loader.js";
import type { XenVersion } from "../xen/version.js";
import { parseScenario, type Scenario } from "./format.js";

export const EXTRA_VERSION = "cat /sys/hypervisor/version/extra";

/** The name, the payloads, and the steps that show nothing is loaded yet. */
const SELF_TEST_HEAD = `\
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
`;

/** A stacked pair (bye_world depends on hello_world's build-id) and what Xen refuses of it. */
const STACKED_PAIR = `\
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
`;

/** Replace: revert everything applied, apply the new one; then unload all. */
const REPLACE = `\
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
`;

/** Pre/post apply/revert hooks; the first revert is vetoed by design. */
const PREPOST_HOOKS = `\
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
`;

/** A failing pre-apply hook stops the apply before anything is patched. */
const FAILING_PRE_APPLY = `\
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
`;

/** Action hooks (xen_action_hooks*): the apply/revert hooks replace Xen's own patching. */
const ACTION_HOOKS = `\
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
`;

/** Expectations: the bytes a function must have before it is patched. */
const EXPECTATIONS = `\
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
`;

/**
 * A payload without .livepatch.xen_depends is refused at upload, with the message of the
 * hypervisor's version (XEN_BUILDID_CHECKED_EARLY).
 */
function noBuildId(refusal: string): string {
  return `\
  # --- A payload without .livepatch.xen_depends is refused at upload. -----------------
  - upload: no_buildid
    expect: refused
    refusal: "no_buildid: ${refusal}"
    errno: EINVAL
    list: { no_buildid: absent }
`;
}

/** Nothing is left loaded at the end. */
const SELF_TEST_END = `\
  - list:
    name: nothing loaded at the end
    output: { contains: Nothing to list }
`;

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
  return [
    SELF_TEST_HEAD,
    STACKED_PAIR,
    REPLACE,
    PREPOST_HOOKS,
    FAILING_PRE_APPLY,
    ACTION_HOOKS,
    EXPECTATIONS,
    noBuildId(noBuildIdRefusal),
    SELF_TEST_END,
  ].join("\n");
}

/** The console line's text after "livepatch: NAME", without the leading ": ". */
const missingXenDepends = (version?: XenVersion) =>
  loaderFor(version).xenDepends.lines.missing.replace(/^: /, "");

/** The self-test as it runs on Xen 4.17 (Debian 12's). */
export const SELF_TEST_YAML = selfTestYaml(missingXenDepends());

/**
 * The self-test scenario for the hypervisor of `version` (4.17 when not given); its payload
 * files are the base's xen/test/livepatch/*.livepatch. The one message that differs between
 * versions is the refusal of the payload without `.livepatch.xen_depends`, which that
 * version's loader model gives (src/xen/changes.ts).
 */
export function selfTestScenario(version?: XenVersion): Scenario {
  const yaml = selfTestYaml(missingXenDepends(version));
  return parseScenario(yaml, "builtin:self-test");
}
