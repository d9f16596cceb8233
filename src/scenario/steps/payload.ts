/**
 * The steps that drive `xen-livepatch` on one payload of the scenario (`- apply: hello`):
 * what they share. Each has its module (upload.ts, apply.ts, ...) saying its command.
 */
import { judgeAction, type StepKind } from "./kind.js";

export interface PayloadAction<K extends string> {
  kind: K;
  /** A name the scenario's `payloads` declares: the payload's ID in the hypervisor. */
  payload: string;
}

/** Where payload NAME goes in the guest: /payloads/NAME.livepatch. */
export const GUEST_PAYLOAD_DIR = "/payloads";

export function guestPayloadPath(name: string): string {
  return `${GUEST_PAYLOAD_DIR}/${name}.livepatch`;
}

/** A kind whose value names a payload, run as `command`, named `<kind> <payload>`. */
export function payloadStep<K extends string>(
  key: K,
  command: (action: PayloadAction<K>) => string,
): StepKind<PayloadAction<K>> {
  return {
    key,
    parse(pair, at) {
      const payload = at.v.payloadRef(pair.value, key, at.payloads);
      return payload === undefined ? undefined : { kind: key, payload };
    },
    command,
    defaultName: (a) => `${key} ${a.payload}`,
    judge: judgeAction,
  };
}
