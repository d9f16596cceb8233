import { type ElfFile } from "../elf/reader.js";
import { XenCode } from "./xen-code.js";
import type { XenVersion } from "../xen/version.js";
export interface XenSymbol {
    /** The name the hypervisor's symbol lookup knows: `file#name` for local symbols. */
    readonly name: string;
    readonly value: bigint;
    readonly size: number;
    readonly type: number;
}
/** compile.h's values, by the function returning each (upstream's and Debian's names). */
export declare const BUILD_INFO_FUNCTIONS: readonly ["xen_compile_date", "xen_compile_time", "xen_compile_by", "xen_compile_domain", "xen_compile_host", "xen_compiler", "xen_changeset", "xen_extra_version", "xen_compile_system_distribution", "xen_compile_system_maintainer_local", "xen_compile_system_maintainer_domain", "xen_compile_system_version"];
/**
 * Where each embedded value comes from, in the terms a user sets it by: the build values
 * (xen/Makefile, `build-values`), the compiler, the tree, or Debian's packaging
 * (DEB_VERSION, DEB_MAINTAINER and `lsb_release -is`, embedded by Debian's patched
 * xen/build.mk).
 */
export declare const BUILD_INFO_ORIGIN: Record<(typeof BUILD_INFO_FUNCTIONS)[number], string>;
/**
 * The build values two hypervisors disagree on, one line each:
 * `the build time, XEN_BUILD_TIME (xen_compile_time()): rebuilt "13:52:25", deployed "00:00:00"`.
 */
export declare function buildInfoDifferences(ours: Record<string, string>, theirs: Record<string, string>): string[];
/**
 * compile.h's values read through the functions that return them: each is
 * `lea str(%rip), %rax` (after an optional ENDBR64) and a return. `address` finds a
 * function, `bytesAt` reads the hypervisor's memory. Only the values this tree has and
 * whose function has that shape are returned, by function name.
 */
export declare function readBuildInfo(address: (name: string) => bigint | undefined, bytesAt: (address: bigint, length: number) => Uint8Array | undefined): Record<string, string>;
/**
 * Why a file is not an x86-64 Xen hypervisor's xen-syms, or undefined when it is one: an
 * ELF64 EM_X86_64 executable (ET_EXEC: a payload is ET_REL, a user-space program mostly
 * ET_DYN) with the GNU build-id note Xen reports (xen/common/version.c, xen_build_id) and
 * the xen_major_version() function every release has.
 */
export declare function xenSymsProblem(elf: ElfFile): string | undefined;
export declare class XenSyms {
    readonly elf: ElfFile;
    readonly buildId: string | undefined;
    private readonly symbols;
    constructor(elf: ElfFile);
    /**
     * Reads xen-syms, and loads the x86 decoder its code() needs.
     *
     * @throws ElfFormatError naming the file when it is not ELF, or not what a payload is
     *   checked against (see xenSymsProblem): a payload verified against a user-space
     *   program or a payload would pass with a wrong build-id.
     */
    static load(path: string): Promise<XenSyms>;
    private codeCache?;
    /**
     * The image's code as instructions (decoded on first use); undefined when the decoder
     * was not loaded (a XenSyms made with `new` rather than `load`).
     */
    code(): XenCode | undefined;
    get file(): string;
    lookup(name: string): XenSymbol | undefined;
    /**
     * The hypervisor's version: major and minor as xen_major_version() and
     * xen_minor_version() return them (xen/common/version.c: `mov $imm32, %eax` after an
     * optional ENDBR64), the point release from xen_extra_version()'s string (".2" -> 2;
     * undefined for "-unstable", "-rc" or when it cannot be read). Undefined when the code has
     * another shape. The loader's checks differ within a minor version (src/xen/changes.ts).
     */
    version(): XenVersion | undefined;
    /**
     * NCAPINTS, the number of 32-bit capability words the hypervisor was built with, from
     * the size of `forced_caps` (xen/arch/x86/cpu/common.c: `static unsigned int
     * forced_caps[NCAPINTS]`, in every version from 4.17 to master); undefined without it.
     */
    capabilityWords(): number | undefined;
    /** The build values the hypervisor embeds (compile.h), by function; see readBuildInfo. */
    buildInfo(): Record<string, string>;
    private sealedCache?;
    /**
     * The functions whose ENDBR64 Xen overwrites at boot on CET-IBT hardware
     * (xen/arch/x86/alternative.c): every pointer in .init.{ro,}data.cf_clobber (between
     * __initdata_cf_clobber_start and _end) that points into .text at an ENDBR64 gets it
     * replaced by ENDBR64_POISON. On a CPU without IBT (QEMU's) they keep it. Empty for a
     * hypervisor without those symbols.
     */
    endbrSealed(): ReadonlySet<bigint>;
    private altCache?;
    /**
     * The code Xen rewrites at boot according to the CPU's features (alternatives): each
     * `struct alt_instr` between __alt_instructions and __alt_instructions_end (14 bytes in
     * 4.17: orig_offset s32, repl_offset s32, cpuid u16, orig_len u8, ...) names orig_len
     * bytes at &orig_offset + orig_offset. Sorted by start.
     */
    alternativeSites(): ReadonlyArray<{
        start: bigint;
        length: number;
    }>;
    /** Up to `length` bytes of the image at a virtual address; undefined outside loaded data. */
    bytesAt(address: bigint, length: number): Uint8Array | undefined;
}
