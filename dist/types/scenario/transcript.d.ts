/** What one guest step printed: its own output, and Xen's lines (with "(XEN)") in order. */
export interface Transcript {
    guest: string;
    xen: string[];
}
/**
 * Each guest step's transcript (by 1-based step number) from the boot's console lines.
 * A Xen line that starts in the middle of a guest line ends that line on the console; the
 * guest's text around it is joined back together.
 */
export declare function stepTranscripts(consoleLines: readonly string[], 
/** The boot's marker key (BootResult's `markerKey`), when it had one. */
markerKey?: string): Map<number, Transcript>;
