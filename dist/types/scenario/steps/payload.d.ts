/**
 * The steps that drive `xen-livepatch` on one payload of the scenario (`- apply: hello`):
 * what they share. Each has its module (upload.ts, apply.ts, ...) saying its command.
 */
import { type StepKind } from "./kind.js";
export interface PayloadAction<K extends string> {
    kind: K;
    /** A name the scenario's `payloads` declares: the payload's ID in the hypervisor. */
    payload: string;
}
/** Where payload NAME goes in the guest: /payloads/NAME.livepatch. */
export declare const GUEST_PAYLOAD_DIR = "/payloads";
export declare function guestPayloadPath(name: string): string;
/** A kind whose value names a payload, run as `command`, named `<kind> <payload>`. */
export declare function payloadStep<K extends string>(key: K, command: (action: PayloadAction<K>) => string): StepKind<PayloadAction<K>>;
