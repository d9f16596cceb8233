import { type VerifierStep } from "./context.js";
export declare const MODINFO: VerifierStep;
