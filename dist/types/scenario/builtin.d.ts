import type { Payload } from "../livepatch/payload.js";
import { type Scenario } from "./format.js";
export { SELF_TEST_YAML, selfTestScenario } from "./self-test.js";
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
