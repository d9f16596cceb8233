import { type VerifierStep } from "./context.js";
export declare const ELF_LOAD: VerifierStep;
