/** How long one search may take, in milliseconds. */
export declare const REGEX_TIME_LIMIT_MS = 1000;
/** A search that took longer than REGEX_TIME_LIMIT_MS. */
export declare class RegexTimeout extends Error {
    readonly source: string;
    name: string;
    constructor(source: string);
}
/**
 * The index of the first of `texts` (from `from` on) that `source` (with `flags`) matches,
 * or -1. Throws RegexTimeout when the search takes longer than REGEX_TIME_LIMIT_MS, and
 * SyntaxError for a pattern that is not one (the scenario's validator refuses those first).
 */
export declare function firstMatch(source: string, flags: string, texts: readonly string[], from?: number): number;
