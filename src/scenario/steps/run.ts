/** `- run: COMMAND`: a shell command in dom0 (busybox sh), judged by its exit status. */
import { judgeAction, type StepKind } from "./kind.js";

export interface RunAction {
  kind: "run";
  command: string;
}

export const run: StepKind<RunAction> = {
  key: "run",
  parse(pair, { v, line }) {
    const command = v.string(pair.value, "`run` takes a shell command, which", line);
    return command === undefined ? undefined : { kind: "run", command };
  },
  command: (a) => a.command,
  defaultName: (a) => `run: ${a.command}`,
  judge: judgeAction,
};
