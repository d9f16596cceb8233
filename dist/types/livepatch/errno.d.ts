/**
 * Error numbers as dom0's Linux reports them (the guest tool prints `Error N: text`), which
 * are the values Xen's loader returns negated (xen/include/public/errno.h): scenario
 * expectations name them, the verifier's loader messages quote them.
 */
export declare const ERRNO: Readonly<Record<string, number>>;
/** The name of an error number, where ERRNO has it. */
export declare function errnoName(n: number): string | undefined;
