// Inputs are what they claim (issue 19): a xen-syms that is not an x86-64 Xen hypervisor
// with a build-id (a user-space program, an EM_386 file, a payload) is refused, naming the
// file, instead of a payload with a wrong xen_depends verifying clean against it.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/commands.js";
import { ElfFormatError } from "../../src/elf/reader.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";

const work = mkdtempSync(join(tmpdir(), "xlci-xen-syms-"));
/** A copy of a user-space program (node: ELF64 x86-64, a build-id, symbols), its header changed. */
function program(name: string, change: (header: Buffer) => void = () => {}): string {
  const file = join(work, name);
  copyFileSync(process.execPath, file);
  const bytes = readFileSync(file);
  change(bytes);
  writeFileSync(file, bytes);
  return file;
}
const ET = 16;
const MACHINE = 18;

afterEach(() => vi.restoreAllMocks());

describe("a xen-syms that is not one", () => {
  it.each([
    [
      "a user-space program (PIE, ET_DYN)",
      () => program("prog", (b) => b.writeUInt16LE(3, ET)),
      /ELF type 3, not an executable \(ET_EXEC\)/,
    ],
    [
      "a user-space executable (ET_EXEC)",
      () => program("exec", (b) => b.writeUInt16LE(2, ET)),
      /it has no xen_major_version symbol/,
    ],
    [
      "an EM_386 file",
      () => program("i386", (b) => b.writeUInt16LE(3, MACHINE)),
      /built for ELF machine 3, not EM_X86_64 \(62\)/,
    ],
    [
      "a payload (a relocatable object)",
      () => program("payload.livepatch", (b) => b.writeUInt16LE(1, ET)),
      /a relocatable object \(ET_REL\), as a livepatch payload is/,
    ],
  ])("%s is refused, naming the file", async (_what, make, problem) => {
    const file = make();
    const e = await XenSyms.load(file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ElfFormatError);
    expect((e as Error).message).toMatch(
      new RegExp(`^${file}: is not an x86-64 Xen hypervisor's xen-syms: `),
    );
    expect((e as Error).message).toMatch(problem);
  });

  it("verify exits 2 with the reason, not a verdict", async () => {
    const file = program("verify-prog", (b) => b.writeUInt16LE(2, ET));
    let stderr = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const code = await main(["verify", "--xen-syms", file, file]);
    vi.restoreAllMocks();
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${file}: is not a usable xen-syms: is not an x86-64 Xen hypervisor's xen-syms`,
    );
  });
});
