/**
 * The hypervisor a payload targets, as seen through its `xen-syms`: its build-id, its
 * symbol table under the names the running hypervisor uses for lookups, and the bytes of
 * its code.
 */
import {
  ELFCLASS64,
  EM_X86_64,
  ET_EXEC,
  ET_REL,
  SHN_ABS,
  SHN_UNDEF,
  SHT_NOBITS,
  STB_LOCAL,
  STT_FILE,
  STT_SECTION,
} from "../elf/constants.js";
import { ElfFormatError, type ElfFile, readElfFile } from "../elf/reader.js";
import { readGnuBuildId } from "./notes.js";
import { endbrLength } from "../xen/abi.js";
import { XenCode, loadX86Decoder } from "./xen-code.js";
import type { XenVersion } from "../xen/version.js";

/** sizeof(struct alt_instr) in Xen 4.17 x86. */
const ALT_INSTR_SIZE = 14;

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
  xen_changeset: "the changeset, XEN_CHANGESET",
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
    const at = endbrLength(code);
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

/**
 * Why a file is not an x86-64 Xen hypervisor's xen-syms, or undefined when it is one: an
 * ELF64 EM_X86_64 executable (ET_EXEC: a payload is ET_REL, a user-space program mostly
 * ET_DYN) with the GNU build-id note Xen reports (xen/common/version.c, xen_build_id) and
 * the xen_major_version() function every release has.
 */
export function xenSymsProblem(elf: ElfFile): string | undefined {
  const { header } = elf;
  const what = "is not an x86-64 Xen hypervisor's xen-syms:";
  if (header.class !== ELFCLASS64) return `${what} not a 64-bit ELF file`;
  if (header.machine !== EM_X86_64)
    return `${what} built for ELF machine ${header.machine}, not EM_X86_64 (${EM_X86_64})`;
  if (header.type === ET_REL)
    return `${what} a relocatable object (ET_REL), as a livepatch payload is`;
  if (header.type !== ET_EXEC)
    return `${what} ELF type ${header.type}, not an executable (ET_EXEC)`;
  if (readGnuBuildId(elf, ".note.gnu.build-id").status !== "ok")
    return `${what} it has no GNU build-id note (.note.gnu.build-id)`;
  if (!elf.symbols().some((s) => s.name === "xen_major_version" && s.shndx !== SHN_UNDEF))
    return `${what} it has no xen_major_version symbol`;
  return undefined;
}

export class XenSyms {
  readonly buildId: string | undefined;
  private readonly symbols: Map<string, XenSymbol>;

  constructor(readonly elf: ElfFile) {
    const note = readGnuBuildId(elf, ".note.gnu.build-id");
    this.buildId = note.status === "ok" ? note.id : undefined;
    this.symbols = runtimeSymbolTable(elf);
  }

  /**
   * Reads xen-syms, and loads the x86 decoder its code() needs.
   *
   * @throws ElfFormatError naming the file when it is not ELF, or not what a payload is
   *   checked against (see xenSymsProblem): a payload verified against a user-space
   *   program or a payload would pass with a wrong build-id.
   */
  static async load(path: string): Promise<XenSyms> {
    const [elf] = await Promise.all([readElfFile(path, 1024 * 1024 * 1024), loadX86Decoder()]);
    const problem = xenSymsProblem(elf);
    if (problem) throw new ElfFormatError(path, problem);
    return new XenSyms(elf);
  }

  private codeCache?: XenCode | null;
  /**
   * The image's code as instructions (decoded on first use); undefined when the decoder
   * was not loaded (a XenSyms made with `new` rather than `load`).
   */
  code(): XenCode | undefined {
    if (this.codeCache === undefined) this.codeCache = XenCode.create(this.elf) ?? null;
    return this.codeCache ?? undefined;
  }

  get file(): string {
    return this.elf.file;
  }

  lookup(name: string): XenSymbol | undefined {
    return this.symbols.get(name);
  }

  /**
   * The hypervisor's version: major and minor as xen_major_version() and
   * xen_minor_version() return them (xen/common/version.c: `mov $imm32, %eax` after an
   * optional ENDBR64), the point release from xen_extra_version()'s string (".2" -> 2;
   * undefined for "-unstable", "-rc" or when it cannot be read). Undefined when the code has
   * another shape. The loader's checks differ within a minor version (src/xen/changes.ts).
   */
  version(): XenVersion | undefined {
    const read = (name: string) => {
      const sym = this.lookup(name);
      const code = sym && this.bytesAt(sym.value, 9);
      if (!code) return undefined;
      const at = endbrLength(code);
      if (code.length < at + 5 || code[at] !== 0xb8) return undefined;
      return new DataView(code.buffer, code.byteOffset + at + 1, 4).getInt32(0, true);
    };
    const major = read("xen_major_version");
    const minor = read("xen_minor_version");
    if (major === undefined || minor === undefined) return undefined;
    const extra = this.buildInfo().xen_extra_version ?? "";
    const point = /^\.(\d+)/.exec(extra)?.[1];
    return {
      major,
      minor,
      patch: point === undefined ? undefined : Number(point),
      text: `${major}.${minor}${extra}`,
    };
  }

  /**
   * NCAPINTS, the number of 32-bit capability words the hypervisor was built with, from
   * the size of `forced_caps` (xen/arch/x86/cpu/common.c: `static unsigned int
   * forced_caps[NCAPINTS]`, in every version from 4.17 to master); undefined without it.
   */
  capabilityWords(): number | undefined {
    const sym = this.elf
      .symbols()
      .find((s) => s.name === "forced_caps" && s.shndx !== SHN_UNDEF && s.size > 0);
    return sym && sym.size % 4 === 0 ? sym.size / 4 : undefined;
  }

  /** The build values the hypervisor embeds (compile.h), by function; see readBuildInfo. */
  buildInfo(): Record<string, string> {
    return readBuildInfo(
      (name) => this.lookup(name)?.value,
      (address, length) => this.bytesAt(address, length),
    );
  }

  private sealedCache?: ReadonlySet<bigint>;
  /**
   * The functions whose ENDBR64 Xen overwrites at boot on CET-IBT hardware
   * (xen/arch/x86/alternative.c): every pointer in .init.{ro,}data.cf_clobber (between
   * __initdata_cf_clobber_start and _end) that points into .text at an ENDBR64 gets it
   * replaced by ENDBR64_POISON. On a CPU without IBT (QEMU's) they keep it. Empty for a
   * hypervisor without those symbols.
   */
  endbrSealed(): ReadonlySet<bigint> {
    if (this.sealedCache) return this.sealedCache;
    const sealed = new Set<bigint>();
    const symbol = (name: string) =>
      this.elf.symbols().find((s) => s.name === name && s.shndx !== SHN_UNDEF)?.value;
    const [start, end, stext, etext] = [
      "__initdata_cf_clobber_start",
      "__initdata_cf_clobber_end",
      "_stext",
      "_etext",
    ].map(symbol);
    if (start !== undefined && end !== undefined && stext !== undefined && etext !== undefined) {
      const table = end > start ? this.bytesAt(start, Number(end - start)) : undefined;
      const view = table && new DataView(table.buffer, table.byteOffset, table.byteLength);
      for (let at = 0; view && at + 8 <= view.byteLength; at += 8) {
        const target = view.getBigUint64(at, true);
        if (target < stext || target >= etext) continue;
        const code = this.bytesAt(target, 4);
        if (code && endbrLength(code) > 0) sealed.add(target);
      }
    }
    this.sealedCache = sealed;
    return sealed;
  }

  private altCache?: ReadonlyArray<{ start: bigint; length: number }>;
  /**
   * The code Xen rewrites at boot according to the CPU's features (alternatives): each
   * `struct alt_instr` between __alt_instructions and __alt_instructions_end (14 bytes in
   * 4.17: orig_offset s32, repl_offset s32, cpuid u16, orig_len u8, ...) names orig_len
   * bytes at &orig_offset + orig_offset. Sorted by start.
   */
  alternativeSites(): ReadonlyArray<{ start: bigint; length: number }> {
    if (this.altCache) return this.altCache;
    const sites: Array<{ start: bigint; length: number }> = [];
    const symbol = (name: string) =>
      this.elf.symbols().find((s) => s.name === name && s.shndx !== SHN_UNDEF)?.value;
    const start = symbol("__alt_instructions");
    const end = symbol("__alt_instructions_end");
    if (start !== undefined && end !== undefined && end > start) {
      const table = this.bytesAt(start, Number(end - start));
      const view = table && new DataView(table.buffer, table.byteOffset, table.byteLength);
      for (let at = 0; view && at + ALT_INSTR_SIZE <= view.byteLength; at += ALT_INSTR_SIZE) {
        const orig = start + BigInt(at) + BigInt(view.getInt32(at, true));
        sites.push({ start: orig, length: view.getUint8(at + 10) });
      }
    }
    sites.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
    this.altCache = sites;
    return sites;
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
