export interface Attestation {
    /** What was attested: the payload file names. */
    readonly subject: string;
    /** The repository's attestation id, when it was stored. */
    readonly id: string | undefined;
    /** The transparency log entry. */
    readonly tlogId: string | undefined;
}
export declare function attestPayloads(options: {
    readonly files: readonly string[];
    readonly token: string;
}): Promise<Attestation[]>;
