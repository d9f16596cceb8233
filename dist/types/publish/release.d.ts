export declare const TAG_REF_PREFIX = "refs/tags/";
export interface PublishedRelease {
    readonly tag: string;
    readonly id: number;
    readonly url: string;
    /** Whether this run created the release (else it attached to an existing one). */
    readonly created: boolean;
    readonly assets: ReadonlyArray<{
        name: string;
        url: string;
        size: number;
    }>;
}
export interface ReleaseOptions {
    readonly apiUrl: string;
    readonly token: string;
    /** owner/name */
    readonly repository: string;
    /** The tag's ref, `refs/tags/NAME`. */
    readonly ref: string;
    readonly files: readonly string[];
    /** The release's text when this run creates it. */
    readonly body: string;
}
export declare function publishRelease(options: ReleaseOptions): Promise<PublishedRelease>;
