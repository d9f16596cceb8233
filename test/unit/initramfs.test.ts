// The initramfs writer, checked against GNU cpio (the `cpio` package): what it lists and
// what it extracts must match what was put in.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readlinkSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  buildInitramfs,
  normalizeArchivePath,
  withParentDirs,
  type InitramfsEntry,
} from "../../src/boot/initramfs.js";

const work = mkdtempSync(join(tmpdir(), "xlci-initramfs-"));

// Sizes that exercise every padding remainder, and a binary file with every byte value.
const binary = Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
const hostFile = join(work, "host-file.bin");
writeFileSync(hostFile, binary);

const entries: InitramfsEntry[] = [
  { type: "dir", path: "bin" },
  { type: "file", path: "/bin/busybox", mode: 0o755, source: hostFile },
  { type: "symlink", path: "bin/sh", target: "busybox" },
  { type: "file", path: "init", mode: 0o755, data: "#!/bin/sh\necho hello\n" },
  { type: "file", path: "etc/deep/er/one", data: "1" },
  { type: "file", path: "etc/deep/er/two", data: "22" },
  { type: "file", path: "etc/deep/er/three", data: "333" },
  { type: "file", path: "etc/deep/er/four", data: new Uint8Array([0, 1, 2, 255]) },
  { type: "file", path: "empty", data: "" },
  { type: "dir", path: "proc", mode: 0o555 },
];

function cpio(args: string[], archive: Buffer, cwd = work): string {
  return execFileSync("cpio", args, { input: gunzipSync(archive), cwd, encoding: "utf8" });
}

describe("buildInitramfs", () => {
  it("lists with cpio -t in order, parent directories first", async () => {
    const out = join(work, "list.cpio.gz");
    await buildInitramfs(entries, out);
    const names = cpio(["-t", "--quiet"], readFileSync(out)).trim().split("\n");
    expect(names).toEqual([
      "bin",
      "bin/busybox",
      "bin/sh",
      "init",
      "etc",
      "etc/deep",
      "etc/deep/er",
      "etc/deep/er/one",
      "etc/deep/er/two",
      "etc/deep/er/three",
      "etc/deep/er/four",
      "empty",
      "proc",
    ]);
  });

  it("extracts byte-identical files with their modes, and symlinks", async () => {
    const out = join(work, "extract.cpio.gz");
    await buildInitramfs(entries, out);
    const dest = mkdtempSync(join(work, "x-"));
    cpio(["-i", "-d", "--quiet", "--no-absolute-filenames"], readFileSync(out), dest);
    expect(readFileSync(join(dest, "bin/busybox")).equals(binary)).toBe(true);
    expect(statSync(join(dest, "bin/busybox")).mode & 0o7777).toBe(0o755);
    expect(readFileSync(join(dest, "init"), "utf8")).toBe("#!/bin/sh\necho hello\n");
    expect(statSync(join(dest, "init")).mode & 0o7777).toBe(0o755);
    expect(readFileSync(join(dest, "etc/deep/er/one"), "utf8")).toBe("1");
    expect(readFileSync(join(dest, "etc/deep/er/three"), "utf8")).toBe("333");
    expect([...readFileSync(join(dest, "etc/deep/er/four"))]).toEqual([0, 1, 2, 255]);
    expect(statSync(join(dest, "etc/deep/er/one")).mode & 0o7777).toBe(0o644);
    expect(readFileSync(join(dest, "empty")).length).toBe(0);
    expect(readlinkSync(join(dest, "bin/sh"))).toBe("busybox");
    expect(statSync(join(dest, "proc")).isDirectory()).toBe(true);
  });

  it("writes device nodes with their numbers, owned by root", async () => {
    const out = join(work, "dev.cpio.gz");
    await buildInitramfs([{ type: "chardev", path: "dev/console", major: 5, minor: 1 }], out);
    const listing = cpio(["-t", "-v", "--quiet", "--numeric-uid-gid"], readFileSync(out));
    expect(listing).toMatch(/^crw------- +1 0 +0 +5, +1 .* dev\/console$/m);
    expect(listing).toMatch(/^drwxr-xr-x +2 0 +0 .* dev$/m);
  });

  it("is reproducible: the same entries give the same bytes", async () => {
    await buildInitramfs(entries, join(work, "a.cpio.gz"));
    await buildInitramfs(entries, join(work, "b.cpio.gz"));
    expect(
      readFileSync(join(work, "a.cpio.gz")).equals(readFileSync(join(work, "b.cpio.gz"))),
    ).toBe(true);
  });

  it("rejects paths outside the archive and duplicates", async () => {
    expect(() => normalizeArchivePath("../etc/passwd")).toThrow(/not a usable path/);
    expect(() => normalizeArchivePath("/")).toThrow(/not a usable path/);
    expect(normalizeArchivePath("/./a//b/")).toBe("a/b");
    expect(() =>
      withParentDirs([
        { type: "file", path: "a", data: "" },
        { type: "symlink", path: "/a", target: "x" },
      ]),
    ).toThrow(/more than once/);
    await expect(
      buildInitramfs(
        [{ type: "file", path: "x", source: join(work, "missing") }],
        join(work, "m.gz"),
      ),
    ).rejects.toThrow(/ENOENT/);
  });
});
