export interface UploadedArtifact {
    readonly name: string;
    readonly id: number;
    /** sha256 of the uploaded zip, hex. */
    readonly digest: string;
    readonly size: number;
    /** Where a person downloads it: the run's page lists it. */
    readonly url: string | undefined;
}
/** Every file below `dir`, sorted, absolute. */
export declare function filesBelow(dir: string): Promise<string[]>;
export declare function uploadArtifact(options: {
    readonly name: string;
    readonly outputDir: string;
    readonly retentionDays: number;
    /** The run's page, to link the artifact from the summary. */
    readonly runUrl: string | undefined;
}): Promise<UploadedArtifact>;
