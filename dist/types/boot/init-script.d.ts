import type { InitramfsEntry } from "./initramfs.js";
export interface InitScriptOptions {
    /** Guest paths of the kernel modules to insmod, in load order. */
    modules: readonly string[];
    /** Shell commands run one after the other by busybox sh, each framed by markers. */
    steps: readonly string[];
}
/**
 * Where the initramfs holds the boot's marker key (see newMarkerKey), for /init alone: it
 * reads the file into an unexported variable and removes it before the first step.
 */
export declare const MARKER_KEY_FILE = "/xlci-marker-key";
/**
 * A new secret for one boot's markers (32 hex digits). /init puts it in every marker it
 * prints and the host takes only lines with it for markers, so a step cannot end itself
 * ("@@XLCI step 3 end rc=0" then `exit 7`): the key is in no file, variable or command
 * line the step can read (docs/security.md).
 */
export declare function newMarkerKey(): string;
/** Where guestInitramfs puts the kernel modules inside the guest. */
export declare const GUEST_MODULE_DIR = "/lib/modules";
/**
 * What the host writes to the serial line to answer an end marker (setup, step, done):
 * a newline for dom0's console, which /init waits for before it goes on (xlci_end).
 */
export declare const END_MARKER_ANSWER = "\n";
/** Quotes a string for sh: single quotes, with each embedded ' written as '\''. */
export declare function shQuote(s: string): string;
/**
 * dom0's /init: mounts proc, sys and dev, loads the modules and mounts xenfs at
 * /proc/xen (the "setup"), then runs each step and powers the machine off.
 *
 * Each step runs as `sh -c STEP` with stdin from /dev/null and stderr joined to stdout,
 * piped through `tee` to the console so programs see a pipe rather than a terminal (`ls`
 * prints one name a line), and counted (`wc -l -c`). Its output is framed on the console
 * by `@@XLCI KEY step N begin` and `@@XLCI KEY step N end rc=R printed LINES BYTES`
 * lines; the setup likewise by `@@XLCI KEY setup ...`, and the end by `@@XLCI KEY done`.
 * KEY is the boot's marker key (MARKER_KEY_FILE; none without the file). An end marker
 * is repeated every 2 s until the host answers it (END_MARKER_ANSWER), for Xen drops
 * console output while its serial buffer is full: so no end is lost, and the power-off
 * waits until the host has seen everything. A failed setup
 * skips the steps. A failed step does not stop the ones after it.
 *
 * The console is hvc0, which Xen copies to its serial line (com1), so all of this reaches
 * QEMU's serial output; Xen drops what its serial buffer cannot hold, which the counts in
 * the end marker let the host see. The marker text is assembled at run time
 * (printf '@@%s'), so a step that prints this script (`cat /init`) cannot fake a marker.
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
    /** The boot's marker key (newMarkerKey), which the host then requires in every marker. */
    markerKey?: string;
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
}
/** `printed`: what the step wrote (newlines, bytes), counted in the guest. */
 | {
    kind: "step-end";
    step: number;
    rc: number;
    printed?: {
        lines: number;
        bytes: number;
    };
} | {
    kind: "key";
    key: string;
} | {
    kind: "done";
};
/**
 * The marker a console line ends with, and the text before it on that line (output of a
 * step that did not end with a newline). `key` is the boot's marker key: with one, a line
 * without it is no marker (it is a step's output); without one (a boot that gave /init
 * none, the recorded consoles of the unit tests), markers carry none.
 */
export declare function parseMarker(line: string, key?: string): {
    marker: Marker;
    before: string;
} | undefined;
/** A marker of any boot's /init, keyed or not: for progress display only, never for judging. */
export declare function parseAnyMarker(line: string): {
    marker: Marker;
    before: string;
} | undefined;
