// Outputs are exact (issue 19): two payloads never share a file name in the output
// directory, where one would overwrite the other while metadata.json listed both.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/commands.js";
import { parseOptions } from "../../src/options.js";
import { preflight } from "../../src/preflight.js";
import { payloadFileNameClash } from "../../src/publish/names.js";
import { ConfigurationError } from "../../src/util/errors.js";

const work = mkdtempSync(join(tmpdir(), "xlci-names-"));
const payload = (dir: string) => {
  mkdirSync(join(work, dir), { recursive: true });
  const file = join(work, dir, "p.livepatch");
  writeFileSync(file, "not looked at: the names are checked first");
  return file;
};

describe("payload file names", () => {
  it("two given payloads with one file name are refused before anything runs, naming both", async () => {
    const [d1, d2] = [payload("d1"), payload("d2")];
    const options = parseOptions(
      { payloads: `${d1}\n${d2}`, "output-dir": join(work, "out") },
      work,
      join(work, "cache"),
    );
    const e = await preflight(options).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as Error).message).toContain("p.livepatch");
    expect((e as Error).message).toContain(d1);
    expect((e as Error).message).toContain(d2);
  });

  it("the command line exits 2 for them (a mistake in the inputs)", async () => {
    const [d1, d2] = [payload("e1"), payload("e2")];
    const stderr: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = (s: string) => (stderr.push(String(s)), true);
    try {
      const run = await main([
        "run",
        "--payloads",
        `${d1}\n${d2}`,
        "--output-dir",
        join(work, "o"),
      ]);
      expect(run).toBe(2);
    } finally {
      process.stderr.write = write;
    }
    expect(stderr.join("")).toContain("two payloads have the file name p.livepatch");
  });

  it("a built payload and a given one with one file name clash too; distinct names pass", () => {
    const clash = payloadFileNameClash([
      { file: "/out/payloads/fix.livepatch", from: "built from /w/fix.patch" },
      { file: "/given/fix.livepatch", from: "payloads: /given/fix.livepatch" },
    ]);
    expect(clash?.message).toBe(
      "payloads: two payloads have the file name fix.livepatch (built from /w/fix.patch; payloads: /given/fix.livepatch): the output directory holds one file per name, so rename one",
    );
    expect(
      payloadFileNameClash([
        { file: "/out/payloads/a.livepatch", from: "a" },
        { file: "/given/b.livepatch", from: "b" },
      ]),
    ).toBeUndefined();
  });
});
