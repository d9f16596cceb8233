// Cache entries are checked (issue 19): an empty or garbage stamp, or a file the stamp
// vouches for that was truncated since, makes the entry unusable (it is rebuilt) rather
// than failing every later run with "Unexpected end of JSON input".
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readStamp, writeStamp } from "../../src/util/stamp.js";

const work = mkdtempSync(join(tmpdir(), "xlci-stamp-"));

describe("stamps", () => {
  it("reads back what was written, without its checksums", async () => {
    const output = join(work, "xen-syms");
    writeFileSync(output, "the build's output");
    const stamp = join(work, "ok.json");
    await writeStamp(stamp, { key: "k", xenSyms: output }, [output]);
    expect(await readStamp(stamp)).toEqual({ value: { key: "k", xenSyms: output } });
    const sums = (JSON.parse(readFileSync(stamp, "utf8")) as { sha256: Record<string, string> })
      .sha256;
    expect(Object.keys(sums)).toEqual([output]);
    expect(sums[output]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("a missing stamp is no entry; an empty or garbage one is unusable", async () => {
    expect(await readStamp(join(work, "none.json"))).toBeUndefined();
    writeFileSync(join(work, "empty.json"), "");
    expect(await readStamp(join(work, "empty.json"))).toEqual({
      unusable: `${join(work, "empty.json")} is empty`,
    });
    writeFileSync(join(work, "garbage.json"), "{ not json");
    expect(await readStamp(join(work, "garbage.json"))).toEqual({
      unusable: `${join(work, "garbage.json")} is not JSON`,
    });
    writeFileSync(join(work, "list.json"), "[1]");
    expect((await readStamp(join(work, "list.json")))?.unusable).toMatch(/is not a JSON object/);
  });

  it("a file it vouches for that was truncated or removed makes it unusable", async () => {
    const output = join(work, "truncated-syms");
    writeFileSync(output, "x".repeat(4096));
    const stamp = join(work, "truncated.json");
    await writeStamp(stamp, { key: "k" }, [output]);
    truncateSync(output, 100);
    expect(await readStamp(stamp)).toEqual({
      unusable: `${output} changed since ${stamp} was written (truncated or rewritten)`,
    });
    const gone = join(work, "gone.json");
    await writeStamp(gone, {}, [output]);
    writeFileSync(gone, readFileSync(gone, "utf8").replace(output, `${output}-gone`));
    expect((await readStamp(gone))?.unusable).toBe(
      `${output}-gone, which ${gone} vouches for, is missing`,
    );
  });

  it("a stamp an older release wrote (no checksums) is read as it is", async () => {
    writeFileSync(join(work, "old.json"), JSON.stringify({ key: "k" }));
    expect(await readStamp(join(work, "old.json"))).toEqual({ value: { key: "k" } });
  });
});
