import { type StepKind } from "./kind.js";
export interface KeyAction {
    kind: "key";
    key: string;
}
export declare const key: StepKind<KeyAction>;
