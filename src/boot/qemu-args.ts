// The QEMU command line that boots Xen with dom0 as multiboot modules: the machine, the CPU
// model each accelerator needs, and Xen's and dom0's command lines.
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
export function defaultXenCmdline(memoryMb: number): string {
  const dom0Mb = Math.floor(memoryMb / 2);
  return `console=com1 com1=115200,8n1 serial_tx_buffer=1M dom0_mem=${dom0Mb}M loglvl=all guest_loglvl=all noreboot`;
}

/** dom0's console is the Xen console (hvc0), which Xen copies to com1. */
export const DEFAULT_DOM0_CMDLINE = "console=hvc0 earlyprintk=xen";

// Under TCG, `-cpu max` crashes dom0 early; qemu64 with SVM is what Xen's own CI uses.
const TCG_CPU = "qemu64,+svm";
// Under KVM: the recipe known to work on GitHub's runners (no nested SVM, no
// ARCH_CAPABILITIES MSR, no 5-level paging; Xen told not to use CET).
const KVM_CPU = "host,-svm,-arch-capabilities,-la57";
const KVM_XEN_CMDLINE = "cet=no-shstk,no-ibt";

/** One `-initrd` multiboot module: `path[ cmdline]`, with commas doubled (QEMU's escape). */
function multibootModule(path: string, cmdline?: string): string {
  // QEMU takes the path up to the first space; there is no escape for a space.
  if (/\s/.test(path))
    throw new Error(`QEMU cannot load a multiboot module from '${path}' (space in path)`);
  return (cmdline ? `${path} ${cmdline}` : path).replaceAll(",", ",,");
}

/** The QEMU command line (without the program name) that boots Xen with dom0. */
export function qemuArgs(o: QemuArgsOptions): string[] {
  const kvm = o.accel === "kvm";
  const xenCmdline = o.xenCmdline ?? defaultXenCmdline(o.memoryMb);
  return [
    "-machine",
    `q35,accel=${o.accel}`,
    "-cpu",
    kvm ? KVM_CPU : TCG_CPU,
    "-m",
    String(o.memoryMb),
    "-smp",
    String(o.cpus),
    "-nographic",
    "-no-reboot",
    "-kernel",
    o.xenImage,
    "-append",
    kvm ? `${xenCmdline} ${KVM_XEN_CMDLINE}` : xenCmdline,
    "-initrd",
    [
      multibootModule(o.kernel, o.dom0Cmdline ?? DEFAULT_DOM0_CMDLINE),
      multibootModule(o.initrd),
    ].join(","),
  ];
}
