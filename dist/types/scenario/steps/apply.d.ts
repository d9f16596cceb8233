import type { StepKind } from "./kind.js";
import { type PayloadAction } from "./payload.js";
export interface ApplyAction extends PayloadAction<"apply"> {
    nodeps?: boolean;
}
export declare const apply: StepKind<ApplyAction>;
