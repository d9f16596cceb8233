import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Unpacks a zip (an uploaded artifact) with Python's zipfile, an implementation that is not
 * the uploader's; returns the directory it was unpacked into.
 */
export function unzip(zip: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "xlci-unzip-"));
  writeFileSync(join(dir, "artifact.zip"), zip);
  const extracted = join(dir, "x");
  const script = "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])";
  const run = spawnSync("python3", ["-c", script, join(dir, "artifact.zip"), extracted], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`unzip failed: ${run.stderr}`);
  return extracted;
}
