// A writer for the Linux initramfs format: a "newc" cpio archive (the SVR4 format without
// checksums, magic 070701), gzip-compressed. Written here rather than by running `cpio`
// so that device nodes and root ownership need no privileges, and so the archive is
// reproducible (fixed inode numbers and timestamps).
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { constants as zlibConstants, createGzip } from "node:zlib";

export type InitramfsEntry =
  | { type: "dir"; path: string; mode?: number }
  /** Contents from `data`, or read from the host file `source` while the archive is written. */
  | { type: "file"; path: string; mode?: number; data: string | Uint8Array }
  | { type: "file"; path: string; mode?: number; source: string }
  | { type: "symlink"; path: string; target: string }
  | { type: "chardev"; path: string; mode?: number; major: number; minor: number };

const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
const S_IFCHR = 0o020000;
const TRAILER = "TRAILER!!!";

/** An archive path: relative, '/'-separated, no empty, '.' or '..' components. */
export function normalizeArchivePath(path: string): string {
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.length === 0 || parts.includes("..")) {
    throw new Error(`initramfs: '${path}' is not a usable path inside the archive`);
  }
  return parts.join("/");
}

interface Header {
  ino: number;
  mode: number;
  nlink: number;
  size: number;
  rdevMajor: number;
  rdevMinor: number;
  name: string;
}

function header(h: Header): Buffer {
  const field = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
      throw new Error(`initramfs: value ${n} for '${h.name}' does not fit a cpio header field`);
    }
    return n.toString(16).toUpperCase().padStart(8, "0");
  };
  const name = Buffer.from(`${h.name}\0`, "utf8");
  const fields = [
    h.ino,
    h.mode,
    0, // uid: root
    0, // gid: root
    h.nlink,
    0, // mtime: fixed, for a reproducible archive
    h.size,
    0, // devmajor
    0, // devminor
    h.rdevMajor,
    h.rdevMinor,
    name.length,
    0, // check (unused by newc)
  ];
  const head = Buffer.from(`070701${fields.map(field).join("")}`, "ascii");
  return Buffer.concat([head, name, padding(head.length + name.length)]);
}

/** Zero bytes that bring `length` up to a multiple of 4. */
function padding(length: number): Buffer {
  return Buffer.alloc((4 - (length % 4)) % 4);
}

/**
 * Adds the parent directories an entry needs and no earlier entry made (the kernel's
 * unpacker does not create them), and rejects a path given twice.
 */
export function withParentDirs(entries: readonly InitramfsEntry[]): InitramfsEntry[] {
  const seen = new Set<string>();
  const out: InitramfsEntry[] = [];
  for (const entry of entries) {
    const path = normalizeArchivePath(entry.path);
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (!seen.has(dir)) {
        seen.add(dir);
        out.push({ type: "dir", path: dir });
      }
    }
    if (seen.has(path)) {
      // A directory named explicitly after a child created it implicitly is fine.
      if (entry.type === "dir") continue;
      throw new Error(`initramfs: '${path}' is given more than once`);
    }
    seen.add(path);
    out.push({ ...entry, path });
  }
  return out;
}

/** The uncompressed archive as a sequence of buffers (file contents read lazily). */
async function* archiveChunks(entries: readonly InitramfsEntry[]): AsyncGenerator<Buffer> {
  let ino = 1;
  for (const entry of withParentDirs(entries)) {
    const base = { ino: ino++, name: entry.path, rdevMajor: 0, rdevMinor: 0 };
    switch (entry.type) {
      case "dir":
        yield header({ ...base, mode: S_IFDIR | (entry.mode ?? 0o755), nlink: 2, size: 0 });
        break;
      case "symlink": {
        const target = Buffer.from(entry.target, "utf8");
        yield header({ ...base, mode: S_IFLNK | 0o777, nlink: 1, size: target.length });
        yield Buffer.concat([target, padding(target.length)]);
        break;
      }
      case "chardev":
        yield header({
          ...base,
          mode: S_IFCHR | (entry.mode ?? 0o600),
          nlink: 1,
          size: 0,
          rdevMajor: entry.major,
          rdevMinor: entry.minor,
        });
        break;
      case "file": {
        const mode = S_IFREG | (entry.mode ?? 0o644);
        if ("data" in entry) {
          const data = typeof entry.data === "string" ? Buffer.from(entry.data) : entry.data;
          yield header({ ...base, mode, nlink: 1, size: data.length });
          yield Buffer.from(data.buffer, data.byteOffset, data.byteLength);
          yield padding(data.length);
        } else {
          const { size } = await stat(entry.source);
          yield header({ ...base, mode, nlink: 1, size });
          let copied = 0;
          for await (const chunk of createReadStream(entry.source)) {
            copied += (chunk as Buffer).length;
            yield chunk as Buffer;
          }
          if (copied !== size) {
            throw new Error(
              `initramfs: ${entry.source} changed while being archived (${copied} bytes, expected ${size})`,
            );
          }
          yield padding(size);
        }
        break;
      }
    }
  }
  yield header({ ino: 0, mode: 0, nlink: 1, size: 0, rdevMajor: 0, rdevMinor: 0, name: TRAILER });
}

/**
 * Writes `entries` as a gzip'd newc cpio archive to `outPath` (via a temporary file, so a
 * half-written archive is never left under that name). Parent directories are added
 * where missing; everything is owned by root with a zero timestamp.
 */
export async function buildInitramfs(
  entries: readonly InitramfsEntry[],
  outPath: string,
): Promise<void> {
  await mkdir(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.tmp-${process.pid}`;
  try {
    await pipeline(
      Readable.from(archiveChunks(entries)),
      // Speed over size: the archive is read once, from local disk, by the guest kernel.
      createGzip({ level: zlibConstants.Z_BEST_SPEED }),
      createWriteStream(tmp),
    );
    await rename(tmp, outPath);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
