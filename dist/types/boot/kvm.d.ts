/** The accelerator QEMU boots with: KVM, or software emulation (TCG). */
export type Accel = "tcg" | "kvm";
export type KvmStatus = {
    usable: true;
} | {
    usable: false;
    reason: string;
};
/**
 * The udev rule that makes /dev/kvm usable by the runner's user on GitHub's hosted Linux
 * runners (they have KVM, but the device is not open to the runner's user). The action
 * cannot run sudo on the user's behalf: a job on the runner itself installs it in a step
 * before the action (.github/workflows/ci.yml shows it); a job in a container passes the
 * device in instead, as the example workflows do.
 */
export declare const KVM_UDEV_RULE = "KERNEL==\"kvm\", GROUP=\"kvm\", MODE=\"0666\", OPTIONS+=\"static_node=kvm\"";
/** Whether this process may use KVM: /dev/kvm opens read-write. */
export declare function kvmStatus(device?: string): Promise<KvmStatus>;
/** Whether the boot used KVM and, when it did not, why: what the report and summary show. */
export interface KvmUse {
    used: boolean;
    reason?: string;
}
/**
 * Puts together the kvm input, what detection found before the boot, and how the boot went.
 * `status` is undefined when detection did not run (kvm: false).
 */
export declare function kvmUse(input: "auto" | "true" | "false", status: KvmStatus | undefined, boot: {
    accel: Accel;
    kvmFallback?: {
        reason: string;
    };
}): KvmUse;
/** One line for people: "KVM", or "TCG (software emulation): why". */
export declare function kvmUseText(use: KvmUse): string;
