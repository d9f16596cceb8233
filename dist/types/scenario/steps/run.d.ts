/** `- run: COMMAND`: a shell command in dom0 (busybox sh), judged by its exit status. */
import { type StepKind } from "./kind.js";
export interface RunAction {
    kind: "run";
    command: string;
}
export declare const run: StepKind<RunAction>;
