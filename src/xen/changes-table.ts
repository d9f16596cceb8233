/**
 * What each Xen version changes for the builder and the verifier, written from the records
 * of changes.ts: the table README.md and docs/xen-versions.md carry (between
 * `<!-- xen-changes:start -->` and `<!-- xen-changes:end -->`, spliced by
 * scripts/readme-usage.mjs, checked by test/unit/xen-changes-table.test.ts) and the
 * `xen-versions` command prints.
 */
import { CHANGES, type XenChangeRecord } from "./changes.js";
import { describeChange } from "./version.js";

/** The maintained minors of Xen 4 the action builds, oldest first; master follows the last. */
export const MAINTAINED_MINORS = [17, 18, 19, 20, 21, 22] as const;

/** The releases that have `change`, with the distribution bases that carry it. */
export function changeReleases(change: XenChangeRecord): string {
  const carried = (change.carriedBy ?? []).map((m) => `4.${m} as Debian ships it`);
  return [describeChange(change), ...carried].join(", ");
}

/**
 * Per maintained minor, the changes it has and from which point release: `[minor,
 * [[first point release, record]...]]`, the point release 0 when the minor came with it.
 * A minor before a change's `from` without a backport lacks it.
 */
export function changesByMinor(): Array<[number, Array<[number, XenChangeRecord]>]> {
  return MAINTAINED_MINORS.map((minor) => [
    minor,
    CHANGES.flatMap((c): Array<[number, XenChangeRecord]> => {
      if (minor >= c.from) return [[0, c]];
      const first = c.backports?.[minor];
      return first === undefined ? [] : [[first, c]];
    }).sort((a, b) => a[0] - b[0]),
  ]);
}

// A pipe would split the cell; `__X__` would render as bold X.
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/__/g, "\\_\\_");

/** The Markdown table, one row per change, oldest first (Prettier aligns it). */
export function changesMarkdown(): string {
  const rows = CHANGES.map((c) =>
    [c.commit ? `\`${c.commit}\`` : "", cell(c.title), changeReleases(c), cell(c.summary)].join(
      " | ",
    ),
  );
  return [
    "| Commit | Change | Releases that have it | What the builder and verifier do differently |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

/** The plain-text listing: per maintained minor, each change from its first point release. */
export function changesText(): string {
  const lines: string[] = [];
  for (const [minor, changes] of changesByMinor()) {
    lines.push(`4.${minor}${minor === MAINTAINED_MINORS.at(-1) ? " and master" : ""}:`);
    if (changes.length === 0) lines.push("  (the 4.17 loader; no change of the list)");
    for (const [point, c] of changes) {
      const since = point === 0 ? `4.${minor}.0` : `4.${minor}.${point}`;
      const carried = c.carriedBy?.includes(minor) ? " (Debian's builds carry it earlier)" : "";
      lines.push(`  from ${since.padEnd(7)} ${(c.commit ?? "").padEnd(10)} ${c.summary}${carried}`);
    }
  }
  return lines.join("\n") + "\n";
}
