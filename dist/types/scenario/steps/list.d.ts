/**
 * `- list:` alone: `xen-livepatch list` as the step's action. Beside another action, `list`
 * is what the list must show after it (format.ts reads that expectation for every kind).
 */
import { type StepKind } from "./kind.js";
export declare const LIST_COMMAND = "xen-livepatch list";
export interface ListAction {
    kind: "list";
}
export declare const list: StepKind<ListAction>;
