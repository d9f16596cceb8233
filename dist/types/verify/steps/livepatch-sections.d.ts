import { type VerifierStep } from "./context.js";
export declare const LIVEPATCH_SECTIONS: VerifierStep;
