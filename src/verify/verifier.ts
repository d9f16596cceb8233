/**
 * The static payload verifier: predicts what the loader of the hypervisor's Xen version will
 * refuse (the version xen-syms reports, to the point release; loader-model.ts loaderFor),
 * with that version's errno and console line in the message, and finds the relocation and
 * read-only data defects the loader does not notice. Which of several defects the loader
 * meets first is loader-order.ts's.
 *
 * Each check mirrors one step of the loader (xen/common/livepatch_elf.c,
 * xen/common/livepatch.c, xen/arch/x86/livepatch.c) or one livepatch-build-tools fix, and
 * reports with a rule id from rules.ts. A check never throws on a malformed payload: what
 * it cannot read it reports.
 */
import { alternativeUnder, endbrSealedAt, patchSite } from "../livepatch/patch-site.js";
import {
  EM_X86_64,
  ELF64_EHDR_SIZE,
  ELF64_RELA_SIZE,
  ELF64_SYM_SIZE,
  ELFOSABI_FREEBSD,
  ELFOSABI_NONE,
  ET_REL,
  EV_CURRENT,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_MERGE,
  SHF_STRINGS,
  SHF_WRITE,
  SHN_ABS,
  SHN_COMMON,
  SHN_LORESERVE,
  SHN_UNDEF,
  SHT_NOBITS,
  SHT_PROGBITS,
  SHT_REL,
  SHT_RELA,
  SHT_STRTAB,
  STB_LOCAL,
  STN_UNDEF,
  relocationTypeName,
} from "../elf/constants.js";
import { ElfFormatError, type ElfSection, type ElfSymbol } from "../elf/reader.js";
import { type BuildIdNote, hex } from "../livepatch/notes.js";
import { type LivepatchFuncEntry, Payload } from "../livepatch/payload.js";
import {
  ENDBR64,
  ENDBR64_POISON,
  EXPECT_DATA_SIZE,
  HOOK_SECTIONS,
  LIVEPATCH_FUNC,
  LIVEPATCH_MAX_SIZE,
  LIVEPATCH_PAYLOAD_VERSION,
  SECTION,
  XEN_LIVEPATCH_NAME_SIZE,
} from "../xen/abi.js";
import { ERRNO } from "../livepatch/errno.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { type LoadedFunc, LoadedPayload, type LoaderVersion, loaderFor } from "./loader-model.js";
import { kindFindings } from "./kinds.js";
import { type Finding, type FindingLocation, type RuleId, RULE_BY_ID } from "./rules.js";

/** More findings of one rule in one file than this are summarised, not listed. */
const MAX_FINDINGS_PER_RULE = 25;

/** The function a funcs entry patches, as far as xen-syms tells. */
interface OldFunction {
  readonly name: string;
  /** Where the patch starts (old_addr as the loader will compute it). */
  readonly address?: bigint;
  /**
   * The function's size when `address` is its first byte (left out for an old_addr
   * inside a function, which is reported on its own and not as an old_size overrun).
   */
  readonly size?: number;
  readonly bytes?: Uint8Array;
}

export interface VerifyTarget {
  /** The hypervisor the payload will be loaded into. */
  readonly xen?: XenSyms;
  /** Payloads applied before this one, oldest first. */
  readonly stack: readonly Payload[];
  /** The loader's rules (default: the one for xen-syms' version, else Xen 4.17's). */
  readonly loader?: LoaderVersion;
  /**
   * Whether to decode xen-syms and check what each patch overwrites, as instructions
   * (default true; the first payload of a set pays ~150 ms for the decode).
   */
  readonly instructions?: boolean;
}

class FindingList {
  readonly findings: Finding[] = [];
  private readonly counts = new Map<RuleId, number>();

  constructor(private readonly file: string) {}

  add(ruleId: RuleId, message: string, location: FindingLocation = {}): void {
    const count = (this.counts.get(ruleId) ?? 0) + 1;
    this.counts.set(ruleId, count);
    if (count > MAX_FINDINGS_PER_RULE) return;
    const rule = RULE_BY_ID.get(ruleId)!;
    this.findings.push({ ruleId, severity: rule.severity, message, file: this.file, location });
  }

  has(ruleId: RuleId): boolean {
    return this.counts.has(ruleId);
  }

  finish(): Finding[] {
    for (const [ruleId, count] of this.counts) {
      if (count > MAX_FINDINGS_PER_RULE) {
        this.add(ruleId, `${count - MAX_FINDINGS_PER_RULE} more findings of this rule not listed`);
      }
    }
    return this.findings;
  }
}

const at = (
  section: ElfSection,
  extra: Omit<FindingLocation, "section" | "sectionIndex"> = {},
) => ({
  section: section.name,
  sectionIndex: section.index,
  ...extra,
});

const sectionLabel = (s: ElfSection) => `${s.name || "(unnamed)"} [${s.index}]`;
const isAlloc = (s: ElfSection) => (s.flags & SHF_ALLOC) !== 0;

/** Verifies one parsed payload against its target. */
export function verifyPayload(payload: Payload, target: VerifyTarget): Finding[] {
  const out = new FindingList(payload.file);
  const check = new PayloadChecks(payload, target, out);
  check.all();
  return out.finish();
}

/** Verifies one payload file; a file that is not a readable ELF object is one finding. */
export async function verifyFile(path: string, target: VerifyTarget): Promise<Finding[]> {
  let payload: Payload;
  try {
    payload = await Payload.load(path);
  } catch (e) {
    if (!(e instanceof ElfFormatError)) throw e;
    return malformedFindings(path, e);
  }
  return verifyPayload(payload, target);
}

/** The one finding for a file that cannot be read as an ELF object at all. */
export function malformedFindings(file: string, error: ElfFormatError): Finding[] {
  const out = new FindingList(file);
  out.add("elf-malformed", error.problem);
  return out.finish();
}

class PayloadChecks {
  private readonly elf;
  /** Symbols, when the symbol table is usable. */
  private symbols: readonly ElfSymbol[] | undefined;
  /** What was not checked, and why (by default: no xen-syms). */
  private notChecked = new Map<string, string | undefined>();

  private readonly version: LoaderVersion;

  constructor(
    private readonly payload: Payload,
    private readonly target: VerifyTarget,
    private readonly out: FindingList,
  ) {
    this.elf = payload.elf;
    // The loader of the hypervisor's own version, when xen-syms says which it is.
    this.version = target.loader ?? loaderFor(target.xen?.version());
  }

  all(): void {
    this.header();
    this.sections();
    this.symbolTable();
    this.relocations();
    this.relocatedValues();
    this.requiredSections();
    this.patchingSections();
    this.buildIds();
    this.funcs();
    this.hooksAndSpecialSections();
    this.specialEntries();
    this.modinfo();
    this.newSymbols();
    this.rodataReferences();
    this.rodataDuplicates();
    for (const f of kindFindings(this.payload, this.target.xen))
      this.out.add(f.ruleId, f.message, f.location);
    for (const [what, why] of this.notChecked) {
      this.out.add(
        "not-checked",
        `${what} not checked: ${why ?? (this.target.xen ? "no earlier payloads given" : "no xen-syms given (--xen-syms)")}`,
      );
    }
  }

  private skip(what: string, why?: string): void {
    this.notChecked.set(what, why);
  }

  // livepatch_header_check() and arch_livepatch_verify_elf().
  private header(): void {
    const h = this.elf.header;
    const bad = (what: string) => this.out.add("elf-header", what, { offset: 0 });
    if (h.identVersion !== EV_CURRENT || h.version !== EV_CURRENT)
      bad(`ELF version ${h.version}/${h.identVersion}, expected ${EV_CURRENT}`);
    if (h.abiversion !== 0) bad(`EI_ABIVERSION is ${h.abiversion}, expected 0`);
    if (h.osabi !== ELFOSABI_NONE && h.osabi !== ELFOSABI_FREEBSD)
      bad(`EI_OSABI is ${h.osabi}, expected 0 (System V)`);
    if (h.type !== ET_REL)
      bad(`e_type is ${h.type}, expected ET_REL (1): a payload is a relocatable object (ld -r)`);
    if (h.phnum !== 0) bad(`${h.phnum} program headers, expected none`);
    if (h.machine !== EM_X86_64) bad(`e_machine is ${h.machine}, expected EM_X86_64 (62)`);
    if (h.shstrndx === SHN_UNDEF) bad("no section name string table (e_shstrndx is 0)");
    if (h.shnum >= 1024) bad(`${h.shnum} sections, the hypervisor accepts fewer than 1024`);
    if (h.shstrndx >= h.shnum) bad(`e_shstrndx ${h.shstrndx} is past the ${h.shnum} sections`);
    const shstrtab = this.elf.section(h.shstrndx);
    if (shstrtab && h.shstrndx !== 0) {
      const problem = this.strtabProblem(shstrtab);
      if (problem) bad(`section name string table ${problem}`);
    }
    if (this.elf.bytes.length > LIVEPATCH_MAX_SIZE) {
      this.out.add(
        "payload-too-large",
        `${this.elf.bytes.length} bytes, over the hypervisor's limit of ${LIVEPATCH_MAX_SIZE}`,
      );
    }
    // get_name() counts the terminating NUL, so "" (size 1) is a name Xen accepts.
    const nameBytes = Buffer.byteLength(this.payload.name);
    if (nameBytes > XEN_LIVEPATCH_NAME_SIZE - 1) {
      this.out.add(
        "payload-name",
        `payload name "${this.payload.name}" is ${nameBytes} bytes; it must be at most ${XEN_LIVEPATCH_NAME_SIZE - 1}`,
      );
    }
  }

  /** elf_verify_strtab(): a string table starts and ends with NUL. */
  private strtabProblem(s: ElfSection): string | undefined {
    if (s.type !== SHT_STRTAB) return `is not SHT_STRTAB (type ${s.type})`;
    if (s.size === 0) return "is empty";
    if (!this.elf.inBounds(s)) return "lies outside the file";
    const data = this.elf.data(s);
    if (data[0] !== 0 || data[data.length - 1] !== 0) return "does not start and end with NUL";
    return undefined;
  }

  // elf_resolve_sections() and move_payload().
  private sections(): void {
    // elf_resolve_section_names(): every sh_name must lie inside the section name table.
    const shstrtab = this.elf.section(this.elf.header.shstrndx);
    const namesUsable =
      this.elf.header.shstrndx !== 0 && shstrtab !== undefined && !this.strtabProblem(shstrtab);
    for (const s of this.elf.sections.slice(1)) {
      if (namesUsable && s.nameOffset >= shstrtab.size) {
        this.out.add(
          "section-name-offset",
          `section [${s.index}] name offset ${s.nameOffset} is past the section name string table ${sectionLabel(shstrtab)} (${shstrtab.size} bytes)`,
          { sectionIndex: s.index, offset: s.headerOffset },
        );
      }
      if (s.offset < ELF64_EHDR_SIZE) {
        this.out.add(
          "section-bounds",
          `section ${sectionLabel(s)} data offset ${s.offset} lies inside the ELF header`,
          at(s),
        );
      } else if (!this.elf.inBounds(s)) {
        this.out.add(
          "section-bounds",
          `section ${sectionLabel(s)} data (offset ${s.offset}, size ${s.size}) runs past the end of the file (${this.elf.bytes.length} bytes)`,
          at(s),
        );
      }
      if ((s.addralign & (s.addralign - 1n)) !== 0n) {
        this.out.add(
          "section-alignment",
          `section ${sectionLabel(s)} alignment ${s.addralign} is not a power of two`,
          at(s),
        );
      } else if (s.addralign !== 0n && s.addr % s.addralign !== 0n) {
        this.out.add(
          "section-alignment",
          `section ${sectionLabel(s)} address ${s.addr} is not aligned to ${s.addralign}`,
          at(s),
        );
      }
      if (
        s.type === SHT_NOBITS &&
        (s.flags & (SHF_WRITE | SHF_ALLOC)) !== 0 &&
        s.size > LIVEPATCH_MAX_SIZE
      ) {
        this.out.add(
          "payload-too-large",
          `section ${sectionLabel(s)} reserves ${s.size} bytes, over the limit of ${LIVEPATCH_MAX_SIZE}`,
          at(s),
        );
      }
      if (isAlloc(s) && (s.flags & SHF_WRITE) !== 0 && (s.flags & SHF_EXECINSTR) !== 0) {
        this.out.add(
          "section-write-exec",
          `section ${sectionLabel(s)} is both writable and executable`,
          at(s),
        );
      }
    }
  }

  private symbolTable(): void {
    const tables = this.elf.symbolTables();
    const bad = (message: string, s?: ElfSection) =>
      this.out.add("symtab-invalid", message, s ? at(s) : {});
    if (tables.length === 0) return bad("no symbol table (.symtab)");
    if (tables.length > 1)
      return bad(`${tables.length} symbol tables; the hypervisor supports one`, tables[1]);
    const symtab = tables[0]!;
    if (symtab.link === 0) {
      // elf_resolve_sections() lets 0 through, then elf_verify_strtab() reads the header
      // of section 0, which it never set up (a NULL pointer).
      return this.out.add(
        "symtab-link-zero",
        "symbol table links to string table section 0: the hypervisor reads section 0's header through a NULL pointer",
        at(symtab),
      );
    }
    if (symtab.link >= this.elf.header.shnum) {
      return bad(
        `symbol table links to string table section ${symtab.link}, which does not exist`,
        symtab,
      );
    }
    if (
      symtab.size === 0 ||
      symtab.entsize < ELF64_SYM_SIZE ||
      symtab.size % symtab.entsize !== 0
    ) {
      return bad(
        `symbol table header is corrupted (size ${symtab.size}, entry size ${symtab.entsize})`,
        symtab,
      );
    }
    if (!this.elf.inBounds(symtab)) return; // reported by sections()
    const strtab = this.elf.section(symtab.link)!;
    const problem = this.strtabProblem(strtab);
    if (problem) return bad(`symbol string table ${sectionLabel(strtab)} ${problem}`, strtab);
    this.symbols = this.elf.symbols();
    for (const sym of this.symbols.slice(1)) {
      if (sym.nameOffset >= strtab.size) {
        this.out.add(
          "symtab-invalid",
          `symbol ${sym.index} name offset ${sym.nameOffset} is past the string table`,
          at(symtab, { entry: sym.index }),
        );
      }
      this.symbol(sym);
    }
  }

  // livepatch_elf_resolve_symbols().
  private symbol(sym: ElfSymbol): void {
    const where = { section: ".symtab", entry: sym.index, symbol: sym.name };
    if (sym.shndx === SHN_COMMON) {
      this.out.add(
        "symbol-common",
        `symbol ${sym.name} is a common symbol; build with -fno-common`,
        where,
      );
    } else if (sym.shndx === SHN_UNDEF) {
      if (sym.bind === STB_LOCAL) {
        this.out.add(
          "symbol-undefined-local",
          `undefined LOCAL symbol ${sym.name || `#${sym.index}`}: a local symbol must be defined in the payload`,
          where,
        );
      }
      // The hypervisor resolves every undefined symbol by name, whatever its binding.
      if (!sym.name) {
        this.out.add(
          "symbol-unresolved",
          `undefined symbol #${sym.index} has no name: the hypervisor resolves undefined symbols by name and finds none`,
          where,
        );
      } else if (!this.target.xen) {
        this.skip("symbol resolution");
      } else if (!this.resolvesOutside(sym.name)) {
        this.out.add(
          "symbol-unresolved",
          `undefined symbol ${sym.name} is neither in ${this.target.xen.file} nor exported by an earlier payload`,
          where,
        );
      }
    } else if (
      sym.shndx !== SHN_ABS &&
      (sym.shndx >= SHN_LORESERVE || sym.shndx >= this.elf.header.shnum)
    ) {
      this.out.add(
        "symbol-section-index",
        `symbol ${sym.name || `#${sym.index}`} is in section ${sym.shndx}, which does not exist`,
        where,
      );
    }
  }

  /** Whether the hypervisor's symbol lookup or an earlier payload's new symbols have `name`. */
  private resolvesOutside(name: string): boolean {
    return this.target.xen?.lookup(name) !== undefined || this.stackExports().has(name);
  }

  private stackExportCache?: Map<string, string>;
  /** Names the earlier payloads add to the hypervisor's table, with the payload adding each. */
  private stackExports(): Map<string, string> {
    if (!this.stackExportCache) {
      this.stackExportCache = new Map();
      for (const earlier of this.target.stack) {
        for (const sym of safely(() => earlier.newSymbols(), []))
          this.stackExportCache.set(sym.name, earlier.file);
      }
    }
    return this.stackExportCache;
  }

  // livepatch_elf_perform_relocs() and arch_livepatch_perform_rela().
  private relocations(): void {
    for (const r of this.elf.sections) {
      if (r.type !== SHT_RELA && r.type !== SHT_REL) continue;
      const base = this.elf.section(r.info);
      if (r.info >= this.elf.header.shnum || !base) {
        // livepatch_elf_perform_relocs() skips it silently: its relocations never happen.
        this.out.add(
          "rela-target",
          `relocation section ${sectionLabel(r)} applies to section ${r.info}, which does not exist: the hypervisor skips it and its ${r.entsize > 0 ? Math.floor(r.size / r.entsize) : "?"} relocations are never applied`,
          at(r),
        );
        continue;
      }
      if (!isAlloc(base)) continue;
      const symtabIndex = this.elf.symbolTables()[0]?.index;
      if (r.link !== symtabIndex) {
        this.out.add(
          "rela-link",
          `relocation section ${sectionLabel(r)} links to section ${r.link}, not the symbol table (${symtabIndex ?? "none"})`,
          at(r),
        );
        continue;
      }
      if (r.size === 0) continue;
      const entrySize = r.type === SHT_RELA ? ELF64_RELA_SIZE : 16;
      if (r.entsize < entrySize || r.size % r.entsize !== 0) {
        this.out.add(
          "rela-header",
          `relocation section ${sectionLabel(r)} has entry size ${r.entsize} and size ${r.size}`,
          at(r),
        );
        continue;
      }
      if (r.type === SHT_REL) {
        this.out.add(
          "section-rel",
          `section ${sectionLabel(r)} is SHT_REL; the hypervisor only performs SHT_RELA relocations`,
          at(r),
        );
        continue;
      }
      if (!this.elf.inBounds(r) || !this.symbols) continue;
      for (const rela of this.elf.relocations(r)) this.relocation(r, base, rela);
    }
  }

  private relocation(
    r: ElfSection,
    base: ElfSection,
    rela: ReturnType<typeof this.elf.relocations>[number],
  ): void {
    const where = at(r, { entry: rela.index, offset: Number(rela.offset) });
    const symbols = this.symbols!;
    if (rela.symbolIndex === STN_UNDEF) {
      this.out.add(
        "rela-symbol-zero",
        `relocation ${rela.index} in ${sectionLabel(r)} (offset ${rela.offset} of ${base.name}) has symbol index 0 (STN_UNDEF)`,
        where,
      );
      return;
    }
    const sym = symbols[rela.symbolIndex];
    if (!sym) {
      this.out.add(
        "rela-symbol-range",
        `relocation ${rela.index} in ${sectionLabel(r)} refers to symbol ${rela.symbolIndex}, past the ${symbols.length} symbols`,
        where,
      );
      return;
    }
    const symSection = this.payload.symbolSection(sym);
    if (symSection && !isAlloc(symSection)) {
      this.out.add(
        "rela-ignored-section",
        `relocation ${rela.index} in ${sectionLabel(r)} refers to ${sym.name || symSection.name} in ${sectionLabel(symSection)}, a section the loader does not load`,
        { ...where, symbol: sym.name || symSection.name },
      );
      return;
    }
    const width = this.version.relocations.get(rela.type)?.width ?? -1;
    if (width < 0) {
      this.out.add(
        "rela-type",
        `relocation ${rela.index} in ${sectionLabel(r)} has type ${relocationTypeName(rela.type)}; the hypervisor handles only R_X86_64_NONE, 64, PC32 and PLT32`,
        where,
      );
    } else if (width > 0 && rela.offset + BigInt(width) > BigInt(base.size)) {
      this.out.add(
        "rela-offset",
        `relocation ${rela.index} in ${sectionLabel(r)} writes ${width} bytes at offset ${rela.offset}, past the end of ${sectionLabel(base)} (${base.size} bytes)`,
        where,
      );
    }
  }

  private loadedCache?: LoadedPayload | null;
  /**
   * The payload as the loader places and relocates it (loader-model.ts); undefined without
   * xen-syms, or when the structure the loader walks first is broken (reported already).
   */
  private loaded(): LoadedPayload | undefined {
    if (this.loadedCache === undefined) this.loadedCache = this.buildLoaded() ?? null;
    return this.loadedCache ?? undefined;
  }

  private buildLoaded(): LoadedPayload | undefined {
    const xen = this.target.xen;
    if (!xen || !this.symbols) return undefined;
    const broken: RuleId[] = [
      "elf-header",
      "section-bounds",
      "section-alignment",
      "symtab-invalid",
      "symbol-section-index",
      "rela-header",
      "rela-link",
      "section-rel",
      "section-write-exec",
      // The loader refuses these before it reads any relocated value.
      "symbol-common",
      "symbol-unresolved",
      "rela-symbol-zero",
      "rela-symbol-range",
      "rela-type",
      "rela-offset",
      "rela-ignored-section",
    ];
    if (broken.some((r) => this.out.has(r))) return undefined;
    return safely(() => {
      // The earlier payloads of the stack sit below this one in the livepatch area.
      let below = 0n;
      for (const earlier of this.target.stack)
        below += new LoadedPayload(earlier, xen, 0n, this.version).pages;
      return new LoadedPayload(this.payload, xen, below, this.version);
    }, undefined);
  }

  // move_payload() and arch_livepatch_perform_rela(): placement, then the 32-bit results.
  private relocatedValues(): void {
    const model = this.loaded();
    if (!model) return;
    for (const { first, second } of model.overlaps()) {
      this.out.add(
        "section-overlap",
        `${sectionLabel(second.section)} (alignment ${second.section.addralign}) is placed at offset ${second.offset} of the ${second.region} region, over ${sectionLabel(first.section)} (offset ${first.offset}, ${first.section.size} bytes): the loader copies it on top`,
        at(second.section),
      );
    }
    for (const o of model.overflows) {
      if (!o.always) continue; // depends on where in the area the payload lands
      const sym = this.symbols?.[o.rela.symbolIndex];
      this.out.add(
        "rela-overflow",
        `relocation ${o.rela.index} in ${sectionLabel(o.relaSection)} (${relocationTypeName(o.rela.type)} at offset ${o.rela.offset} of ${o.target.name}, against ${sym?.name || `symbol ${o.rela.symbolIndex}`}${o.rela.addend >= 0n ? "+" : ""}${o.rela.addend}) computes ${o.value}, outside the signed 32 bits it is stored in: the hypervisor refuses it (EOVERFLOW)`,
        at(o.relaSection, {
          entry: o.rela.index,
          offset: Number(o.rela.offset),
          ...(sym?.name ? { symbol: sym.name } : {}),
        }),
      );
    }
  }

  /**
   * old_addr and new_addr as prepare_payload() reads them, after relocation: "stop" when
   * the entry goes no further in the loader (or crashes it), undefined when the values
   * are not known (then the entry is judged from the file).
   */
  private oldFunctionAsLoaded(
    f: LivepatchFuncEntry,
    lf: LoadedFunc | undefined,
    label: string,
    where: FindingLocation,
  ): OldFunction | "stop" | undefined {
    const model = this.loaded();
    const xen = this.target.xen;
    if (!model || !lf || lf.oldAddr === undefined || !xen) return undefined;
    const address = lf.oldAddr;
    if (address === 0n) {
      // resolve_old_address(): an old_addr of 0 (no relocation, or an R_X86_64_NONE one)
      // is looked up by the name string.
      if (lf.name === undefined) return undefined;
      if (model.faultsAt(lf.name)) {
        this.out.add(
          "func-name-unmapped",
          `${label}: old_addr is 0 and the name pointer is 0x${lf.name.toString(16)}, ${lf.name === 0n ? "NULL" : "where nothing is mapped"}: the hypervisor reads the name there (symbols_lookup_by_name) and faults`,
          where,
        );
        return "stop";
      }
      const name = model.stringAt(lf.name);
      if (name === undefined) {
        this.out.add(
          "func-name",
          `${label} has neither old_addr nor a name pointer that leads to a string in the payload`,
          where,
        );
        return "stop";
      }
      if (!this.resolvesOutside(name)) {
        this.out.add(
          "func-unresolved",
          `${label}: ${/^[\x21-\x7e]+$/.test(name) ? name : JSON.stringify(name)} is neither in ${xen.file} nor exported by an earlier payload`,
          where,
        );
        return "stop";
      }
      const sym = xen.lookup(name);
      if (!sym) return { name };
      return {
        name,
        address: sym.value,
        size: sym.size,
        bytes: xen.bytesAt(sym.value, EXPECT_DATA_SIZE),
      };
    }
    const hex64 = `0x${address.toString(16)}`;
    if (!model.canonical(address)) {
      this.out.add(
        "old-addr-non-canonical",
        `${label}: old_addr is ${hex64}, not a canonical address: the hypervisor reads the code there (is_endbr64) and takes a general protection fault`,
        where,
      );
      return "stop";
    }
    const code = xen.code();
    if (!code) return undefined;
    const fn = code.functionAt(address);
    const bytes = xen.bytesAt(address, EXPECT_DATA_SIZE);
    if (fn && fn.start === address) return { name: fn.name, address, size: fn.size, bytes };
    let what: string;
    if (fn) {
      what = `${address - fn.start} bytes into ${fn.name} (${code.describe(address)}), not its first byte`;
    } else {
      const own = model.sectionAt(address);
      const before = code.functionBefore(address);
      what = own
        ? `inside the payload itself (${own.placed.section.name}+${own.offset}), not a function of ${xen.file}`
        : before && address - before.start < 4096n
          ? `${address - (before.start + BigInt(before.size))} bytes past the end of ${before.name}, in no function`
          : `in no function of ${xen.file}`;
    }
    this.out.add("old-addr-not-function-start", `${label}: old_addr ${hex64} is ${what}`, where);
    if (!fn) return "stop";
    return { name: fn.name, address, bytes };
  }

  /** livepatch_verify_distance() and where new_addr leads: "stop" when the loader refuses. */
  private newAddrAsLoaded(
    lf: LoadedFunc | undefined,
    old: OldFunction | undefined,
    label: string,
    where: FindingLocation,
  ): "stop" | undefined {
    const model = this.loaded();
    if (!model || lf?.newAddr === undefined || lf.newAddr === 0n) return undefined;
    const hex64 = `0x${lf.newAddr.toString(16)}`;
    if (old?.address !== undefined) {
      const distance = BigInt.asIntN(64, old.address - lf.newAddr);
      const range = model.version.patchRange;
      if (distance < -range || distance >= range) {
        this.out.add(
          "func-distance",
          `${label}: new_addr ${hex64} is ${distance < 0n ? -distance : distance} bytes from old_addr, beyond the ±2 GiB a jump reaches: the hypervisor refuses it (EOVERFLOW)`,
          where,
        );
        return "stop";
      }
    }
    if (!model.inText(lf.newAddr)) {
      const own = model.sectionAt(lf.newAddr);
      this.out.add(
        "new-addr-outside-text",
        `${label}: new_addr ${hex64} is ${own ? `in ${own.placed.section.name}+${own.offset}, which the loader maps ${own.placed.region === "rw" ? "writable" : "read-only"} and not executable` : "outside the payload's code"}: the patched function jumps there`,
        where,
      );
    }
    return undefined;
  }

  /**
   * What this version's loader says when it refuses the upload: its name, the errno and,
   * where it prints one, the console line (without Xen's "livepatch: " prefix).
   */
  private refusal(errno: "EINVAL" | "ENODATA" | "ENOSPC" | "ERANGE", line?: string): string {
    return `${this.version.name} refuses the upload (${errno}, -${ERRNO[errno]}${line === undefined ? "" : `; "${this.payload.name}${line}"`})`;
  }

  // check_special_sections(), and check_xen_buildid() where the model has it early.
  private requiredSections(): void {
    const lines = this.version.xenDepends.lines;
    for (const name of [SECTION.depends, SECTION.xenDepends, SECTION.buildId]) {
      const all = this.elf.sectionsNamed(name);
      const xenDepends = name === SECTION.xenDepends;
      if (all.length === 0) {
        const line = xenDepends ? lines.missing : `: ${name} is missing`;
        this.out.add(
          "section-missing",
          `required section ${name} is missing: ${this.refusal("EINVAL", line)}`,
          { section: name },
        );
      } else if (all[0]!.size === 0) {
        const line = xenDepends ? lines.empty : `: ${name} is empty`;
        this.out.add(
          "section-empty",
          `required section ${name} is empty: ${this.refusal("EINVAL", line)}`,
          at(all[0]!),
        );
      }
      if (all.length > 1) this.duplicate(name, all);
    }
  }

  private duplicate(name: string, all: ElfSection[]): void {
    this.out.add(
      "section-duplicate",
      `section ${name} appears ${all.length} times (sections ${all.map((s) => s.index).join(", ")}); the hypervisor uses only the first`,
      at(all[1]!),
    );
  }

  // check_patching_sections().
  private patchingSections(): void {
    let present = 0;
    for (const name of [SECTION.funcs, ...Object.keys(HOOK_SECTIONS)]) {
      const all = this.elf.sectionsNamed(name);
      if (all.length === 0) continue;
      present++;
      if (all[0]!.size === 0)
        this.out.add("section-empty", `section ${name} is empty`, at(all[0]!));
      if (all.length > 1) this.duplicate(name, all);
    }
    if (present === 0) {
      this.out.add(
        "nothing-to-patch",
        `neither ${SECTION.funcs} nor a .livepatch.hooks.* section: the payload does nothing`,
      );
    }
  }

  /**
   * prepare_payload() build-id notes, xen_build_id_dep() and build_id_dep(), with the
   * `.livepatch.xen_depends` lines and the errno of a note of the wrong type or name this
   * version's model has (src/xen/changes.ts).
   */
  private buildIds(): void {
    const lines = this.version.xenDepends.lines;
    const invalid = (note: BuildIdNote) => {
      if (note.status !== "invalid") return;
      const name = note.section.name;
      const typeOrName = note.fault !== "size";
      let says: string;
      if (name === SECTION.xenDepends)
        says = this.refusal(
          "EINVAL",
          lines.badNote(ERRNO[typeOrName ? "ENODATA" : "EINVAL"]!) || undefined,
        );
      else says = this.refusal(typeOrName ? this.version.noteTypeErrno : "EINVAL");
      this.out.add("note-invalid", `${name}: ${note.problem}: ${says}`, at(note.section));
    };
    const buildId = this.payload.buildId;
    const depends = this.payload.depends;
    const xenDepends = this.payload.xenDepends;
    [buildId, depends, xenDepends].forEach(invalid);
    const xen = this.target.xen;
    if (xenDepends.status === "ok") {
      if (!xen) this.skip(".livepatch.xen_depends");
      else if (xen.buildId && xenDepends.id !== xen.buildId) {
        const line = lines.mismatch;
        this.out.add(
          "xen-depends-mismatch",
          `.livepatch.xen_depends is ${xenDepends.id} but ${xen.file} has build-id ${xen.buildId}: ${this.refusal("EINVAL", line)}`,
          at(xenDepends.section),
        );
      }
    }
    const previous = this.target.stack.at(-1);
    if (depends.status === "ok") {
      if (previous) {
        const prevId = previous.buildId;
        if (prevId.status === "ok" && depends.id !== prevId.id) {
          this.out.add(
            "depends-mismatch",
            `.livepatch.depends is ${depends.id} but the previous payload ${previous.file} has build-id ${prevId.id}`,
            at(depends.section),
          );
        }
      } else if (!xen) {
        this.skip(".livepatch.depends");
      } else if (xen.buildId && depends.id !== xen.buildId) {
        this.out.add(
          "depends-mismatch",
          `.livepatch.depends is ${depends.id} but the base ${xen.file} has build-id ${xen.buildId} (apply needs --nodeps)`,
          at(depends.section),
        );
      }
    }
    if (buildId.status === "ok") {
      for (const earlier of this.target.stack) {
        const other = earlier.buildId;
        if (other.status === "ok" && other.id === buildId.id) {
          this.out.add(
            "build-id-duplicate",
            `build-id ${buildId.id} is also the build-id of ${earlier.file}; the hypervisor refuses to load it twice`,
            at(buildId.section),
          );
        }
      }
    }
  }

  // prepare_payload() function entries, arch_livepatch_verify_func() and expectations.
  private funcs(): void {
    const section = this.elf.sectionNamed(SECTION.funcs);
    if (!section || !this.elf.inBounds(section)) return;
    if (section.size % LIVEPATCH_FUNC.size !== 0) {
      this.out.add(
        "funcs-size",
        `${SECTION.funcs} is ${section.size} bytes, not a multiple of ${LIVEPATCH_FUNC.size}`,
        at(section),
      );
      return;
    }
    if (!this.symbols) return;
    for (const f of this.payload.funcs()) this.func(section, f);
  }

  /** old_addr of the function entries seen so far, with the first entry patching each. */
  private readonly patchedAddresses = new Map<bigint, number>();

  private func(section: ElfSection, f: LivepatchFuncEntry): void {
    const label = `function entry ${f.index}${f.name ? ` (${f.name})` : ""}`;
    const where = at(section, {
      entry: f.index,
      offset: f.offset,
      ...(f.name ? { symbol: f.name } : {}),
    });
    if (f.version !== LIVEPATCH_PAYLOAD_VERSION) {
      this.out.add(
        "func-version",
        `${label} has version ${f.version}, expected ${LIVEPATCH_PAYLOAD_VERSION}`,
        where,
      );
    }
    if (f.oldSize === 0) this.out.add("func-old-size", `${label} has old_size 0`, where);
    // _pad[39] between version and expect: reserved, zero (a later loader may use it).
    const pad = this.elf
      .data(section)
      .subarray(f.offset + LIVEPATCH_FUNC.version + 1, f.offset + LIVEPATCH_FUNC.expect);
    const nonZero = pad.findIndex((b) => b !== 0);
    if (nonZero >= 0) {
      this.out.add(
        "func-reserved",
        `${label} has reserved byte ${LIVEPATCH_FUNC.version + 1 + nonZero} (in _pad, bytes ${LIVEPATCH_FUNC.version + 1}-${LIVEPATCH_FUNC.expect - 1}) set to 0x${pad[nonZero]!.toString(16)}; reserved bytes must be zero`,
        { ...where, offset: f.offset + LIVEPATCH_FUNC.version + 1 + nonZero },
      );
    }

    const lf = this.loaded()?.funcs()[f.index];
    const asLoaded = this.oldFunctionAsLoaded(f, lf, label, where);
    if (asLoaded === "stop") return;
    const oldFunction = asLoaded ?? this.oldFunction(f, label, where);
    if (oldFunction?.address !== undefined) {
      // Each entry keeps its own copy of the bytes it overwrote; revert restores them in
      // entry order, so a second entry for the same code puts back the first one's jump.
      const first = this.patchedAddresses.get(oldFunction.address);
      if (first !== undefined) {
        this.out.add(
          "func-duplicate",
          `${label} patches ${oldFunction.name} at 0x${oldFunction.address.toString(16)}, as function entry ${first} does: after revert it still jumps into the payload`,
          where,
        );
      } else this.patchedAddresses.set(oldFunction.address, f.index);
    }
    // new_addr as relocated (an R_X86_64_NONE relocation leaves 0: a NOP entry).
    const replaces =
      lf?.newAddr !== undefined
        ? lf.newAddr !== 0n
        : f.newAddr.rela !== undefined || f.newAddr.raw !== 0n;
    if (this.newAddrAsLoaded(lf, oldFunction, label, where) === "stop") return;
    this.patchedInstructions(f, oldFunction, replaces, label, where);
    if (replaces) {
      const endbr =
        oldFunction?.bytes &&
        (startsWith(oldFunction.bytes, ENDBR64) || startsWith(oldFunction.bytes, ENDBR64_POISON));
      const needed = this.version.patchInsnSize + (endbr ? ENDBR64.length : 0);
      if (f.oldSize !== 0 && f.oldSize < needed) {
        this.out.add(
          "func-too-short",
          `${label} has old_size ${f.oldSize}; the jump needs ${needed} bytes${endbr ? " (the function starts with ENDBR64)" : ""}`,
          where,
        );
      }
    } else if (f.newSize > EXPECT_DATA_SIZE || f.oldSize < f.newSize) {
      this.out.add(
        "func-nop-size",
        `${label} NOPs out ${f.newSize} bytes of a ${f.oldSize}-byte function; at most ${EXPECT_DATA_SIZE} and at most old_size`,
        where,
      );
    }
    // A smaller old_size is harmless (only the jump's room is checked); a larger one lies about room that is not there.
    if (oldFunction?.size !== undefined && oldFunction.size !== 0 && f.oldSize > oldFunction.size) {
      this.out.add(
        "func-old-size-overrun",
        `${label} has old_size ${f.oldSize} but ${oldFunction.name} is only ${oldFunction.size} bytes in ${this.target.xen?.file}`,
        where,
      );
    }

    const e = f.expect;
    if (!e.enabled) return;
    if (e.reserved !== 0)
      this.out.add(
        "expect-invalid",
        `${label} expectation has reserved bits set (${e.reserved})`,
        where,
      );
    if (e.len > f.oldSize) {
      this.out.add(
        "expect-invalid",
        `${label} expects ${e.len} bytes of a ${f.oldSize}-byte function`,
        where,
      );
    } else if (oldFunction && this.patchedBelow(oldFunction.name)) {
      // The earlier payload's jump is what the hypervisor will compare against, not xen-syms.
      this.out.add(
        "expect-mismatch",
        `${label} has an expectation, but ${this.patchedBelow(oldFunction.name)} (earlier in the stack) already patches ${oldFunction.name}: at apply time its code starts with that payload's jump, not the bytes in xen-syms`,
        where,
      );
    } else if (
      oldFunction?.address !== undefined &&
      this.alternativeUnder(oldFunction.address, e.len)
    ) {
      const site = this.alternativeUnder(oldFunction.address, e.len)!;
      this.out.add(
        "expect-alternative",
        `${label} expects ${e.len} bytes of ${oldFunction.name}, but Xen rewrites ${site.length} of them at boot (an alternative at ${this.target.xen?.code()?.describe(site.start) ?? `0x${site.start.toString(16)}`}, chosen by the CPU's features): the live bytes are not the ones in xen-syms`,
        where,
      );
    } else if (
      oldFunction?.address !== undefined &&
      e.len > 0 &&
      this.target.xen !== undefined &&
      endbrSealedAt(this.target.xen, oldFunction.address) &&
      startsWith(e.data.subarray(0, Math.min(e.len, ENDBR64.length)), ENDBR64.slice(0, e.len))
    ) {
      this.out.add(
        "expect-endbr-sealed",
        `${label} expects ${oldFunction.name} to start with ENDBR64, but Xen seals that function at boot on CET-IBT hardware (a cf_clobber target in ${this.target.xen?.file}): there its first bytes are ${hex(Uint8Array.from(ENDBR64_POISON))} and the apply is refused; a CPU without IBT (QEMU's) keeps ENDBR64 and hides this`,
        where,
      );
    } else if (oldFunction?.bytes) {
      const expected = e.data.subarray(0, e.len);
      const actual = oldFunction.bytes.subarray(0, e.len);
      if (hex(expected) !== hex(actual)) {
        this.out.add(
          "expect-mismatch",
          `${label} expects ${hex(expected)} but ${oldFunction.name} in ${this.target.xen?.file} starts with ${hex(actual)}`,
          where,
        );
      }
    }
  }

  /** An alternative site of xen-syms overlapping [address, address + length), if any. */
  private alternativeUnder(
    address: bigint,
    length: number,
  ): { start: bigint; length: number } | undefined {
    return this.target.xen && alternativeUnder(this.target.xen, address, length);
  }

  /** The earlier payload of the stack that patches the function `name`, if any. */
  private patchedBelow(name: string): string | undefined {
    for (const earlier of this.target.stack) {
      const funcs = safely(() => earlier.funcs(), []);
      if (funcs.some((f) => (f.oldAddr.rela ? f.oldAddr.symbol?.name : f.name) === name))
        return earlier.file;
    }
    return undefined;
  }

  /**
   * Where the old function is (by name, through the old_addr relocation, or at an absolute
   * old_addr), its size from there to its end in xen-syms, and its code.
   */
  private oldFunction(
    f: LivepatchFuncEntry,
    label: string,
    where: FindingLocation,
  ): OldFunction | undefined {
    const xen = this.target.xen;
    if (!f.oldAddr.rela && f.oldAddr.raw === 0n) {
      if (f.name === undefined) {
        this.out.add(
          "func-name",
          `${label} has neither old_addr nor a name pointer that leads to a string in the payload`,
          where,
        );
        return undefined;
      }
      if (!xen) {
        this.skip("function names");
      } else if (!this.resolvesOutside(f.name)) {
        this.out.add(
          "func-unresolved",
          `${label}: ${f.name} is neither in ${xen.file} nor exported by an earlier payload`,
          where,
        );
      }
    }
    if (!xen) {
      // Without xen-syms only the name is known (undefined for a symbol of the payload).
      const sym = f.oldAddr.symbol;
      if (f.oldAddr.rela) return sym && sym.shndx === SHN_UNDEF ? { name: sym.name } : undefined;
      return f.oldAddr.raw !== 0n ? undefined : { name: f.name! };
    }
    const site = patchSite(f, xen);
    // An absolute old_addr outside every function of xen-syms: nothing to compare with.
    if (!site || (site.via === "address" && site.size === undefined)) return undefined;
    if (site.address === undefined) return { name: site.name };
    return {
      name: site.name,
      address: site.address,
      ...(site.size !== undefined ? { size: site.size } : {}),
      bytes: xen.bytesAt(site.address, EXPECT_DATA_SIZE),
    };
  }

  /**
   * What arch_livepatch_apply() overwrites, as instructions: the 5-byte jump or the NOP
   * run (after ENDBR64 where the function starts with one) must end on an instruction
   * boundary inside the function, and no direct branch of xen-syms may land inside the
   * overwritten bytes other than at their start. No loader checks this.
   */
  private patchedInstructions(
    f: LivepatchFuncEntry,
    old: OldFunction | undefined,
    replaces: boolean,
    label: string,
    where: FindingLocation,
  ): void {
    const xen = this.target.xen;
    if (!xen || old?.address === undefined || !old.bytes) return;
    if (this.target.instructions === false) return;
    if (this.patchedBelow(old.name)) return; // the live code is an earlier payload's jump
    const code = xen.code();
    if (!code) return this.skip("instructions the patch overwrites", "x86 decoder not loaded");
    const fn = code.functionAt(old.address);
    if (!fn) return;
    const endbr = startsWith(old.bytes, ENDBR64) || startsWith(old.bytes, ENDBR64_POISON);
    const patchOffset = endbr ? ENDBR64.length : 0;
    // Sizes the loader refuses (func-nop-size, func-too-short) never reach the code.
    if (!replaces && (f.newSize > EXPECT_DATA_SIZE || f.newSize > f.oldSize)) return;
    if (replaces && f.oldSize < this.version.patchInsnSize + patchOffset) return;
    // livepatch_insn_len(): the jump, or new_size less the ENDBR64 kept in front.
    const length = replaces ? this.version.patchInsnSize : f.newSize - patchOffset;
    if (length <= 0) return;
    const first = old.address + BigInt(patchOffset);
    const last = first + BigInt(length);
    const what = replaces ? "the 5-byte jump" : `the ${length}-byte NOP run`;
    const span = `${code.describe(first)} to ${code.describe(last - 1n)}`;
    const fnEnd = fn.start + BigInt(fn.size);
    const starts = code.instructionStarts(fn);
    // A jump past the function's end is reported as old_size overrunning it, or old_addr
    // not at the function's start: the only ways to get there.
    if (last > fnEnd && !replaces) {
      this.out.add(
        "nop-insn-boundary",
        `${label}: ${what} (${span}) runs ${last - fnEnd} bytes past the end of ${fn.name} (${fn.size} bytes in ${xen.file})`,
        where,
      );
    } else if (!replaces && starts && !starts.has(Number(last - fn.start))) {
      // A jump may end inside an instruction: nothing runs the fragment behind it (unless
      // a branch lands there, checked below). A NOP run is executed, fragment and all.
      const inside = Math.max(...[...starts].filter((s) => s < Number(last - fn.start)));
      this.out.add(
        "nop-insn-boundary",
        `${label}: ${what} (${span}) ends inside the instruction at ${code.describe(fn.start + BigInt(inside))}: execution runs on from the NOPs into the fragment left of it`,
        where,
      );
    }
    const into = code.branchesInto(first + 1n, last);
    if (into.length > 0) {
      const shown = into
        .slice(0, 3)
        .map((b) => `${code.describe(b.from)} -> ${code.describe(b.to)}`)
        .join(", ");
      this.out.add(
        "branch-into-patch",
        `${label}: ${into.length} branch${into.length === 1 ? "" : "es"} of ${xen.file} land${into.length === 1 ? "s" : ""} inside the bytes ${what} overwrites (${span}): ${shown}${into.length > 3 ? ", ..." : ""}`,
        where,
      );
    }
  }

  // LIVEPATCH_ASSIGN_*_HOOK, and the special sections of prepare_payload().
  private hooksAndSpecialSections(): void {
    for (const [name, kind] of Object.entries(HOOK_SECTIONS)) {
      const s = this.elf.sectionNamed(name);
      if (!s || s.size === 0) continue;
      if (kind === "single" ? s.size !== 8 : s.size % 8 !== 0) {
        this.out.add(
          "hook-size",
          `${name} is ${s.size} bytes; it must be ${kind === "single" ? "exactly one 8-byte pointer" : "a multiple of 8 bytes"}`,
          at(s),
        );
      }
    }
    for (const [name, size] of Object.entries(this.version.specialEntrySizes)) {
      const s = this.elf.sectionNamed(name);
      if (s && s.size % size !== 0) {
        this.out.add(
          "special-section-size",
          `${name} is ${s.size} bytes, not a multiple of its ${size}-byte entries`,
          at(s),
        );
      }
    }
    const alt = this.elf.sectionNamed(".altinstructions");
    if (alt && alt.size > 0) {
      const text = this.elf.sections.some(
        (s) =>
          isAlloc(s) &&
          (s.flags & SHF_EXECINSTR) !== 0 &&
          (s.flags & SHF_WRITE) === 0 &&
          s.size > 0,
      );
      if (!text)
        this.out.add(
          "altinstr-incomplete",
          ".altinstructions is present but the payload has no code to alter",
          at(alt),
        );
      if (!this.elf.sectionNamed(".altinstr_replacement")) {
        this.out.add(
          "altinstr-incomplete",
          ".altinstructions is present but .altinstr_replacement is missing",
          at(alt),
        );
      }
      this.alternativeEntries(alt);
    }
  }

  /**
   * _apply_alternatives() (xen/arch/x86/alternative.c), which prepare_payload() runs at
   * upload: each entry's replacement must fit in orig_len + pad_len, that must fit in
   * MAX_PATCH_LEN, and its feature must be below NCAPINTS * 32 (NCAPINTS from xen-syms when
   * given, else the version's). Before aa5a06d5d6 each is a BUG_ON (a panic), after it a
   * refused upload.
   */
  private alternativeEntries(alt: ElfSection): void {
    const ai = this.version.altInstr;
    const rules = this.version.alternatives;
    if (alt.size % ai.size !== 0 || !this.elf.inBounds(alt)) return;
    const data = this.elf.data(alt);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const fromXen = this.target.xen?.capabilityWords();
    const words = fromXen ?? rules.capabilityWords;
    const wordsFrom = fromXen !== undefined ? "xen-syms' forced_caps" : this.version.name;
    for (let i = 0; i * ai.size < alt.size; i++) {
      const off = i * ai.size;
      const cpuid = view.getUint16(off + ai.cpuid, true);
      const feature = rules.flagNot ? cpuid & 0x7fff : cpuid;
      const origLen = view.getUint8(off + ai.origLen);
      const replLen = view.getUint8(off + ai.replLen);
      const total = origLen + view.getUint8(off + ai.padLen);
      let problem: string | undefined;
      let errno: "ENOSPC" | "ERANGE" = "ENOSPC";
      if (replLen > total)
        problem = `its replacement (${replLen} bytes) is longer than the original code and its padding (orig_len + pad_len = ${total})`;
      else if (total > rules.maxPatchLen)
        problem = `orig_len + pad_len is ${total}, over MAX_PATCH_LEN (${rules.maxPatchLen})`;
      else if (feature >= words * 32) {
        problem = `its feature ${feature} is past the ${words * 32} NCAPINTS * 32 features (NCAPINTS ${words}, from ${wordsFrom})`;
        errno = "ERANGE";
      }
      if (!problem) continue;
      this.out.add(
        "altinstr-entry",
        `.altinstructions entry ${i}: ${problem}: ${
          rules.refused
            ? this.refusal(errno, ` applying alternatives failed: -${ERRNO[errno]}`)
            : `${this.version.name} hits BUG_ON in _apply_alternatives() at upload, a hypervisor panic`
        }`,
        at(alt, { entry: i, offset: off }),
      );
    }
  }

  /**
   * Where the special sections' entries point once relocated (prepare_payload() and the
   * code that later uses them): an alternative's original code must lie in the payload's
   * text and its replacement in .altinstr_replacement (Xen 4.17 refuses otherwise); an
   * exception-table entry's faulting address and continuation, and a bug frame's location,
   * in the payload's text (Xen never checks them; they matter when a fault or BUG happens).
   */
  private specialEntries(): void {
    const model = this.loaded();
    if (!model) return;
    const text = model.regions.text;
    const inText = (a: bigint, len = 0n) =>
      a >= text.address && a + len <= text.address + text.size && len <= text.size;
    const describe = (a: bigint) => {
      const own = model.sectionAt(a);
      return own
        ? `${own.placed.section.name}+${own.offset}`
        : `0x${BigInt.asUintN(64, a).toString(16)}, outside the payload`;
    };
    const alt = this.elf.sectionNamed(".altinstructions");
    const placedAlt = alt && model.placed.get(alt.index);
    const repl = this.elf.sectionNamed(".altinstr_replacement");
    const placedRepl = repl && model.placed.get(repl.index);
    const ai = this.version.altInstr;
    if (alt && placedAlt && placedRepl && alt.size % ai.size === 0 && text.size > 0) {
      for (let i = 0; i * ai.size < alt.size; i++) {
        const off = i * ai.size;
        const orig = model.int32(alt.index, off + ai.origOffset);
        const replOff = model.int32(alt.index, off + ai.replOffset);
        const origLen = BigInt(model.byte(alt.index, off + ai.origLen) ?? 0);
        const replLen = BigInt(model.byte(alt.index, off + ai.replLen) ?? 0);
        const where = at(alt, { entry: i, offset: off });
        if (orig !== undefined) {
          const a = placedAlt.address + BigInt(off + ai.origOffset) + BigInt(orig);
          if (!inText(a, origLen))
            this.out.add(
              "altinstr-range",
              `.altinstructions entry ${i}: original code ${describe(a)} (${origLen} bytes) is not inside the payload's text: the hypervisor refuses it`,
              where,
            );
        }
        if (replOff !== undefined) {
          const a = placedAlt.address + BigInt(off + ai.replOffset) + BigInt(replOff);
          const start = placedRepl.address;
          const size = BigInt(placedRepl.section.size);
          if (a < start || replLen > size || a + replLen > start + size)
            this.out.add(
              "altinstr-range",
              `.altinstructions entry ${i}: replacement ${describe(a)} (${replLen} bytes) is not inside .altinstr_replacement: the hypervisor refuses it`,
              where,
            );
        }
      }
    }
    const calls = this.elf.sectionNamed(".alt_call_sites");
    const placedCalls = calls && model.placed.get(calls.index);
    const ac = this.version.altCallSites;
    if (ac && calls && placedCalls && calls.size > 0 && calls.size % ac.size === 0) {
      if (text.size === 0n)
        this.out.add(
          "altcall-site",
          ".alt_call_sites is not empty but the payload has no text: the hypervisor refuses it",
          at(calls),
        );
      for (let i = 0; text.size > 0n && i * ac.size < calls.size; i++) {
        const v = model.int32(calls.index, i * ac.size);
        if (v === undefined) continue;
        const a = placedCalls.address + BigInt(i * ac.size) + BigInt(v);
        const where = at(calls, { entry: i, offset: i * ac.size });
        if (!inText(a, BigInt(ac.callLen))) {
          this.out.add(
            "altcall-site",
            `.alt_call_sites entry ${i}: the call at ${describe(a)} is not inside the payload's text: the hypervisor refuses it`,
            where,
          );
          continue;
        }
        const own = model.sectionAt(a);
        const op = own && [0, 1].map((k) => model.byte(own.placed.section.index, own.offset + k));
        if (op && (op[0] !== 0xff || op[1] !== 0x15))
          this.out.add(
            "altcall-site",
            `.alt_call_sites entry ${i}: ${describe(a)} is not a call *disp32(%rip) (ff 15): the hypervisor refuses it`,
            where,
          );
      }
    }
    const ex = this.elf.sectionNamed(".ex_table");
    const placedEx = ex && model.placed.get(ex.index);
    const exSize = this.version.exTableEntrySize;
    if (ex && placedEx && ex.size % exSize === 0) {
      for (let i = 0; i * exSize < ex.size; i++) {
        for (const [field, off] of [
          ["faulting address", 0],
          ["continuation", 4],
        ] as const) {
          const v = model.int32(ex.index, i * exSize + off);
          if (v === undefined) continue;
          const a = placedEx.address + BigInt(i * exSize + off) + BigInt(v);
          if (!inText(a))
            this.out.add(
              "ex-table-range",
              `.ex_table entry ${i}: its ${field} is ${describe(a)}, not in the payload's text`,
              at(ex, { entry: i, offset: i * exSize + off }),
            );
        }
      }
    }
    for (const frames of this.elf.sections.filter((s) => /^\.bug_frames\.[0-3]$/.test(s.name))) {
      const placed = model.placed.get(frames.index);
      const bf = this.version.bugFrame;
      if (!placed || frames.size % bf.size !== 0) continue;
      // An assert frame (.bug_frames.3) is two: the location's, then one whose loc_disp is
      // 0 and which holds the message (BUG_FRAME's second_frame, asm/bug.h); Xen's lookup
      // never matches that half, so only every other entry points at code.
      const stride = frames.name === ".bug_frames.3" ? 2 : 1;
      for (let i = 0; i * bf.size < frames.size; i += stride) {
        const word = model.int32(frames.index, i * bf.size);
        if (word === undefined) continue;
        // loc_disp: the low dispBits bits, signed, from the frame's start (asm/bug.h).
        const shift = 32 - bf.dispBits;
        const disp = (word << shift) >> shift;
        const a = placed.address + BigInt(i * bf.size) + BigInt(disp);
        if (!inText(a))
          this.out.add(
            "bug-frame-range",
            `${frames.name} entry ${i}: its location is ${describe(a)}, not in the payload's text`,
            at(frames, { entry: i, offset: i * bf.size }),
          );
      }
    }
  }

  private modinfo(): void {
    const section = this.elf.sectionNamed(SECTION.modinfo);
    const info = this.payload.modinfo();
    if (!section || !info) return;
    if (!info.terminated) {
      this.out.add(
        "modinfo-format",
        `.modinfo (${section.size} bytes) does not end with NUL`,
        at(section),
      );
    }
    for (const entry of info.entries) {
      if (!entry.wellFormed)
        this.out.add(
          "modinfo-entry",
          `.modinfo string "${entry.key}" is not key=value`,
          at(section),
        );
    }
  }

  // build_symbol_table(): new symbols must not clash with existing names.
  private newSymbols(): void {
    if (!this.symbols) return;
    const xen = this.target.xen;
    if (!xen) return this.skip("new symbol names");
    const stack = this.stackExports();
    for (const sym of this.payload.newSymbols()) {
      const owner = xen.lookup(sym.name) ? xen.file : stack.get(sym.name);
      if (owner) {
        this.out.add(
          "symbol-duplicate",
          `new symbol ${sym.name} already exists in ${owner}; the hypervisor refuses a duplicate`,
          { section: ".symtab", entry: sym.index, symbol: sym.name },
        );
      }
    }
  }

  /** Sections targeted by a relocation from an allocated section, or having relocations of their own. */
  private referencedSections(): Set<number> {
    const referenced = new Set<number>();
    if (!this.symbols) return referenced;
    for (const r of this.elf.sections) {
      if (r.type !== SHT_RELA) continue;
      const base = this.elf.section(r.info);
      if (!base || !isAlloc(base)) continue;
      const entries = safely(() => this.elf.relocations(r), []);
      if (entries.length > 0) referenced.add(base.index);
      for (const rela of entries) {
        const sym = this.symbols[rela.symbolIndex];
        if (sym && sym.shndx !== SHN_UNDEF && sym.shndx < SHN_LORESERVE) referenced.add(sym.shndx);
      }
    }
    return referenced;
  }

  private rodataSections(): ElfSection[] {
    return this.elf.sections.filter(
      (s) =>
        s.name.startsWith(".rodata") &&
        s.type === SHT_PROGBITS &&
        isAlloc(s) &&
        (s.flags & (SHF_WRITE | SHF_EXECINSTR)) === 0 &&
        s.size > 0 &&
        this.elf.inBounds(s),
    );
  }

  // livepatch-build-tools 854a7ca60e35: only referenced .rodata belongs in a payload.
  private rodataReferences(): void {
    if (!this.symbols) return;
    const referenced = this.referencedSections();
    for (const s of this.rodataSections()) {
      if (!referenced.has(s.index)) {
        this.out.add(
          "rodata-unreferenced",
          `${sectionLabel(s)} (${s.size} bytes) is not referenced by any relocation: it is dead weight in the payload`,
          at(s),
        );
      }
    }
  }

  // livepatch-build-tools dabc4e9fa87c: stacked payloads must not re-carry earlier data.
  private rodataDuplicates(): void {
    if (this.target.stack.length === 0) return;
    const earlierStrings = new Map<string, string>();
    const earlierBlobs = new Map<string, string>();
    for (const earlier of this.target.stack) {
      const checks = new PayloadChecks(earlier, { stack: [] }, new FindingList(earlier.file));
      for (const s of safely(() => checks.rodataSections(), [])) {
        const where = `${earlier.file} (${s.name})`;
        const data = earlier.elf.data(s);
        if (isStringSection(s))
          for (const str of splitStrings(data)) earlierStrings.set(str, where);
        else earlierBlobs.set(hex(data), where);
      }
    }
    for (const s of this.rodataSections()) {
      const data = this.elf.data(s);
      if (isStringSection(s)) {
        const strings = splitStrings(data);
        const repeated = strings.filter((str) => earlierStrings.has(str));
        if (repeated.length === 0) continue;
        const bytes = repeated.reduce((n, str) => n + Buffer.byteLength(str, "latin1") + 1, 0);
        const places = [...new Set(repeated.map((str) => earlierStrings.get(str)))].join(", ");
        this.out.add(
          "rodata-duplicate",
          `${sectionLabel(s)}: ${repeated.length} of ${strings.length} strings (${bytes} bytes) are already carried by ${places}, e.g. ${JSON.stringify(repeated[0])}`,
          at(s),
        );
      } else {
        const where = earlierBlobs.get(hex(data));
        if (where)
          this.out.add(
            "rodata-duplicate",
            `${sectionLabel(s)}: all ${data.length} bytes are already carried by ${where}`,
            at(s),
          );
      }
    }
  }
}

const isStringSection = (s: ElfSection) =>
  (s.flags & (SHF_MERGE | SHF_STRINGS)) === (SHF_MERGE | SHF_STRINGS);

function splitStrings(data: Uint8Array): string[] {
  return Buffer.from(data)
    .toString("latin1")
    .split("\0")
    .filter((s) => s.length > 0);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ElfFormatError) return fallback;
    throw e;
  }
}
