// A finding's offset is printed exactly, however large (issue 19): a hostile relocation's
// r_offset of 2^64 - 1 once printed as 0x10000000000000000, rounded through a double.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseElf } from "../../src/elf/reader.js";
import { Payload } from "../../src/livepatch/payload.js";
import { locationText } from "../../src/report/sarif.js";
import { verifyPayload } from "../../src/verify/verifier.js";
import { setRelaField } from "../helpers/elf-mutate.js";

it("a relocation at offset 2^64 - 1 is reported at 0xffffffffffffffff", () => {
  const dir = mkdtempSync(join(tmpdir(), "xlci-offsets-"));
  writeFileSync(join(dir, "p.c"), "extern int g;\nint f(void) { return g; }\n");
  execFileSync("gcc", ["-c", "-O2", "-fno-pic", "-o", join(dir, "p.o"), join(dir, "p.c")]);
  const bytes = setRelaField(
    setRelaField(new Uint8Array(readFileSync(join(dir, "p.o"))), ".rela.text", 0, "symbol", 0),
    ".rela.text",
    0,
    "offset",
    (1n << 64n) - 1n,
  );
  const findings = verifyPayload(new Payload(parseElf(bytes, "p.o")), { stack: [] });
  const zero = findings.find((f) => f.ruleId === "rela-symbol-zero");
  expect(zero?.location.offset).toBe("0xffffffffffffffff");
  expect(locationText(zero!.location)).toContain("offset 0xffffffffffffffff");
  // JSON (report.json, --format json) keeps it exact too.
  expect((JSON.parse(JSON.stringify(zero!.location)) as { offset: unknown }).offset).toBe(
    "0xffffffffffffffff",
  );
});

it("a small offset stays a number", () => {
  expect(locationText({ section: ".text", offset: 0x28 })).toBe(".text, offset 0x28");
});
