import { LoadedPayload } from "../loader-model.js";
import { type VerifierStep } from "./context.js";
export declare const PLACEMENT: VerifierStep;
/**
 * Where a relocated address lies, for the steps that check the special sections' entries
 * against the placed payload: inside its text (with `len` bytes), and in words.
 */
export declare function placedText(model: LoadedPayload): {
    text: {
        address: bigint;
        size: bigint;
    };
    inText: (a: bigint, len?: bigint) => boolean;
    describe: (a: bigint) => string;
};
