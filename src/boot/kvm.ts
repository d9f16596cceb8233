/**
 * Whether the boot test can use KVM, and why not when it cannot: the run's report and the
 * job summary say which accelerator booted the hypervisor, because software emulation
 * (TCG) is several times slower and users should know how to get KVM back.
 */
import { open } from "node:fs/promises";

/** The accelerator QEMU boots with: KVM, or software emulation (TCG). */
export type Accel = "tcg" | "kvm";

export type KvmStatus = { usable: true } | { usable: false; reason: string };

/**
 * The udev rule that makes /dev/kvm usable by the runner's user on GitHub's hosted Linux
 * runners (they have KVM, but the device is not open to the runner's user). The action
 * cannot run sudo on the user's behalf: a job on the runner itself installs it in a step
 * before the action (.github/workflows/ci.yml shows it); a job in a container passes the
 * device in instead, as the example workflows do.
 */
export const KVM_UDEV_RULE = 'KERNEL=="kvm", GROUP="kvm", MODE="0666", OPTIONS+="static_node=kvm"';

const UDEV_HINT =
  "on GitHub's hosted runners either run the job in a container with `options: --device /dev/kvm` (root opens it) or add the udev rule step before this action (README, KVM on GitHub's runners)";

/** Whether this process may use KVM: /dev/kvm opens read-write. */
export async function kvmStatus(device = "/dev/kvm"): Promise<KvmStatus> {
  try {
    const handle = await open(device, "r+");
    await handle.close();
    return { usable: true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return {
        usable: false,
        reason: `${device} does not exist: this machine offers no hardware virtualisation to this job`,
      };
    if (code === "EACCES" || code === "EPERM")
      return {
        usable: false,
        reason: `${device} is not read-write for this user; ${UDEV_HINT}`,
      };
    return { usable: false, reason: `${device} cannot be opened (${code ?? String(e)})` };
  }
}

/** Whether the boot used KVM and, when it did not, why: what the report and summary show. */
export interface KvmUse {
  used: boolean;
  reason?: string;
}

/**
 * Puts together the kvm input, what detection found before the boot, and how the boot went.
 * `status` is undefined when detection did not run (kvm: false).
 */
export function kvmUse(
  input: "auto" | "true" | "false",
  status: KvmStatus | undefined,
  boot: { accel: Accel; kvmFallback?: { reason: string } },
): KvmUse {
  if (boot.accel === "kvm") return { used: true };
  if (boot.kvmFallback)
    return {
      used: false,
      reason: `KVM failed early, booted again with TCG: ${boot.kvmFallback.reason}`,
    };
  if (input === "false") return { used: false, reason: "the kvm input is false" };
  if (status && !status.usable) return { used: false, reason: status.reason };
  return { used: false, reason: "KVM was not tried" };
}

/** One line for people: "KVM", or "TCG (software emulation): why". */
export function kvmUseText(use: KvmUse): string {
  return use.used ? "KVM" : `TCG (software emulation): ${use.reason ?? "KVM not used"}`;
}
