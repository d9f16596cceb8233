/**
 * Error numbers as dom0's Linux reports them (the guest tool prints `Error N: text`), which
 * are the values Xen's loader returns negated (xen/include/public/errno.h): scenario
 * expectations name them, the verifier's loader messages quote them.
 */
export const ERRNO: Readonly<Record<string, number>> = {
  EPERM: 1,
  ENOENT: 2,
  E2BIG: 7,
  ENOEXEC: 8,
  EAGAIN: 11,
  ENOMEM: 12,
  EACCES: 13,
  EFAULT: 14,
  EBUSY: 16,
  EEXIST: 17,
  ENODEV: 19,
  EINVAL: 22,
  ENOSPC: 28,
  ERANGE: 34,
  ENOSYS: 38,
  ENODATA: 61,
  EOVERFLOW: 75,
  EILSEQ: 84,
  EOPNOTSUPP: 95,
  ETIMEDOUT: 110,
};

/** The name of an error number, where ERRNO has it. */
export function errnoName(n: number): string | undefined {
  return Object.entries(ERRNO).find(([, v]) => v === n)?.[0];
}
