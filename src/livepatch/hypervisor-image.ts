/**
 * A hypervisor as users have it: the boot image in `/boot` (`xen-*.gz`, the multiboot ELF
 * `xen`, or `xen.efi`) or the `xen-syms` beside a build. Reads the build-id the running
 * hypervisor reports (which payloads must name) and, with a rebuilt xen-syms for its
 * symbols, the build values it embeds, so a mismatch can be explained from a file users
 * keep rather than the xen-syms they rarely do.
 */
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { ElfFormatError, parseElf } from "../elf/reader.js";
import { hex } from "./notes.js";
import { BUILD_INFO_FUNCTIONS, XenSyms, readBuildInfo } from "./xen-syms.js";

export type HypervisorImageFormat = "xen-syms" | "elf-image" | "efi";

export interface HypervisorImage {
  readonly file: string;
  /** `xen-syms` (ELF64 with symbols), `elf-image` (the 32-bit multiboot `xen`), `efi` (PE). */
  readonly format: HypervisorImageFormat;
  /** True when the file was gzip-compressed (`xen-*.gz`). */
  readonly compressed: boolean;
  /**
   * The build-id the hypervisor reports (`xen-livepatch` and payloads' `xen_depends`), in
   * hex: the GNU build-id note (20 bytes) of an ELF; for EFI the 16-byte CodeView
   * signature, which Xen reports when booted from xen.efi (xen/common/version.c,
   * xen_build_init). Undefined when the file has none.
   */
  readonly buildId: string | undefined;
  /** The decompressed bytes. */
  readonly bytes: Uint8Array;
  /**
   * Up to `length` bytes at a hypervisor virtual address (0xffff82d04... on x86-64), or
   * undefined outside the loaded image. `start` is the address of the image's first loaded
   * byte, `_start` of the matching xen-syms (needed for the ELF image, whose program
   * header holds the physical load address).
   */
  bytesAt(address: bigint, length: number, start: bigint): Uint8Array | undefined;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Reads a hypervisor file of any of the formats above.
 *
 * @throws Error naming the file when it is not one of them or is malformed.
 */
export async function readHypervisorImage(path: string): Promise<HypervisorImage> {
  let bytes: Uint8Array = await readFile(path);
  const compressed = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  if (compressed) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: 256 * 1024 * 1024 });
    } catch (e) {
      throw new Error(`${path}: not a readable gzip file (${(e as Error).message})`, { cause: e });
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isElf = bytes.length >= 52 && view.getUint32(0, false) === 0x7f454c46;
  if (isElf && bytes[4] === 2) return xenSymsImage(path, bytes, compressed);
  if (isElf && bytes[4] === 1) return elf32Image(path, bytes, view, compressed);
  if (bytes.length >= 64 && bytes[0] === 0x4d && bytes[1] === 0x5a)
    return efiImage(path, bytes, view, compressed);
  throw new Error(
    `${path} is not a hypervisor image: expected xen-syms, the multiboot ELF 'xen' (gzipped as /boot/xen-*.gz) or xen.efi`,
  );
}

function xenSymsImage(path: string, bytes: Uint8Array, compressed: boolean): HypervisorImage {
  const syms = new XenSyms(parseElf(bytes, path));
  return {
    file: path,
    format: "xen-syms",
    compressed,
    buildId: syms.buildId,
    bytes,
    bytesAt: (address, length) => syms.bytesAt(address, length),
  };
}

const PT_LOAD = 1;
const PT_NOTE = 4;
const NT_GNU_BUILD_ID = 3;

/** The 32-bit multiboot image (xen/arch/x86/boot/mkelf32.c): one PT_LOAD and a PT_NOTE. */
function elf32Image(
  path: string,
  bytes: Uint8Array,
  view: DataView,
  compressed: boolean,
): HypervisorImage {
  const fail = (problem: string) => new ElfFormatError(path, problem);
  const phoff = view.getUint32(28, true);
  const phentsize = view.getUint16(42, true);
  const phnum = view.getUint16(44, true);
  if (phentsize < 32 || phoff + phnum * phentsize > bytes.length)
    throw fail("program headers outside the file");
  const segments = Array.from({ length: phnum }, (_, i) => {
    const at = phoff + i * phentsize;
    return {
      type: view.getUint32(at, true),
      offset: view.getUint32(at + 4, true),
      vaddr: view.getUint32(at + 8, true),
      filesz: view.getUint32(at + 16, true),
    };
  }).filter((s) => s.offset + s.filesz <= bytes.length);
  const loads = segments.filter((s) => s.type === PT_LOAD).sort((a, b) => a.vaddr - b.vaddr);
  const first = loads[0];
  if (!first) throw fail("no loadable segment");
  let buildId: string | undefined;
  for (const s of segments.filter((s) => s.type === PT_NOTE))
    buildId ??= gnuBuildIdIn(bytes.subarray(s.offset, s.offset + s.filesz));
  return {
    file: path,
    format: "elf-image",
    compressed,
    buildId,
    bytes,
    bytesAt(address, length, start) {
      const physical = address - start + BigInt(first.vaddr);
      for (const s of loads) {
        const off = physical - BigInt(s.vaddr);
        if (off < 0n || off >= BigInt(s.filesz)) continue;
        const from = s.offset + Number(off);
        return bytes.subarray(from, Math.min(from + length, s.offset + s.filesz));
      }
      return undefined;
    },
  };
}

/** The GNU build-id of the first such note in an ELF note area, in hex. */
function gnuBuildIdIn(notes: Uint8Array): string | undefined {
  const view = new DataView(notes.buffer, notes.byteOffset, notes.byteLength);
  const align = (n: number) => (n + 3) & ~3;
  for (let at = 0; at + 12 <= notes.length;) {
    const namesz = view.getUint32(at, true);
    const descsz = view.getUint32(at + 4, true);
    const type = view.getUint32(at + 8, true);
    const name = at + 12;
    const desc = name + align(namesz);
    if (desc + descsz > notes.length) return undefined;
    const owner = Buffer.from(notes.subarray(name, name + namesz)).toString("latin1");
    if (type === NT_GNU_BUILD_ID && owner === "GNU\0" && descsz > 0)
      return hex(notes.subarray(desc, desc + descsz));
    at = desc + align(descsz);
  }
  return undefined;
}

const IMAGE_DEBUG_TYPE_CODEVIEW = 2;
const CODEVIEW_PDB70 = 0x53445352; // "RSDS"

/** xen.efi: a PE32+ image whose debug directory holds the CodeView build-id record. */
function efiImage(
  path: string,
  bytes: Uint8Array,
  view: DataView,
  compressed: boolean,
): HypervisorImage {
  const fail = (problem: string) => new Error(`${path}: not a readable PE image (${problem})`);
  const pe = view.getUint32(0x3c, true);
  if (pe + 24 > bytes.length || view.getUint32(pe, false) !== 0x50450000)
    throw fail("no PE signature");
  const sectionCount = view.getUint16(pe + 6, true);
  const optionalSize = view.getUint16(pe + 20, true);
  const optional = pe + 24;
  if (optional + 112 + 7 * 8 > bytes.length || view.getUint16(optional, true) !== 0x20b)
    throw fail("not PE32+");
  const imageBase = view.getBigUint64(optional + 24, true);
  const sections = Array.from({ length: sectionCount }, (_, i) => {
    const at = optional + optionalSize + i * 40;
    if (at + 40 > bytes.length) throw fail("section table outside the file");
    // Raw data is padded to the file alignment: past the virtual size it is not the section's.
    const virtualSize = view.getUint32(at + 8, true);
    return {
      rva: view.getUint32(at + 12, true),
      rawSize: Math.min(virtualSize, view.getUint32(at + 16, true)),
      rawOffset: view.getUint32(at + 20, true),
    };
  }).filter((s) => s.rawOffset + s.rawSize <= bytes.length);
  const fileOffset = (rva: number, length: number) => {
    const s = sections.find((s) => rva >= s.rva && rva + length <= s.rva + s.rawSize);
    return s ? s.rawOffset + (rva - s.rva) : undefined;
  };
  // Data directory 6 is the debug directory: 28-byte entries.
  const debugRva = view.getUint32(optional + 112 + 6 * 8, true);
  const debugSize = view.getUint32(optional + 112 + 6 * 8 + 4, true);
  let buildId: string | undefined;
  for (let i = 0; i + 28 <= debugSize && buildId === undefined; i += 28) {
    const entry = fileOffset(debugRva + i, 28);
    if (entry === undefined) break;
    if (view.getUint32(entry + 12, true) !== IMAGE_DEBUG_TYPE_CODEVIEW) continue;
    const record = view.getUint32(entry + 24, true);
    if (record + 24 > bytes.length || view.getUint32(record, true) !== CODEVIEW_PDB70) continue;
    buildId = hex(bytes.subarray(record + 4, record + 20));
  }
  return {
    file: path,
    format: "efi",
    compressed,
    buildId,
    bytes,
    bytesAt(address, length) {
      const rva = address - imageBase;
      if (rva < 0n || rva > 0xffffffffn) return undefined;
      const s = sections.find((s) => rva >= BigInt(s.rva) && rva < BigInt(s.rva + s.rawSize));
      if (!s) return undefined;
      const from = s.rawOffset + Number(rva - BigInt(s.rva));
      return bytes.subarray(from, Math.min(from + length, s.rawOffset + s.rawSize));
    },
  };
}

/**
 * The build values `image` embeds (compile.h: compiler, date, changeset, the distribution's
 * version and maintainer, ...), by function name, read through the rebuilt `reference`'s
 * symbols: an image has none of its own, but its code lies where the reference's does
 * when both come from the same source, configuration and compiler version. A value whose
 * code is not where the reference's is (another compiler or .config) is looked up by the
 * reference's own value instead: present in the image means equal.
 *
 * @returns `values` read from the image, and `unknown`: names whose value the image holds
 *   neither where the reference's code says nor as the reference's own text.
 */
export function imageBuildInfo(
  image: HypervisorImage,
  reference: XenSyms,
): { values: Record<string, string>; unknown: string[] } {
  if (image.format === "xen-syms") {
    return { values: new XenSyms(parseElf(image.bytes, image.file)).buildInfo(), unknown: [] };
  }
  const start = reference.lookup("_start")?.value;
  const theirs =
    start === undefined
      ? {}
      : readBuildInfo(
          (name) => reference.lookup(name)?.value,
          (address, length) => image.bytesAt(address, length, start),
        );
  const ours = reference.buildInfo();
  const values: Record<string, string> = {};
  const unknown: string[] = [];
  for (const name of BUILD_INFO_FUNCTIONS) {
    const value = theirs[name];
    if (value !== undefined && /^[\x20-\x7e]*$/.test(value)) values[name] = value;
    else if (ours[name] !== undefined && containsCString(image.bytes, ours[name]))
      values[name] = ours[name];
    else if (ours[name] !== undefined) unknown.push(name);
  }
  return { values, unknown };
}

function containsCString(bytes: Uint8Array, text: string): boolean {
  const needle = Buffer.from(`\0${text}\0`, "latin1");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);
}
