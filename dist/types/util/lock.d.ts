/**
 * Runs `fn` holding `lockDir` (mkdir is atomic). A lock whose recorded owner has exited, or
 * that has no owner after a minute, was left by a crash and is taken over.
 */
export declare function withLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T>;
