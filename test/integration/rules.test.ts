// Every rule of the verifier, proven on Xen's real in-tree payloads: each case takes a
// payload built by `make -C xen tests`, breaks it in exactly one way (or verifies it in a
// context that is wrong in exactly one way), and checks that the findings gained over the
// unbroken baseline (same payload, same target) are exactly that rule's, naming the thing
// that was broken.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { XenBase } from "../../src/build/xen.js";
import {
  EM_X86_64,
  ET_EXEC,
  SHF_ALLOC,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHN_COMMON,
  SHN_LORESERVE,
  SHT_REL,
  SHT_SYMTAB,
  STB_LOCAL,
  STT_SECTION,
} from "../../src/elf/constants.js";
import { ElfFormatError, parseElf } from "../../src/elf/reader.js";
import {
  FUNC_OFFSET,
  LIVEPATCH_FUNC_SIZE,
  LIVEPATCH_MAX_SIZE,
  Payload,
} from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { type Finding, type FindingLocation, type RuleId, RULES } from "../../src/verify/rules.js";
import { malformedFindings, verifyFile, verifyPayload } from "../../src/verify/verifier.js";
import {
  findSection,
  findSymbol,
  padTo,
  renameSection,
  renameSymbol,
  setHeaderField,
  setRelaField,
  setSectionField,
  setSymbolField,
  truncate,
  writeSectionBytes,
  xorSectionByte,
} from "../helpers/elf-mutate.js";
import { getXenBase } from "./xen-base.js";

// In-tree payload names (xen/test/livepatch/<name>.livepatch).
const HELLO = "xen_hello_world";
const BYE = "xen_bye_world";
const NOP = "xen_nop";
const REPLACE = "xen_replace_world";
const EXPECTATIONS = "xen_expectations";
const PREPOST = "xen_prepost_hooks";
const NOFUNC = "xen_action_hooks_nofunc";

// A GNU build-id note: 12-byte header, "GNU\0", then the descriptor.
const NOTE_TYPE = 8;
const NOTE_NAME = 12;
const NOTE_DESC = 16;

let base: XenBase;
let xen: XenSyms;
const originals = new Map<string, Uint8Array>();
let scratch: string;

beforeAll(async () => {
  base = await getXenBase();
  xen = await XenSyms.load(base.xenSyms);
  for (const path of base.testPayloads)
    originals.set(basename(path, ".livepatch"), new Uint8Array(await readFile(path)));
  scratch = await mkdtemp(join(tmpdir(), "xlci-rules-"));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

function pathOf(name: string): string {
  const path = base.testPayloads.find((p) => basename(p) === `${name}.livepatch`);
  if (!path) throw new Error(`no in-tree payload ${name}`);
  return path;
}

function original(name: string): Uint8Array {
  const bytes = originals.get(name);
  if (!bytes) throw new Error(`no in-tree payload ${name}`);
  return bytes;
}

/** A payload as the loader would get it: the in-tree file, or a changed copy of it. */
const payload = (name: string, bytes = original(name)) =>
  new Payload(parseElf(bytes, pathOf(name)));

interface Target {
  /** In-tree payloads applied before, oldest first. */
  readonly stack?: readonly string[];
  /** Verify without xen-syms. */
  readonly noXen?: boolean;
}

function verify(name: string, bytes: Uint8Array, target: Target = {}): Finding[] {
  return verifyPayload(payload(name, bytes), {
    xen: target.noXen ? undefined : xen,
    stack: (target.stack ?? []).map((n) => payload(n)),
  });
}

/** The rules with more findings than in the baseline, sorted. */
function gainedRules(baseline: readonly Finding[], findings: readonly Finding[]): RuleId[] {
  const count = (list: readonly Finding[], id: RuleId) =>
    list.filter((f) => f.ruleId === id).length;
  const ids = new Set(findings.map((f) => f.ruleId));
  return [...ids].filter((id) => count(findings, id) > count(baseline, id)).sort();
}

interface Names {
  /** Text the message contains (a string), or matches (a RegExp). */
  readonly message: string | RegExp;
  readonly location?: FindingLocation;
}

/**
 * The findings gained over the baseline are of exactly `rules`, and one of the first
 * rule's new findings has the expected message and location.
 */
function expectGained(
  baseline: readonly Finding[],
  findings: readonly Finding[],
  rules: readonly RuleId[],
  names: Names,
): void {
  expect(gainedRules(baseline, findings)).toEqual([...rules].sort());
  const key = (f: Finding) => JSON.stringify([f.ruleId, f.message, f.location]);
  const before = new Set(baseline.map(key));
  const fresh = findings.filter((f) => f.ruleId === rules[0] && !before.has(key(f)));
  const named = (f: Finding) =>
    (typeof names.message === "string"
      ? f.message.includes(names.message)
      : names.message.test(f.message)) &&
    Object.entries(names.location ?? {}).every(
      ([field, value]) => f.location[field as keyof FindingLocation] === value,
    );
  expect(
    fresh.some(named),
    `no new ${rules[0]} finding with ${String(names.message)} at ${JSON.stringify(names.location ?? {})} among ${JSON.stringify(fresh, null, 1)}`,
  ).toBe(true);
}

// Every case registers the rule it proves, so the last test can tell which rules have none.
const covered = new Set<RuleId>();
function ruleCase(rule: RuleId, title: string, fn: () => void | Promise<void>): void {
  covered.add(rule);
  it(`${rule}: ${title}`, fn);
}

interface MutationCase {
  readonly rule: RuleId;
  readonly title: string;
  readonly payload: string;
  readonly target?: Target;
  readonly mutate: (bytes: Uint8Array) => Uint8Array;
  /** What the finding names; a function when that includes the payload's own indices. */
  readonly names: Names | ((bytes: Uint8Array) => Names);
  /** Rules the same defect unavoidably trips too (each use says why). */
  readonly also?: readonly RuleId[];
}

// Lookups the mutations need, on the unchanged bytes.
const sectionIndex = (bytes: Uint8Array, name: string) =>
  findSection(parseElf(bytes, "(lookup)"), name).index;
function sectionSymbol(bytes: Uint8Array, name: string): number {
  const elf = parseElf(bytes, "(lookup)");
  const index = findSection(elf, name).index;
  const sym = elf.symbols().find((s) => s.type === STT_SECTION && s.shndx === index);
  if (!sym) throw new Error(`no section symbol for ${name}`);
  return sym.index;
}
/** A section as the verifier labels it: name [index]. */
const label = (bytes: Uint8Array, name: string) => `${name} [${sectionIndex(bytes, name)}]`;
const symbolIndex = (bytes: Uint8Array, name: string) =>
  findSymbol(parseElf(bytes, "(lookup)"), name).index;
const symbolCount = (bytes: Uint8Array) => parseElf(bytes, "(lookup)").symbols().length;
const sectionSize = (bytes: Uint8Array, name: string) =>
  findSection(parseElf(bytes, "(lookup)"), name).size;
const sectionBytes = (bytes: Uint8Array, name: string) => {
  const elf = parseElf(bytes, "(lookup)");
  return elf.data(findSection(elf, name));
};

const MUTATIONS: readonly MutationCase[] = [
  // The ELF header (livepatch_header_check).
  {
    rule: "elf-header",
    title: "e_machine is not x86-64",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "machine", 3),
    names: {
      message: `e_machine is 3, expected EM_X86_64 (${EM_X86_64})`,
      location: { offset: 0 },
    },
  },
  {
    rule: "elf-header",
    title: "an executable, not a relocatable object",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "type", ET_EXEC),
    names: { message: `e_type is ${ET_EXEC}, expected ET_REL` },
  },
  {
    rule: "elf-header",
    title: "Linux OS ABI",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "osabi", 3),
    names: { message: "EI_OSABI is 3" },
  },
  {
    rule: "elf-header",
    title: "non-zero ABI version",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "abiversion", 1),
    names: { message: "EI_ABIVERSION is 1" },
  },
  {
    rule: "elf-header",
    title: "e_version is not EV_CURRENT",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "version", 2),
    names: { message: "ELF version 2/1" },
  },
  {
    rule: "elf-header",
    title: "program headers announced",
    payload: HELLO,
    mutate: (b) => setHeaderField(b, "phnum", 1),
    names: { message: "1 program headers, expected none" },
  },
  {
    rule: "payload-too-large",
    title: "a NOBITS section reserving more than 2 MiB",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".bss.cnt", "size", LIVEPATCH_MAX_SIZE + 1),
    names: (b) => ({
      message: `${label(b, ".bss.cnt")} reserves ${LIVEPATCH_MAX_SIZE + 1} bytes`,
      location: { section: ".bss.cnt" },
    }),
  },

  // Section headers (elf_resolve_sections, move_payload).
  {
    rule: "section-bounds",
    title: "section data inside the ELF header",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "offset", 8),
    names: {
      message: "data offset 8 lies inside the ELF header",
      location: { section: ".comment" },
    },
  },
  {
    rule: "section-bounds",
    title: "section data past the end of the file",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "size", 0x100000),
    names: {
      message: /\.comment \[\d+\] data \(offset \d+, size 1048576\) runs past the end of the file/,
      location: { section: ".comment" },
    },
  },
  {
    rule: "section-alignment",
    title: "alignment not a power of two",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".comment", "addralign", 3),
    names: { message: "alignment 3 is not a power of two", location: { section: ".comment" } },
  },
  {
    rule: "section-alignment",
    title: "address not aligned to the section's alignment",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".ex_table", "addr", 2),
    names: { message: "address 2 is not aligned to 4", location: { section: ".ex_table" } },
  },
  {
    rule: "section-write-exec",
    title: "code made writable",
    payload: HELLO,
    mutate: (b) =>
      setSectionField(b, ".text.xen_hello_world", "flags", SHF_ALLOC | SHF_EXECINSTR | SHF_WRITE),
    names: (b) => ({
      message: `${label(b, ".text.xen_hello_world")} is both writable and executable`,
      location: { section: ".text.xen_hello_world" },
    }),
  },
  {
    rule: "section-rel",
    title: "a relocation section turned into SHT_REL",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "type", SHT_REL),
    names: (b) => ({
      message: `${label(b, ".rela.ex_table")} is SHT_REL`,
      location: { section: ".rela.ex_table" },
    }),
  },

  // The symbol table (livepatch_elf_resolve_symbols and its preconditions).
  {
    rule: "symtab-invalid",
    title: "symbol table linked to section 0",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".symtab", "link", 0),
    names: { message: "links to string table section 0", location: { section: ".symtab" } },
  },
  {
    rule: "symtab-invalid",
    title: "symbol table entry size 0",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".symtab", "entsize", 0),
    names: { message: "symbol table header is corrupted", location: { section: ".symtab" } },
  },
  {
    rule: "symtab-invalid",
    title: "a symbol name past the string table",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "name", 0xffff),
    names: (b) => ({
      message: `symbol ${symbolIndex(b, "cnt")} name offset 65535 is past the string table`,
      location: { section: ".symtab", entry: symbolIndex(b, "cnt") },
    }),
  },
  {
    rule: "symtab-invalid",
    title: "string table not NUL-terminated",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".strtab", sectionSize(b, ".strtab") - 1, "X"),
    names: (b) => ({
      message: `symbol string table ${label(b, ".strtab")} does not start and end with NUL`,
      location: { section: ".strtab" },
    }),
  },
  {
    rule: "symtab-invalid",
    title: "a second symbol table",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".strtab", "type", SHT_SYMTAB),
    names: { message: "2 symbol tables", location: { section: ".strtab" } },
  },
  {
    rule: "symbol-section-index",
    title: "symbol in a section past the section table",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "shndx", 200),
    names: {
      message: "symbol cnt is in section 200, which does not exist",
      location: { symbol: "cnt" },
    },
  },
  {
    rule: "symbol-section-index",
    title: "symbol in a reserved section index",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "shndx", SHN_LORESERVE),
    names: { message: `symbol cnt is in section ${SHN_LORESERVE}`, location: { symbol: "cnt" } },
  },
  {
    rule: "symbol-common",
    title: "a common symbol",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "cnt", "shndx", SHN_COMMON),
    names: { message: "symbol cnt is a common symbol", location: { symbol: "cnt" } },
  },
  {
    rule: "symbol-unresolved",
    title: "an undefined symbol the hypervisor does not have",
    payload: HELLO,
    // "extra_version" is the tail of "xen_extra_version" in .strtab.
    mutate: (b) => renameSymbol(b, "xen_extra_version", "extra_version"),
    names: {
      message: "undefined symbol extra_version is neither in",
      location: { section: ".symtab", symbol: "extra_version" },
    },
  },
  {
    rule: "symbol-undefined-local",
    title: "an undefined symbol made LOCAL",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, "printk", "bind", STB_LOCAL),
    names: { message: "undefined LOCAL symbol printk", location: { symbol: "printk" } },
  },
  {
    rule: "symbol-undefined-local",
    title: "the section symbol of .fixup left undefined (the livepatch-build-tools bug)",
    payload: HELLO,
    mutate: (b) => setSymbolField(b, sectionSymbol(b, ".fixup"), "shndx", 0),
    names: (b) => ({
      message: `undefined LOCAL symbol #${sectionSymbol(b, ".fixup")}`,
      location: { section: ".symtab", entry: sectionSymbol(b, ".fixup") },
    }),
  },
  {
    rule: "symbol-duplicate",
    title: "a new symbol named like a hypervisor global",
    payload: HELLO,
    mutate: (b) => renameSymbol(b, "hi_func", "printk"),
    names: {
      message: /^new symbol printk already exists in .*xen-syms/,
      location: { section: ".symtab", symbol: "printk" },
    },
  },

  // Relocations (livepatch_elf_perform_relocs, arch_livepatch_perform_rela).
  {
    rule: "rela-header",
    title: "relocation entry size 0",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "entsize", 0),
    names: { message: "has entry size 0 and size 48", location: { section: ".rela.ex_table" } },
  },
  {
    rule: "rela-header",
    title: "relocation section size not a multiple of its entries",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "size", 47),
    names: { message: "has entry size 24 and size 47", location: { section: ".rela.ex_table" } },
  },
  {
    rule: "rela-link",
    title: "relocations linked to the string table",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".rela.ex_table", "link", sectionIndex(b, ".strtab")),
    names: (b) => ({
      message: `${label(b, ".rela.ex_table")} links to section ${sectionIndex(b, ".strtab")}, not the symbol table (${sectionIndex(b, ".symtab")})`,
      location: { section: ".rela.ex_table" },
    }),
  },
  {
    rule: "rela-symbol-zero",
    title: "relocation against STN_UNDEF",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 0, "symbol", 0),
    names: (b) => ({
      message: `relocation 0 in ${label(b, ".rela.ex_table")} (offset 0 of .ex_table) has symbol index 0`,
      location: { section: ".rela.ex_table", entry: 0 },
    }),
  },
  {
    rule: "rela-symbol-range",
    title: "relocation against a symbol past the table",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 0, "symbol", 1000),
    names: (b) => ({
      message: `refers to symbol 1000, past the ${symbolCount(b)} symbols`,
      location: { section: ".rela.ex_table", entry: 0 },
    }),
  },
  {
    rule: "rela-type",
    title: "R_X86_64_32, which the hypervisor does not perform",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "type", 10),
    names: { message: "has type R_X86_64_32", location: { section: ".rela.ex_table", entry: 1 } },
  },
  {
    rule: "rela-offset",
    title: "relocation writing past its section",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "offset", 6),
    names: (b) => ({
      message: `writes 4 bytes at offset 6, past the end of ${label(b, ".ex_table")} (8 bytes)`,
      location: { section: ".rela.ex_table", entry: 1, offset: 6 },
    }),
  },
  {
    rule: "rela-ignored-section",
    title: "relocation against a symbol in .comment",
    payload: HELLO,
    mutate: (b) => setRelaField(b, ".rela.ex_table", 1, "symbol", sectionSymbol(b, ".comment")),
    names: (b) => ({
      message: `refers to .comment in ${label(b, ".comment")}, a section the loader does not load`,
      location: { section: ".rela.ex_table", entry: 1, symbol: ".comment" },
    }),
  },

  // Read-only data.
  {
    rule: "rodata-unreferenced",
    title: "the only reference to __func__ of hi_func pointed elsewhere",
    payload: HELLO,
    mutate: (b) =>
      setRelaField(b, ".rela.text.hi_func", 1, "symbol", sectionSymbol(b, ".rodata.__func__.0")),
    names: (b) => ({
      message: `${label(b, ".rodata.__func__.1")} (8 bytes) is not referenced`,
      location: { section: ".rodata.__func__.1" },
    }),
  },
  {
    rule: "rodata-duplicate",
    title: "a payload re-carrying hello_world's __FILE__ string",
    payload: NOFUNC,
    target: { stack: [HELLO] },
    mutate: (b) =>
      writeSectionBytes(
        b,
        ".rodata.post_revert_hook.str1.8",
        0,
        "test/livepatch/xen_hello_world.c\0",
      ),
    names: {
      message:
        /strings \(33 bytes\) are already carried by .*xen_hello_world\.livepatch \(\.rodata\.check_fnc\.str1\.8\), e\.g\. "test\/livepatch\/xen_hello_world\.c"/,
      location: { section: ".rodata.post_revert_hook.str1.8" },
    },
  },

  // Livepatch sections and build-ids (check_special_sections, check_patching_sections).
  {
    rule: "section-missing",
    title: ".livepatch.depends renamed",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".livepatch.depends", "livepatch.depends"),
    names: {
      message: "required section .livepatch.depends is missing",
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "section-missing",
    title: ".note.gnu.build-id renamed",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".note.gnu.build-id", "note.gnu.build-id"),
    names: { message: "required section .note.gnu.build-id is missing" },
  },
  {
    rule: "section-empty",
    title: "required section emptied",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".livepatch.depends", "size", 0),
    names: {
      message: "required section .livepatch.depends is empty",
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "section-empty",
    title: ".livepatch.funcs emptied (xen_nop has no relocations into it)",
    payload: NOP,
    mutate: (b) => setSectionField(b, ".livepatch.funcs", "size", 0),
    names: {
      message: "section .livepatch.funcs is empty",
      location: { section: ".livepatch.funcs" },
    },
  },
  {
    rule: "section-empty",
    title: "a hook section emptied",
    payload: PREPOST,
    mutate: (b) => setSectionField(b, ".livepatch.hooks.preapply", "size", 0),
    // The hook pointer's relocation stays and now writes past the empty section: the loader
    // performs relocations before it looks at the patching sections, so both are reported.
    also: ["rela-offset"],
    names: {
      message: "section .livepatch.hooks.preapply is empty",
      location: { section: ".livepatch.hooks.preapply" },
    },
  },
  {
    rule: "section-duplicate",
    title: "a second .livepatch.depends",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".comment", ".livepatch.depends"),
    names: (b) => ({
      message: `section .livepatch.depends appears 2 times (sections ${sectionIndex(b, ".livepatch.depends")}, ${sectionIndex(b, ".comment")})`,
      location: { section: ".livepatch.depends", sectionIndex: sectionIndex(b, ".comment") },
    }),
  },
  {
    rule: "nothing-to-patch",
    title: "xen_nop without its .livepatch.funcs",
    payload: NOP,
    mutate: (b) => renameSection(b, ".livepatch.funcs", "livepatch.funcs"),
    names: { message: "neither .livepatch.funcs nor a .livepatch.hooks.* section" },
  },
  {
    rule: "note-invalid",
    title: "build-id note of the wrong type",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".note.gnu.build-id", NOTE_TYPE, [4, 0, 0, 0]),
    names: {
      message: ".note.gnu.build-id: note type is 4, not NT_GNU_BUILD_ID (3)",
      location: { section: ".note.gnu.build-id" },
    },
  },
  {
    rule: "note-invalid",
    title: "depends note not named GNU",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.depends", NOTE_NAME, "GNX"),
    names: {
      message: '.livepatch.depends: note name is not "GNU"',
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "xen-depends-mismatch",
    title: "xen_depends one bit off the hypervisor's build-id",
    payload: HELLO,
    mutate: (b) =>
      xorSectionByte(b, ".livepatch.xen_depends", sectionSize(b, ".livepatch.xen_depends") - 1, 1),
    names: {
      message:
        /^\.livepatch\.xen_depends is [0-9a-f]{40} but .*xen-syms has build-id [0-9a-f]{40}$/,
      location: { section: ".livepatch.xen_depends" },
    },
  },
  {
    rule: "depends-mismatch",
    title: "depends one bit off the base's build-id",
    payload: HELLO,
    mutate: (b) =>
      xorSectionByte(b, ".livepatch.depends", sectionSize(b, ".livepatch.depends") - 1, 1),
    names: {
      message: /^\.livepatch\.depends is [0-9a-f]{40} but the base .*xen-syms has build-id/,
      location: { section: ".livepatch.depends" },
    },
  },
  {
    rule: "build-id-duplicate",
    title: "bye_world carrying the build-id of hello_world, which it sits on",
    payload: BYE,
    target: { stack: [HELLO] },
    mutate: (b) =>
      writeSectionBytes(
        b,
        ".note.gnu.build-id",
        NOTE_DESC,
        sectionBytes(original(HELLO), ".note.gnu.build-id").subarray(NOTE_DESC),
      ),
    names: {
      message: /^build-id [0-9a-f]{40} is also the build-id of .*xen_hello_world\.livepatch/,
      location: { section: ".note.gnu.build-id" },
    },
  },

  // .livepatch.funcs (prepare_payload, arch_livepatch_verify_func, expectations).
  {
    rule: "funcs-size",
    title: "a trailing byte after the one entry",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".livepatch.funcs", "size", LIVEPATCH_FUNC_SIZE + 1),
    names: {
      message: `.livepatch.funcs is ${LIVEPATCH_FUNC_SIZE + 1} bytes, not a multiple of ${LIVEPATCH_FUNC_SIZE}`,
      location: { section: ".livepatch.funcs" },
    },
  },
  {
    rule: "func-version",
    title: "entry version 1",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", FUNC_OFFSET.version, [1]),
    names: {
      message: "function entry 0 (xen_extra_version) has version 1, expected 2",
      location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_version" },
    },
  },
  {
    rule: "func-old-size",
    title: "old_size 0",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", FUNC_OFFSET.oldSize, [0, 0, 0, 0]),
    names: {
      message: "function entry 0 (xen_extra_version) has old_size 0",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-name",
    title: "name pointer relocated past its string section (xen_replace_world patches by name)",
    payload: REPLACE,
    mutate: (b) => setRelaField(b, ".rela.livepatch.funcs", 0, "addend", 0x1000),
    names: {
      message: "function entry 0 has neither old_addr nor a name pointer",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-unresolved",
    title: "a misspelt function name (xen_replace_world patches by name)",
    payload: REPLACE,
    mutate: (b) => writeSectionBytes(b, ".rodata.xen_replace_world_name", 13, "z"),
    names: {
      message: "function entry 0 (xen_extra_verzion): xen_extra_verzion is neither in",
      location: { section: ".livepatch.funcs", entry: 0, symbol: "xen_extra_verzion" },
    },
  },
  {
    rule: "func-too-short",
    title: "old_size 4, too short for the jump",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", FUNC_OFFSET.oldSize, [4, 0, 0, 0]),
    names: {
      message: /^function entry 0 \(xen_extra_version\) has old_size 4; the jump needs (5|9) bytes/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-nop-size",
    title: "a NOP entry of 32 bytes",
    payload: NOP,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", FUNC_OFFSET.newSize, [32, 0, 0, 0]),
    names: {
      message: /^function entry 0 NOPs out 32 bytes of a \d+-byte function/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "func-old-size-overrun",
    title: "old_size 100 for a 12-byte function",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", FUNC_OFFSET.oldSize, [100, 0, 0, 0]),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) has old_size 100 but xen_extra_version is only \d+ bytes/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-invalid",
    title: "reserved bits set in the expectation",
    payload: EXPECTATIONS,
    mutate: (b) => xorSectionByte(b, ".livepatch.funcs", FUNC_OFFSET.expect, 0x40),
    names: {
      message: "expectation has reserved bits set (1)",
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },
  {
    rule: "expect-invalid",
    title: "expectation longer than old_size",
    payload: EXPECTATIONS,
    // enabled, len 9 (old_size is 8).
    mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", FUNC_OFFSET.expect, [1 | (9 << 1)]),
    names: { message: "expects 9 bytes of a 8-byte function" },
  },
  {
    rule: "expect-mismatch",
    title: "first expected byte changed",
    payload: EXPECTATIONS,
    mutate: (b) => xorSectionByte(b, ".livepatch.funcs", FUNC_OFFSET.expectData),
    names: {
      message:
        /^function entry 0 \(xen_extra_version\) expects b7[0-9a-f]* but xen_extra_version in .*xen-syms starts with 48/,
      location: { section: ".livepatch.funcs", entry: 0 },
    },
  },

  // Hooks, special sections and metadata.
  {
    rule: "hook-size",
    title: "a single hook of two pointers",
    payload: PREPOST,
    mutate: (b) => setSectionField(b, ".livepatch.hooks.preapply", "size", 16),
    names: {
      message: ".livepatch.hooks.preapply is 16 bytes; it must be exactly one 8-byte pointer",
      location: { section: ".livepatch.hooks.preapply" },
    },
  },
  {
    rule: "hook-size",
    title: "load hooks not a whole number of pointers",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".livepatch.hooks.load", "size", 20),
    names: {
      message: ".livepatch.hooks.load is 20 bytes; it must be a multiple of 8 bytes",
      location: { section: ".livepatch.hooks.load" },
    },
  },
  ...(
    [
      [".altinstructions", 42, 14],
      [".ex_table", 8, 8],
      [".bug_frames.2", 16, 8],
    ] as const
  ).map(([name, size, entry]): MutationCase => ({
    rule: "special-section-size",
    title: `${name} one byte longer`,
    payload: HELLO,
    mutate: (b) => {
      expect(sectionSize(b, name)).toBe(size);
      return setSectionField(b, name, "size", size + 1);
    },
    names: {
      message: `${name} is ${size + 1} bytes, not a multiple of its ${entry}-byte entries`,
      location: { section: name },
    },
  })),
  {
    rule: "altinstr-incomplete",
    title: ".altinstr_replacement renamed",
    payload: HELLO,
    mutate: (b) => renameSection(b, ".altinstr_replacement", "altinstr_replacement"),
    names: {
      message: ".altinstructions is present but .altinstr_replacement is missing",
      location: { section: ".altinstructions" },
    },
  },
  {
    rule: "modinfo-format",
    title: ".modinfo without its final NUL",
    payload: HELLO,
    mutate: (b) => setSectionField(b, ".modinfo", "size", sectionSize(b, ".modinfo") - 1),
    names: {
      message: ".modinfo (15 bytes) does not end with NUL",
      location: { section: ".modinfo" },
    },
  },
  {
    rule: "modinfo-entry",
    title: "LIVEPATCH_RULEZ split into two strings, neither key=value",
    payload: HELLO,
    mutate: (b) => writeSectionBytes(b, ".modinfo", "LIVEPATCH".length, "\0"),
    names: {
      message: '.modinfo string "RULEZ" is not key=value',
      location: { section: ".modinfo" },
    },
  },
];

describe("each rule on a real payload made defective in exactly that way", () => {
  for (const c of MUTATIONS) {
    ruleCase(c.rule, `${c.title} (${c.payload})`, () => {
      const bytes = original(c.payload);
      const mutated = c.mutate(bytes);
      expect(mutated).not.toEqual(bytes);
      expectGained(
        verify(c.payload, bytes, c.target),
        verify(c.payload, mutated, c.target),
        [c.rule, ...(c.also ?? [])],
        typeof c.names === "function" ? c.names(bytes) : c.names,
      );
    });
  }
});

describe("rules that need a file or a context", () => {
  ruleCase("elf-malformed", "truncated, cut, garbage and 32-bit files", async () => {
    const baseline = verify(HELLO, original(HELLO));
    const hello = original(HELLO);
    const shoff = parseElf(hello, "(lookup)").header.shoff;
    const broken: Array<[string, Uint8Array, string]> = [
      ["truncated.livepatch", truncate(hello, 40), "truncated: 40 bytes"],
      ["cut.livepatch", truncate(hello, shoff + 10), "section header table"],
      ["garbage.livepatch", new TextEncoder().encode("not an ELF object at all"), "no \\x7fELF"],
      ["elf32.livepatch", setHeaderField(hello, "class", 1), "not a 64-bit ELF file"],
    ];
    for (const [name, bytes, problem] of broken) {
      // Through verifyFile, as the CLI and the action read payloads.
      const path = join(scratch, name);
      await writeFile(path, bytes);
      const viaFile = await verifyFile(path, { xen, stack: [] });
      expect(viaFile).toEqual([expect.objectContaining({ ruleId: "elf-malformed", file: path })]);
      expectGained(baseline, viaFile, ["elf-malformed"], { message: problem });
      // And through malformedFindings, as verifyPayloadSet reports a file parseElf refuses.
      let error: unknown;
      try {
        parseElf(bytes, name);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ElfFormatError);
      const findings = malformedFindings(name, error as ElfFormatError);
      expect(findings.map((f) => f.ruleId)).toEqual(["elf-malformed"]);
      expect(findings[0]!.message).toContain(problem);
    }
  });

  ruleCase("payload-too-large", "the file padded past 2 MiB", async () => {
    const path = join(scratch, `${NOP}.livepatch`);
    await writeFile(path, padTo(original(NOP), LIVEPATCH_MAX_SIZE + 1));
    expectGained(
      verify(NOP, original(NOP)),
      await verifyFile(path, { xen, stack: [] }),
      ["payload-too-large"],
      {
        message: `${LIVEPATCH_MAX_SIZE + 1} bytes, over the hypervisor's limit of ${LIVEPATCH_MAX_SIZE}`,
      },
    );
  });

  ruleCase("payload-name", "a 130-character name, and an empty one", async () => {
    const long = `xen_nop_${"x".repeat(130 - "xen_nop_".length)}`;
    expect(long).toHaveLength(130);
    const baseline = verify(NOP, original(NOP));
    for (const [name, bytes] of [
      [long, 130],
      ["", 0],
    ] as const) {
      const path = join(scratch, `${name}.livepatch`);
      await writeFile(path, original(NOP));
      expectGained(baseline, await verifyFile(path, { xen, stack: [] }), ["payload-name"], {
        message: `payload name "${name}" is ${bytes} bytes; it must be 1 to 127`,
      });
    }
  });

  ruleCase("rodata-duplicate", "bye_world on hello_world, as built in-tree", () => {
    const findings = verify(BYE, original(BYE), { stack: [HELLO] });
    expectGained([], findings, ["rodata-duplicate"], {
      message:
        /^\.rodata\.bye_world_patch_this_fnc \[\d+\]: all 18 bytes are already carried by .*xen_hello_world\.livepatch \(\.rodata\.hello_world_patch_this_fnc\)$/,
      location: { section: ".rodata.bye_world_patch_this_fnc" },
    });
  });

  ruleCase("depends-mismatch", "bye_world on xen_nop instead of hello_world", () => {
    expectGained(
      verify(BYE, original(BYE), { stack: [HELLO] }),
      verify(BYE, original(BYE), { stack: [NOP] }),
      ["depends-mismatch"],
      {
        message:
          /^\.livepatch\.depends is [0-9a-f]{40} but the previous payload .*xen_nop\.livepatch has build-id/,
        location: { section: ".livepatch.depends" },
      },
    );
  });

  ruleCase("depends-mismatch", "bye_world straight on the hypervisor", () => {
    expectGained(
      verify(BYE, original(BYE), { stack: [HELLO] }),
      verify(BYE, original(BYE)),
      ["depends-mismatch"],
      { message: /but the base .*xen-syms has build-id [0-9a-f]{40} \(apply needs --nodeps\)/ },
    );
  });

  ruleCase("build-id-duplicate", "bye_world loaded again on top of itself", () => {
    expectGained(
      verify(BYE, original(BYE), { stack: [HELLO] }),
      verify(BYE, original(BYE), { stack: [BYE, HELLO] }),
      // The same payload twice also re-adds its own new symbols and re-carries its own data.
      ["build-id-duplicate", "symbol-duplicate", "rodata-duplicate"],
      { message: /is also the build-id of .*xen_bye_world\.livepatch/ },
    );
  });

  ruleCase("not-checked", "no xen-syms", () => {
    const findings = verify(HELLO, original(HELLO), { noXen: true });
    expectGained(verify(HELLO, original(HELLO)), findings, ["not-checked"], {
      message: "symbol resolution not checked: no xen-syms given (--xen-syms)",
    });
    const skipped = findings.filter((f) => f.ruleId === "not-checked").map((f) => f.message);
    for (const what of [".livepatch.xen_depends", ".livepatch.depends", "new symbol names"])
      expect(skipped).toContainEqual(expect.stringContaining(`${what} not checked`));
  });

  ruleCase("modinfo-entry", "hello_world's LIVEPATCH_RULEZ, as built in-tree", () => {
    expectGained([], verify(HELLO, original(HELLO)), ["modinfo-entry"], {
      message: '.modinfo string "LIVEPATCH_RULEZ" is not key=value',
      location: { section: ".modinfo" },
    });
  });

  ruleCase("section-missing", "xen_no_xen_buildid, as built in-tree", () => {
    const findings = verify("xen_no_xen_buildid", original("xen_no_xen_buildid"));
    expectGained([], findings, ["section-missing"], {
      message: "required section .livepatch.xen_depends is missing",
    });
  });

  ruleCase("expect-mismatch", "xen_expectations_fail, as built in-tree", () => {
    const findings = verify("xen_expectations_fail", original("xen_expectations_fail"));
    expectGained([], findings, ["expect-mismatch"], {
      message: /expects deadc0debabe but xen_extra_version in .*xen-syms starts with/,
      location: { section: ".livepatch.funcs", entry: 0 },
    });
  });
});

describe("expectations in a stack", () => {
  it("an expectation on a function an earlier payload already patches is flagged", () => {
    // xen_expectations expects xen_extra_version's original bytes; with hello_world applied
    // first, the hypervisor compares against hello_world's jump instead.
    const alone = verify(EXPECTATIONS, original(EXPECTATIONS));
    expect(alone.filter((f) => f.ruleId === "expect-mismatch")).toEqual([]);
    const stacked = verify(EXPECTATIONS, original(EXPECTATIONS), { stack: [HELLO] });
    const mismatch = stacked.filter((f) => f.ruleId === "expect-mismatch");
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toMatch(
      /xen_hello_world\.livepatch \(earlier in the stack\) already patches xen_extra_version/,
    );
  });
});

describe("coverage and the in-tree verdicts", () => {
  it("has a case for every rule id", () => {
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("finds no error in the in-tree payloads but the two built to fail", async () => {
    const result = await verifyPayloadSet({
      payloads: base.testPayloads,
      xenSyms: base.xenSyms,
      applied: [],
    });
    expect(result.payloads.map((p) => p.name).sort()).toEqual([...originals.keys()].sort());
    for (const report of result.payloads) {
      const errors = report.findings.filter((f) => f.severity === "error");
      if (report.name === "xen_no_xen_buildid") {
        expect(errors).toEqual([
          expect.objectContaining({
            ruleId: "section-missing",
            location: { section: ".livepatch.xen_depends" },
          }),
        ]);
      } else if (report.name === "xen_expectations_fail") {
        expect(errors).toEqual([expect.objectContaining({ ruleId: "expect-mismatch" })]);
      } else {
        expect(errors, report.name).toEqual([]);
      }
    }
    const bye = result.payloads.find((p) => p.name === BYE)!;
    expect(bye.stack).toEqual([pathOf(HELLO)]);
    expect(bye.findings.map((f) => f.ruleId)).toEqual(["rodata-duplicate"]);
  });
});
