import type { Accel } from "./kvm.js";
export interface QemuArgsOptions {
    /** The multiboot hypervisor image (`xen/xen`). */
    xenImage: string;
    /** dom0's kernel. */
    kernel: string;
    /** dom0's initramfs. */
    initrd: string;
    memoryMb: number;
    cpus: number;
    accel: Accel;
    /** Xen's command line; default defaultXenCmdline(memoryMb). */
    xenCmdline?: string;
    /** dom0's command line; default DEFAULT_DOM0_CMDLINE. */
    dom0Cmdline?: string;
}
/**
 * Xen on com1, as chatty as it gets, and halted rather than rebooted after a panic. The
 * serial transmit buffer is 1 MiB instead of 16 KiB: a debug build (master's defconfig)
 * prints every section and symbol of an upload, which outruns the emulated UART, and once
 * the buffer is full Xen drops characters (tx_quench, drivers/char/serial.c), dom0's step
 * markers and the loader's verdict among them.
 */
export declare function defaultXenCmdline(memoryMb: number): string;
/** dom0's console is the Xen console (hvc0), which Xen copies to com1. */
export declare const DEFAULT_DOM0_CMDLINE = "console=hvc0 earlyprintk=xen";
/** The QEMU command line (without the program name) that boots Xen with dom0. */
export declare function qemuArgs(o: QemuArgsOptions): string[];
