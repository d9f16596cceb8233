export type StampRead<T> = {
    readonly value: T;
    readonly unusable?: undefined;
} | {
    readonly value?: undefined;
    readonly unusable: string;
} | undefined;
/**
 * Writes `value` as the stamp `file`, with the checksums of `files` (absolute paths).
 * Written beside and renamed into place: a stamp is never seen half-written.
 */
export declare function writeStamp(file: string, value: object, files: readonly string[]): Promise<void>;
/**
 * Reads the stamp `file`: undefined when there is none; `unusable` with the reason when
 * it is empty, not a JSON object, or a file it vouches for is missing or changed; else its
 * value (without the checksums). A stamp written without checksums (by an older release)
 * is read as it is.
 */
export declare function readStamp<T>(file: string): Promise<StampRead<T>>;
