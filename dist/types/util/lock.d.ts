/** How long a run waits for another to finish with a lock before it gives up. */
export declare const LOCK_WAIT_MS: number;
export interface LockOptions {
    /** Give up after this long (LOCK_WAIT_MS by default), with an error naming the holder. */
    timeoutMs?: number;
    /** Told once, when the lock is found held, who holds it (to show while waiting). */
    onWait?: (holder: string) => void;
}
/** A lock's holder as the lock records it (`pid`, as older releases wrote it, and `start`). */
export interface Holder {
    pid: number;
    /** The holder's start time in clock ticks since boot (/proc/PID/stat), when recorded. */
    start?: string;
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
/**
 * Whether the process a lock or a run's temporary directory names (its pid, and its start
 * time from /proc/PID/stat when recorded) is still the one running.
 */
export declare function holderAlive(holder: Holder): boolean;
/** This process as a lock or a temporary directory records its holder. */
export declare function thisProcess(): Holder;
