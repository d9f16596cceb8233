/**
 * The symbol table: livepatch_elf_load()'s checks of .symtab and its string table
 * (elf_resolve_sections(), elf_get_sym()), then livepatch_elf_resolve_symbols()
 * (xen/common/livepatch_elf.c). Leaves the symbols in the context when the table is usable.
 */
import {
  ELF64_SYM_SIZE,
  SHN_ABS,
  SHN_COMMON,
  SHN_LORESERVE,
  SHN_UNDEF,
  STB_LOCAL,
} from "../../elf/constants.js";
import type { ElfSection, ElfSymbol } from "../../elf/reader.js";
import { type StepContext, type VerifierStep, at, sectionLabel } from "./context.js";

export const SYMBOLS: VerifierStep = {
  name: "symbols",
  basis: "elf_get_sym(), livepatch_elf_resolve_symbols() (livepatch_elf.c)",
  rules: {
    "symtab-invalid": "elf-load",
    "symtab-link-zero": "elf-load",
    "symbol-section-index": "symbols",
    "symbol-common": "symbols",
    "symbol-unresolved": "symbols",
    "symbol-undefined-local": "symbols",
  },
  // The loader refuses these before it reads any relocated value.
  breaks: ["symtab-invalid", "symbol-section-index", "symbol-common", "symbol-unresolved"],
  run: symbolTable,
};

function symbolTable(ctx: StepContext): void {
  const elf = ctx.elf;
  const tables = elf.symbolTables();
  const bad = (message: string, s?: ElfSection) =>
    ctx.add("symtab-invalid", message, s ? at(s) : {});
  if (tables.length === 0) return bad("no symbol table (.symtab)");
  if (tables.length > 1)
    return bad(`${tables.length} symbol tables; the hypervisor supports one`, tables[1]);
  const symtab = tables[0]!;
  if (symtab.link === 0) {
    // elf_resolve_sections() lets 0 through, then elf_verify_strtab() reads the header
    // of section 0, which it never set up (a NULL pointer).
    return ctx.add(
      "symtab-link-zero",
      "symbol table links to string table section 0: the hypervisor reads section 0's header through a NULL pointer",
      at(symtab),
    );
  }
  if (symtab.link >= elf.header.shnum) {
    return bad(
      `symbol table links to string table section ${symtab.link}, which does not exist`,
      symtab,
    );
  }
  if (symtab.size === 0 || symtab.entsize < ELF64_SYM_SIZE || symtab.size % symtab.entsize !== 0) {
    return bad(
      `symbol table header is corrupted (size ${symtab.size}, entry size ${symtab.entsize})`,
      symtab,
    );
  }
  if (!elf.inBounds(symtab)) return; // reported by the elf-load step
  const strtab = elf.section(symtab.link)!;
  const problem = ctx.strtabProblem(strtab);
  if (problem) return bad(`symbol string table ${sectionLabel(strtab)} ${problem}`, strtab);
  ctx.symbols = elf.symbols();
  for (const sym of ctx.symbols.slice(1)) {
    if (sym.nameOffset >= strtab.size) {
      ctx.add(
        "symtab-invalid",
        `symbol ${sym.index} name offset ${sym.nameOffset} is past the string table`,
        at(symtab, { entry: sym.index }),
      );
    }
    symbol(ctx, sym);
  }
}

// livepatch_elf_resolve_symbols().
function symbol(ctx: StepContext, sym: ElfSymbol): void {
  const where = { section: ".symtab", entry: sym.index, symbol: sym.name };
  const xen = ctx.target.xen;
  if (sym.shndx === SHN_COMMON) {
    ctx.add(
      "symbol-common",
      `symbol ${sym.name} is a common symbol; build with -fno-common`,
      where,
    );
  } else if (sym.shndx === SHN_UNDEF) {
    if (sym.bind === STB_LOCAL) {
      ctx.add(
        "symbol-undefined-local",
        `undefined LOCAL symbol ${sym.name || `#${sym.index}`}: a local symbol must be defined in the payload`,
        where,
      );
    }
    // The hypervisor resolves every undefined symbol by name, whatever its binding.
    if (!sym.name) {
      ctx.add(
        "symbol-unresolved",
        `undefined symbol #${sym.index} has no name: the hypervisor resolves undefined symbols by name and finds none`,
        where,
      );
    } else if (!xen) {
      ctx.skip("symbol resolution");
    } else if (!ctx.resolvesOutside(sym.name)) {
      ctx.add(
        "symbol-unresolved",
        `undefined symbol ${sym.name} is neither in ${xen.file} nor exported by an earlier payload`,
        where,
      );
    }
  } else if (
    sym.shndx !== SHN_ABS &&
    (sym.shndx >= SHN_LORESERVE || sym.shndx >= ctx.elf.header.shnum)
  ) {
    ctx.add(
      "symbol-section-index",
      `symbol ${sym.name || `#${sym.index}`} is in section ${sym.shndx}, which does not exist`,
      where,
    );
  }
}
