/**
 * Reading a scenario boot's console back: the guest's output and Xen's own lines are
 * interleaved there, sometimes on one line (the tool prints "Applying hello... " without a
 * newline, Xen prints "(XEN) livepatch: hello: Applying 1 functions" on the same line, and
 * the tool's "completed" follows on the next). stepTranscripts() separates the two again,
 * keeping Xen's lines in order.
 */
import { parseMarker } from "../boot/init-script.js";

/** What one guest step printed: its own output, and Xen's lines (with "(XEN)") in order. */
export interface Transcript {
  guest: string;
  xen: string[];
}

const XEN_LINE = /\(XEN\)(?: |$)/;

/**
 * Each guest step's transcript (by 1-based step number) from the boot's console lines.
 * A Xen line that starts in the middle of a guest line ends that line on the console; the
 * guest's text around it is joined back together.
 */
export function stepTranscripts(
  consoleLines: readonly string[],
  /** The boot's marker key (BootResult's `markerKey`), when it had one. */
  markerKey?: string,
): Map<number, Transcript> {
  const out = new Map<number, Transcript>();
  let current: Transcript | undefined;
  const take = (line: string, newline: boolean) => {
    if (!current) return;
    const at = line.search(XEN_LINE);
    if (at < 0) {
      current.guest += newline ? `${line}\n` : line;
      return;
    }
    // The guest's part continues after Xen's line: no newline of its own.
    current.guest += line.slice(0, at);
    current.xen.push(line.slice(at));
  };
  for (const line of consoleLines) {
    const found = parseMarker(line, markerKey);
    if (!found) {
      take(line, true);
      continue;
    }
    if (found.before) take(found.before, false);
    if (found.marker.kind === "step-begin") {
      current = { guest: "", xen: [] };
      out.set(found.marker.step, current);
    } else if (found.marker.kind !== "key") {
      // (A debug-key request is part of its step.)
      current = undefined;
    }
  }
  return out;
}
