/**
 * The hypervisor a payload targets, as seen through its `xen-syms`: its build-id, its
 * symbol table under the names the running hypervisor uses for lookups, and the bytes of
 * its code.
 */
import {
  SHN_ABS,
  SHN_UNDEF,
  SHT_NOBITS,
  STB_LOCAL,
  STT_FILE,
  STT_SECTION,
} from "../elf/constants.js";
import { type ElfFile, readElfFile } from "../elf/reader.js";
import { readGnuBuildId } from "./notes.js";

export interface XenSymbol {
  /** The name the hypervisor's symbol lookup knows: `file#name` for local symbols. */
  readonly name: string;
  readonly value: bigint;
  readonly size: number;
  readonly type: number;
}

/**
 * Xen builds its runtime symbol table from `nm -pa` of the linked image (xen/tools/symbols.c):
 * local symbols are prefixed with the most recent source file name and '#', undefined and
 * absolute symbols are left out. Mirroring that lets us predict what a payload's name
 * lookups will find.
 */
function runtimeSymbolTable(elf: ElfFile): Map<string, XenSymbol> {
  const table = new Map<string, XenSymbol>();
  let file: string | undefined;
  for (const sym of elf.symbols()) {
    if (sym.index === 0) continue;
    if (sym.type === STT_FILE) {
      file = sym.name || undefined;
      continue;
    }
    if (sym.shndx === SHN_UNDEF || sym.shndx === SHN_ABS || sym.type === STT_SECTION || !sym.name)
      continue;
    const name = sym.bind === STB_LOCAL && file ? `${file}#${sym.name}` : sym.name;
    if (!table.has(name))
      table.set(name, { name, value: sym.value, size: sym.size, type: sym.type });
  }
  return table;
}

/** compile.h's values, by the function returning each (upstream's and Debian's names). */
export const BUILD_INFO_FUNCTIONS = [
  "xen_compile_date",
  "xen_compile_time",
  "xen_compile_by",
  "xen_compile_domain",
  "xen_compile_host",
  "xen_compiler",
  "xen_changeset",
  "xen_extra_version",
  "xen_compile_system_distribution",
  "xen_compile_system_maintainer_local",
  "xen_compile_system_maintainer_domain",
  "xen_compile_system_version",
] as const;

/**
 * Where each embedded value comes from, in the terms a user sets it by: the build values
 * (xen/Makefile, `build-values`), the compiler, the tree, or Debian's packaging
 * (DEB_VERSION, DEB_MAINTAINER and `lsb_release -is`, embedded by Debian's patched
 * xen/build.mk).
 */
export const BUILD_INFO_ORIGIN: Record<(typeof BUILD_INFO_FUNCTIONS)[number], string> = {
  xen_compile_date: "the build date, XEN_BUILD_DATE",
  xen_compile_time: "the build time, XEN_BUILD_TIME",
  xen_compile_by: "the build user, XEN_WHOAMI",
  xen_compile_domain: "the build domain, XEN_DOMAIN",
  xen_compile_host: "the build host, XEN_BUILD_HOST",
  xen_compiler: "the compiler",
  xen_changeset: "the changeset",
  xen_extra_version: "the extra version",
  xen_compile_system_distribution: "the distribution (lsb_release -is)",
  xen_compile_system_maintainer_local: "the package maintainer, DEB_MAINTAINER",
  xen_compile_system_maintainer_domain: "the package maintainer's domain, DEB_MAINTAINER",
  xen_compile_system_version: "the package version, DEB_VERSION",
};

/**
 * The build values two hypervisors disagree on, one line each:
 * `the build time, XEN_BUILD_TIME (xen_compile_time()): rebuilt "13:52:25", deployed "00:00:00"`.
 */
export function buildInfoDifferences(
  ours: Record<string, string>,
  theirs: Record<string, string>,
): string[] {
  const names = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])];
  return names
    .filter((n) => ours[n] !== theirs[n])
    .map((n) => {
      const origin = BUILD_INFO_ORIGIN[n as keyof typeof BUILD_INFO_ORIGIN];
      return `${origin ? `${origin} (${n}())` : `${n}()`}: rebuilt ${JSON.stringify(ours[n] ?? null)}, deployed ${JSON.stringify(theirs[n] ?? null)}`;
    });
}

/**
 * compile.h's values read through the functions that return them: each is
 * `lea str(%rip), %rax` (after an optional ENDBR64) and a return. `address` finds a
 * function, `bytesAt` reads the hypervisor's memory. Only the values this tree has and
 * whose function has that shape are returned, by function name.
 */
export function readBuildInfo(
  address: (name: string) => bigint | undefined,
  bytesAt: (address: bigint, length: number) => Uint8Array | undefined,
): Record<string, string> {
  const info: Record<string, string> = {};
  for (const fn of BUILD_INFO_FUNCTIONS) {
    const at0 = address(fn);
    const code = at0 !== undefined ? bytesAt(at0, 11) : undefined;
    if (at0 === undefined || !code) continue;
    const at = code[0] === 0xf3 && code[1] === 0x0f && code[2] === 0x1e && code[3] === 0xfa ? 4 : 0;
    if (code.length < at + 7 || code[at] !== 0x48 || code[at + 1] !== 0x8d || code[at + 2] !== 0x05)
      continue;
    const disp = new DataView(code.buffer, code.byteOffset + at + 3, 4).getInt32(0, true);
    const text = bytesAt(at0 + BigInt(at + 7 + disp), 256);
    if (!text) continue;
    const end = text.indexOf(0);
    info[fn] = Buffer.from(text.subarray(0, end < 0 ? text.length : end)).toString("latin1");
  }
  return info;
}

export class XenSyms {
  readonly buildId: string | undefined;
  private readonly symbols: Map<string, XenSymbol>;

  constructor(readonly elf: ElfFile) {
    const note = readGnuBuildId(elf, ".note.gnu.build-id");
    this.buildId = note.status === "ok" ? note.id : undefined;
    this.symbols = runtimeSymbolTable(elf);
  }

  static async load(path: string): Promise<XenSyms> {
    return new XenSyms(await readElfFile(path, 1024 * 1024 * 1024));
  }

  get file(): string {
    return this.elf.file;
  }

  lookup(name: string): XenSymbol | undefined {
    return this.symbols.get(name);
  }

  /** The build values the hypervisor embeds (compile.h), by function; see readBuildInfo. */
  buildInfo(): Record<string, string> {
    return readBuildInfo(
      (name) => this.lookup(name)?.value,
      (address, length) => this.bytesAt(address, length),
    );
  }

  /** Up to `length` bytes of the image at a virtual address; undefined outside loaded data. */
  bytesAt(address: bigint, length: number): Uint8Array | undefined {
    for (const s of this.elf.sections) {
      if (s.type === SHT_NOBITS || s.addr === 0n || !this.elf.inBounds(s)) continue;
      if (address < s.addr || address >= s.addr + BigInt(s.size)) continue;
      const start = Number(address - s.addr);
      return this.elf.data(s).subarray(start, Math.min(start + length, s.size));
    }
    return undefined;
  }
}
