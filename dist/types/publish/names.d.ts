import { ConfigurationError } from "../util/errors.js";
/** A payload file and where it comes from, in the words a refusal names it with. */
export interface NamedPayload {
    readonly file: string;
    /** e.g. `payloads: d1/p.livepatch`, `built from patches/fix.patch`. */
    readonly from: string;
}
/**
 * The refusal for the first two payloads that share a file name (the input named is the
 * later one's `input`), or undefined when all names differ.
 */
export declare function payloadFileNameClash(payloads: readonly NamedPayload[], input?: string): ConfigurationError | undefined;
