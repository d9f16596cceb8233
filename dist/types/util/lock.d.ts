/** How long a run waits for another to finish with a lock before it gives up. */
export declare const LOCK_WAIT_MS: number;
export interface LockOptions {
    /** Give up after this long (LOCK_WAIT_MS by default), with an error naming the holder. */
    timeoutMs?: number;
    /** Told once, when the lock is found held, who holds it (to show while waiting). */
    onWait?: (holder: string) => void;
}
/**
 * Runs `fn` holding `lockDir` (mkdir is atomic). The lock records its holder's pid and
 * start time. A lock is taken over when it was left by a crash: its holder has exited, a
 * different process now has that pid (another start time, or, for a lock without one, a
 * process that is not Node), or it names no holder after a minute. Otherwise the wait is
 * bounded by `timeoutMs`.
 *
 * @throws Error naming the lock and its holder when the wait times out.
 */
export declare function withLock<T>(lockDir: string, fn: () => Promise<T>, opts?: LockOptions): Promise<T>;
