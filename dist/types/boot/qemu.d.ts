import { type CrashKind, type StepResult } from "./console.js";
import { type Accel } from "./kvm.js";
export { cleanConsoleLine, detectCrash, type CrashKind, type StepResult } from "./console.js";
export type { Accel } from "./kvm.js";
export { DEFAULT_DOM0_CMDLINE, defaultXenCmdline, qemuArgs, type QemuArgsOptions, } from "./qemu-args.js";
/** True when this process may use KVM (/dev/kvm opens read-write); kvm.ts says why not. */
export declare function kvmUsable(): Promise<boolean>;
export interface BootTimeouts {
    /** QEMU start until Xen's banner. */
    firstSignOfLife: number;
    /** Xen's banner until dom0's /init has finished its setup (modules, /proc/xen). */
    dom0: number;
    /** Each step: from the end of the one before until its end marker. */
    step: number;
    /** The last step's end until QEMU exits. */
    shutdown: number;
    /** QEMU start until exit. */
    total: number;
}
export declare const DEFAULT_BOOT_TIMEOUTS: BootTimeouts;
export interface BootOptions {
    xenImage: string;
    kernel: string;
    initrd: string;
    /** "auto" (the default): KVM when usable, TCG when KVM is not or fails early. */
    accel?: Accel | "auto";
    memoryMb?: number;
    cpus?: number;
    xenCmdline?: string;
    dom0Cmdline?: string;
    /** The steps the initramfs' /init runs (as given to initScript): names them in the result. */
    steps?: readonly string[];
    /** The marker key the initramfs was given (guestInitramfs' `markerKey`). */
    markerKey?: string;
    timeouts?: Partial<BootTimeouts>;
    /** The serial console (and QEMU's stderr, prefixed) is written here as it arrives. */
    consoleLog?: string;
    /** Called with each console line (cleaned), for progress display. */
    onLine?: (line: string) => void;
    /** The QEMU program; default `qemu-system-x86_64` from PATH. */
    qemu?: string;
    /** How accel auto tells whether KVM is usable; default kvmUsable. */
    detectKvm?: () => Promise<boolean>;
}
export type BootEnd = {
    kind: "poweroff";
} | {
    kind: "timeout";
    phase: string;
    limitMs: number;
    message: string;
} | {
    kind: CrashKind;
    lines: string[];
    message: string;
} | {
    kind: "qemu-exit";
    code: number | null;
    signal: NodeJS.Signals | null;
    message: string;
} | {
    kind: "kvm-error";
    message: string;
};
export interface BootResult {
    /** Powered off after a good setup and every step ending with status 0. */
    ok: boolean;
    /** Why the boot ended. */
    end: BootEnd;
    /** The accelerator of the run these results come from. */
    accel: Accel;
    /** Set when accel auto tried KVM first and it failed early. */
    kvmFallback?: {
        reason: string;
        durationMs: number;
    };
    /** dom0's setup (modules and xenfs); absent when dom0 never got that far. */
    setup?: StepResult;
    steps: StepResult[];
    durations: {
        /** QEMU start to Xen's banner. */
        firstSignOfLifeMs?: number;
        /** QEMU start to the end of dom0's setup. */
        dom0ReadyMs?: number;
        /** QEMU start to exit. */
        totalMs: number;
    };
    /** Every console line, cleaned. */
    console: string[];
    consoleLog?: string;
    /** QEMU's process id (gone by the time the result exists). */
    pid?: number;
    /** The full QEMU command line, program first. */
    command: string[];
    /** The boot's marker key, which the console's markers carry (BootOptions' `markerKey`). */
    markerKey?: string;
}
/** A boot that did not end with a clean power-off; the message says why. */
export declare class BootError extends Error {
    readonly result: BootResult;
    name: string;
    constructor(result: BootResult);
}
/** Throws a BootError unless the boot powered off after a good setup and passing steps. */
export declare function assertBootOk(result: BootResult): void;
/**
 * Boots Xen and dom0 in QEMU and follows the console until dom0 powers off, a deadline
 * passes, or something crashes. Resolves only once QEMU has exited.
 */
export declare function bootXen(opts: BootOptions): Promise<BootResult>;
