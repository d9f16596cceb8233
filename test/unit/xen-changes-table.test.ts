// README.md and docs/xen-versions.md carry the table of Xen changes as changes-table.ts
// renders it from the records (scripts/readme-usage.mjs splices it), and every record is
// in it, at the releases loaderFor() applies it to.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { CHANGES } from "../../src/xen/changes.js";
import { changesByMinor, changesMarkdown } from "../../src/xen/changes-table.js";
import { releaseHas } from "../../src/xen/loader.js";

const root = join(import.meta.dirname, "..", "..");

/** The rows between the xen-changes markers, cells trimmed. */
function rowsOf(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|[\s|:-]+$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

function section(file: string): string {
  const text = readFileSync(join(root, file), "utf8");
  const start = text.indexOf("<!-- xen-changes:start -->");
  const end = text.indexOf("<!-- xen-changes:end -->");
  expect(start, `${file} has the xen-changes markers`).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  return text.slice(start, end);
}

describe("the Xen changes table", () => {
  it.each(["README.md", "docs/xen-versions.md"])(
    "%s carries the table the records give (run `npm run readme` when not)",
    async (file) => {
      const expected = await prettier.format(changesMarkdown(), { parser: "markdown" });
      expect(rowsOf(section(file))).toEqual(rowsOf(expected));
    },
  );

  it("has a row for every record, its commit first", () => {
    const rows = rowsOf(changesMarkdown()).slice(1);
    expect(rows.map((r) => r[0])).toEqual(CHANGES.map((c) => (c.commit ? `\`${c.commit}\`` : "")));
  });

  it("lists a change under a minor exactly when loaderFor() applies it to that minor's first release having it", () => {
    for (const [minor, changes] of changesByMinor()) {
      for (const c of CHANGES) {
        const listed = changes.find(([, r]) => r === c);
        if (!listed) {
          // Not even the last point release of the minor (99) has it.
          expect(
            releaseHas({ major: 4, minor, patch: 99 }, c) && !c.carriedBy?.includes(minor),
          ).toBe(false);
          continue;
        }
        const [point] = listed;
        expect(
          releaseHas({ major: 4, minor, patch: point }, c),
          `${c.title} in 4.${minor}.${point}`,
        ).toBe(true);
        if (point > 0 && !c.carriedBy?.includes(minor)) {
          expect(releaseHas({ major: 4, minor, patch: point - 1 }, c)).toBe(false);
        }
      }
    }
  });
});
