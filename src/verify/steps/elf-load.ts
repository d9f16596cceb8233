/**
 * The upload and livepatch_elf_load() before the symbol table: the payload's size and
 * name (livepatch_upload(), get_name()), livepatch_header_check() with
 * arch_livepatch_verify_elf(), and elf_resolve_sections() / elf_resolve_section_names()
 * (xen/common/livepatch_elf.c), with move_payload()'s refusal of a writable and executable
 * section reported where the section is read.
 */
import {
  EM_X86_64,
  ELF64_EHDR_SIZE,
  ELFOSABI_FREEBSD,
  ELFOSABI_NONE,
  ET_REL,
  EV_CURRENT,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_UNDEF,
  SHT_NOBITS,
} from "../../elf/constants.js";
import { LIVEPATCH_MAX_SIZE, XEN_LIVEPATCH_NAME_SIZE } from "../../xen/abi.js";
import { type StepContext, type VerifierStep, at, isAlloc, sectionLabel } from "./context.js";

export const ELF_LOAD: VerifierStep = {
  name: "elf-load",
  basis: "livepatch_upload(), livepatch_header_check(), elf_resolve_sections() (livepatch_elf.c)",
  rules: {
    // A file parseElf() refuses never reaches the steps: verifier.ts malformedFindings().
    "elf-malformed": "elf-load",
    "elf-header": "elf-load",
    "payload-too-large": "upload",
    "payload-name": "upload",
    "section-name-offset": "elf-load",
    "section-bounds": "elf-load",
    "section-alignment": "elf-load",
    "section-write-exec": "placement",
  },
  breaks: ["elf-header", "section-bounds", "section-alignment", "section-write-exec"],
  run(ctx) {
    header(ctx);
    sections(ctx);
  },
};

// livepatch_header_check() and arch_livepatch_verify_elf().
function header(ctx: StepContext): void {
  const { elf, payload } = ctx;
  const h = elf.header;
  const bad = (what: string) => ctx.add("elf-header", what, { offset: 0 });
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
  const shstrtab = elf.section(h.shstrndx);
  if (shstrtab && h.shstrndx !== 0) {
    const problem = ctx.strtabProblem(shstrtab);
    if (problem) bad(`section name string table ${problem}`);
  }
  if (elf.bytes.length > LIVEPATCH_MAX_SIZE) {
    ctx.add(
      "payload-too-large",
      `${elf.bytes.length} bytes, over the hypervisor's limit of ${LIVEPATCH_MAX_SIZE}`,
    );
  }
  // get_name() counts the terminating NUL, so "" (size 1) is a name Xen accepts.
  const nameBytes = Buffer.byteLength(payload.name);
  if (nameBytes > XEN_LIVEPATCH_NAME_SIZE - 1) {
    ctx.add(
      "payload-name",
      `payload name "${payload.name}" is ${nameBytes} bytes; it must be at most ${XEN_LIVEPATCH_NAME_SIZE - 1}`,
    );
  }
}

// elf_resolve_sections() and move_payload().
function sections(ctx: StepContext): void {
  const elf = ctx.elf;
  // elf_resolve_section_names(): every sh_name must lie inside the section name table.
  const shstrtab = elf.section(elf.header.shstrndx);
  const namesUsable =
    elf.header.shstrndx !== 0 && shstrtab !== undefined && !ctx.strtabProblem(shstrtab);
  for (const s of elf.sections.slice(1)) {
    if (namesUsable && s.nameOffset >= shstrtab.size) {
      ctx.add(
        "section-name-offset",
        `section [${s.index}] name offset ${s.nameOffset} is past the section name string table ${sectionLabel(shstrtab)} (${shstrtab.size} bytes)`,
        { sectionIndex: s.index, offset: s.headerOffset },
      );
    }
    if (s.offset < ELF64_EHDR_SIZE) {
      ctx.add(
        "section-bounds",
        `section ${sectionLabel(s)} data offset ${s.offset} lies inside the ELF header`,
        at(s),
      );
    } else if (!elf.inBounds(s)) {
      ctx.add(
        "section-bounds",
        `section ${sectionLabel(s)} data (offset ${s.offset}, size ${s.size}) runs past the end of the file (${elf.bytes.length} bytes)`,
        at(s),
      );
    }
    if ((s.addralign & (s.addralign - 1n)) !== 0n) {
      ctx.add(
        "section-alignment",
        `section ${sectionLabel(s)} alignment ${s.addralign} is not a power of two`,
        at(s),
      );
    } else if (s.addralign !== 0n && s.addr % s.addralign !== 0n) {
      ctx.add(
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
      ctx.add(
        "payload-too-large",
        `section ${sectionLabel(s)} reserves ${s.size} bytes, over the limit of ${LIVEPATCH_MAX_SIZE}`,
        at(s),
      );
    }
    if (isAlloc(s) && (s.flags & SHF_WRITE) !== 0 && (s.flags & SHF_EXECINSTR) !== 0) {
      ctx.add(
        "section-write-exec",
        `section ${sectionLabel(s)} is both writable and executable`,
        at(s),
      );
    }
  }
}
