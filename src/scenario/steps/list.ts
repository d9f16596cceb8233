/**
 * `- list:` alone: `xen-livepatch list` as the step's action. Beside another action, `list`
 * is what the list must show after it (format.ts reads that expectation for every kind).
 */
import { judgeAction, type StepKind } from "./kind.js";

export const LIST_COMMAND = "xen-livepatch list";

export interface ListAction {
  kind: "list";
}

export const list: StepKind<ListAction> = {
  key: "list",
  onlyAlone: true,
  parse: () => ({ kind: "list" }),
  command: () => LIST_COMMAND,
  defaultName: () => "list",
  printsList: true,
  judge: judgeAction,
};
