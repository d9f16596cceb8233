/**
 * The built-in scenarios: `default` for the user's payload stack, and `self-test` for Xen's
 * in-tree test payloads (xen/test/livepatch). Both are scenarios in the ordinary format, so
 * they parse, run and report like a user's file, and their YAML can be shown or saved.
 *
 * The self-test encodes what Xen 4.17.5 really printed when these payloads were run in
 * dom0 (TCG, 2 CPUs): the hook messages in their order and the refusal texts. Xen's own
 * lines are quoted in the YAML's comments; docs/scenarios.md has the longer excerpts.
 */
import { type XenVersion } from "../xen/version.js";
import type { Payload } from "../livepatch/payload.js";
import { type Scenario } from "./format.js";
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
export declare function isReappliable(payload: Payload): boolean;
/** The facts the default scenario needs, read from the payload files (in stack order). */
export declare function describeStack(payloads: readonly Payload[]): StackPayload[];
/**
 * The built-in scenario for the user's stack: upload it in order, apply each, run the
 * user's checks, revert in reverse order, apply again where Xen allows it, replace with
 * the last payload, unload all. Where Xen refuses (a stacked last payload cannot replace,
 * since REPLACE checks against the hypervisor's build-id; hooks that veto REPLACE), the
 * step expects exactly that refusal.
 */
export declare function defaultScenario(payloads: readonly StackPayload[], opts?: {
    checks?: readonly UserCheck[];
    name?: string;
}): Scenario;
/** The self-test as it runs on Xen 4.17 (Debian 12's). */
export declare const SELF_TEST_YAML: string;
/**
 * The self-test scenario for the hypervisor of `version` (4.17 when not given); its payload
 * files are the base's xen/test/livepatch/*.livepatch. The one message that differs between
 * versions is the refusal of the payload without `.livepatch.xen_depends`
 * (XEN_BUILDID_CHECKED_EARLY).
 */
export declare function selfTestScenario(version?: XenVersion): Scenario;
