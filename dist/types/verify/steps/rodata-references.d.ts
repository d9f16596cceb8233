import { type VerifierStep } from "./context.js";
export declare const RODATA_REFERENCES: VerifierStep;
