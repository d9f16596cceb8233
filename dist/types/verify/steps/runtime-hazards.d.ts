import type { VerifierStep } from "./context.js";
export declare const RUNTIME_HAZARDS: VerifierStep;
