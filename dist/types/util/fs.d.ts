export declare function exists(path: string): Promise<boolean>;
/** sha256 of a file's content, in hex. */
export declare function sha256File(path: string): Promise<string>;
