import type { InitramfsEntry } from "./initramfs.js";
export interface InitScriptOptions {
    /** Guest paths of the kernel modules to insmod, in load order. */
    modules: readonly string[];
    /** Shell commands run one after the other by busybox sh, each framed by markers. */
    steps: readonly string[];
}
/** Where guestInitramfs puts the kernel modules inside the guest. */
export declare const GUEST_MODULE_DIR = "/lib/modules";
/** Quotes a string for sh: single quotes, with each embedded ' written as '\''. */
export declare function shQuote(s: string): string;
/**
 * dom0's /init: mounts proc, sys and dev, loads the modules and mounts xenfs at
 * /proc/xen (the "setup"), then runs each step and powers the machine off.
 *
 * Each step runs as `sh -c STEP` with stdin from /dev/null and stderr joined to stdout,
 * piped through `cat` so programs see a pipe rather than a terminal (`ls` prints one
 * name a line). Its output is framed on the console by `@@XLCI step N begin` and
 * `@@XLCI step N end rc=R` lines; the setup likewise by `@@XLCI setup ...`, and the
 * end by `@@XLCI done`. A failed setup skips the steps. A failed step does not stop the
 * ones after it.
 *
 * The console is hvc0, which Xen copies to its serial line (com1), so all of this reaches
 * QEMU's serial output. The marker text is assembled at run time (printf '@@%s'), so a
 * step that prints this script (`cat /init`) cannot fake a marker.
 */
export declare function initScript(opts: InitScriptOptions): string;
export interface GuestInitramfsOptions {
    /** Host path of a static busybox. */
    busybox: string;
    /** Host paths of the kernel modules, in load order. */
    modules: readonly string[];
    steps: readonly string[];
    /** More files for the guest (e.g. the tools and payloads the steps use). */
    extra?: readonly InitramfsEntry[];
}
/** The initramfs entries of a dom0 that runs `steps`: busybox, the modules, /init. */
export declare function guestInitramfs(opts: GuestInitramfsOptions): InitramfsEntry[];
/**
 * The guest command of a debug-key step: it asks the host (a `@@XLCI key HEX` line) to
 * send Xen debug key `key` on the serial line, and waits until the host says it is done
 * with a newline on dom0's console (input switched back to dom0), then a moment for Xen's
 * deferred key handlers to print. At most 30 s: a host that never answers fails the step.
 */
export declare function debugKeyCommand(key: string): string;
/**
 * What the host writes to the serial line for a debug-key request: Xen's input switch
 * (CTRL-a three times, xen/drivers/char/console.c serial_rx()), the key, the switch back
 * to dom0, and the newline the guest's command waits for. QEMU's -nographic console
 * multiplexer takes CTRL-a as its own escape, so each one is sent doubled (CTRL-a CTRL-a
 * is a literal CTRL-a to the guest).
 */
export declare function debugKeyInput(key: string): string;
export type Marker = {
    kind: "setup-begin";
} | {
    kind: "setup-end";
    rc: number;
} | {
    kind: "step-begin";
    step: number;
} | {
    kind: "step-end";
    step: number;
    rc: number;
} | {
    kind: "key";
    key: string;
} | {
    kind: "done";
};
/**
 * The marker a console line ends with, and the text before it on that line (output of a
 * step that did not end with a newline).
 */
export declare function parseMarker(line: string): {
    marker: Marker;
    before: string;
} | undefined;
