import { type VerifierStep } from "./context.js";
export declare const FUNCS: VerifierStep;
