/**
 * The defects that prove the verifier's rules, shared by the test that checks the
 * verifier's findings (test/integration/rules.test.ts) and the test that loads the same
 * defects into the real hypervisor (test/integration/agreement.test.ts): one module per
 * step of the verifier (src/verify/steps/), so a check and its proofs are found together.
 *
 * Each defect starts from one of Xen's in-tree test payloads (built by `make -C xen
 * tests`) and either breaks it in exactly one way or puts it in a context (the payloads
 * applied before it, the name it is loaded under) that is wrong in exactly one way. It
 * says which rule it proves, what that rule's finding must name, and, where the boot
 * cannot load it the way the verifier sees it, how the boot loads it or why it cannot.
 * A step's defects are grouped by how the rules test verifies them (StepDefects).
 */
import { ELF_LOAD } from "./elf-load.js";
import { SYMBOLS } from "./symbols.js";
import { RELOCATIONS } from "./relocations.js";
import { PLACEMENT } from "./placement.js";
import { LIVEPATCH_SECTIONS } from "./livepatch-sections.js";
import { BUILD_IDS } from "./build-ids.js";
import { FUNCS } from "./funcs.js";
import { HOOKS } from "./hooks.js";
import { SPECIAL_SECTIONS } from "./special-sections.js";
import { ALTERNATIVES } from "./alternatives.js";
import { ALTERNATIVES_PLACED } from "./alternatives-placed.js";
import { EX_TABLE } from "./ex-table.js";
import { BUG_FRAMES } from "./bug-frames.js";
import { MODINFO } from "./modinfo.js";
import { SYMBOL_TABLE } from "./symbol-table.js";
import { RODATA_REFERENCES } from "./rodata-references.js";
import { RODATA_DUPLICATES } from "./rodata-duplicates.js";
import { KIND_DEFECTS } from "./runtime-hazards.js";
import { NOT_CHECKED } from "./not-checked.js";
import type { Defect, StepDefects } from "./shared.js";

export * from "./shared.js";
export { NOT_CHECKED } from "./not-checked.js";

/** Each step's defects, in the verifier's order of steps. */
const BY_STEP: readonly StepDefects[] = [
  ELF_LOAD,
  SYMBOLS,
  RELOCATIONS,
  PLACEMENT,
  LIVEPATCH_SECTIONS,
  BUILD_IDS,
  FUNCS,
  HOOKS,
  SPECIAL_SECTIONS,
  ALTERNATIVES,
  ALTERNATIVES_PLACED,
  EX_TABLE,
  BUG_FRAMES,
  MODINFO,
  SYMBOL_TABLE,
  RODATA_REFERENCES,
  RODATA_DUPLICATES,
];

const group = (name: keyof StepDefects): readonly Defect[] => BY_STEP.flatMap((s) => s[name] ?? []);

/** Defects made by changing the payload's bytes; verified in the same context as the unbroken payload. */
export const MUTATIONS = group("MUTATIONS");
/** Files that are not ELF objects the hypervisor can read (each verified from its file). */
export const MALFORMED = group("MALFORMED");
/** Defects of the file name, or of the context a payload is loaded in, and payloads defective as built. */
export const IN_CONTEXT = group("IN_CONTEXT");
/**  What a patch overwrites, as instructions of xen-syms (decoded with iced-x86). The ones made from xen_nop are compared with no findings at all (baseline "none"): xen_nop as built is one of them.  */
export const INSTRUCTIONS = group("INSTRUCTIONS");
/**  Values as the loader computes them: sections placed in the livepatch area, relocations applied, and only then old_addr, new_addr and the name pointer read. Each changes what a relocation computes (its symbol, addend or type), not the bytes of a field.  */
export const LOADED_VALUES = group("LOADED_VALUES");
/**  Special-section entries pointing outside the sections the loader requires of them, once relocated: made by changing the symbol or addend of the relocation that fills them.  */
export const SPECIAL_ENTRIES = group("SPECIAL_ENTRIES");
/** What a host with CET-IBT does that QEMU's CPU does not. */
export const HOST_ONLY = group("HOST_ONLY");
/** Expectations of code Xen rewrites at boot, according to the CPU. */
export const BOOT_REWRITTEN = group("BOOT_REWRITTEN");
/** Offsets into string tables and sections, and reserved fields. */
export const TABLE_REFERENCES = group("TABLE_REFERENCES");

/** Every defect. */
export const DEFECTS: readonly Defect[] = [
  ...MUTATIONS,
  ...MALFORMED,
  ...IN_CONTEXT,
  ...INSTRUCTIONS,
  ...LOADED_VALUES,
  ...SPECIAL_ENTRIES,
  ...TABLE_REFERENCES,
  ...HOST_ONLY,
  ...BOOT_REWRITTEN,
  NOT_CHECKED,
  ...KIND_DEFECTS,
];
