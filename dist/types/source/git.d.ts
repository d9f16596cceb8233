import type { XenSourceTree } from "./types.js";
export interface FetchGitSourceOptions {
    url: string;
    /** Branch, tag or commit; "" for the remote's default branch. */
    ref: string;
    cacheDir: string;
    logFile?: string;
}
/** The git invocations that bring `ref` into the work tree: shallow first, full as a fallback. */
export declare function gitFetchSteps(ref: string): {
    shallow: string[];
    full: string[];
};
export declare function fetchGitSource(opts: FetchGitSourceOptions): Promise<XenSourceTree>;
