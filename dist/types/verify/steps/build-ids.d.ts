import { type VerifierStep } from "./context.js";
export declare const BUILD_IDS: VerifierStep;
