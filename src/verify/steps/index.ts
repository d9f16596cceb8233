/**
 * The verifier's steps, in the order Xen's loader meets a payload (xen/common/livepatch.c
 * load_payload_data(): livepatch_elf_load(), check_xen_buildid() where the version has it
 * early, move_payload(), livepatch_elf_resolve_symbols(), livepatch_elf_perform_relocs(),
 * check_special_sections(), check_patching_sections(), prepare_payload() (funcs, hooks,
 * build-ids, bug frames, alternatives, alt calls, ex_table, modinfo), build_symbol_table()),
 * with the checks no loader makes beside the loader step they follow, and the history
 * lints last. The report lists findings in this order.
 *
 * Two places differ from the loader, so that the report's order stays what it has always
 * been: the build-id notes are read before `.livepatch.funcs` (prepare_payload() reads them
 * after the hooks), and the bug frames' locations are checked after the alternatives (Xen
 * takes the frames first, but never checks them). Which defect the loader stops at is
 * loader-order.ts's, by the loader step each rule declares here, not by this order.
 */
import type { RuleId } from "../rules.js";
import type { LoaderStep } from "../../xen/loader-version.js";
import { ALT_CALLS } from "./alt-calls.js";
import { ALTERNATIVES } from "./alternatives.js";
import { ALTERNATIVES_PLACED } from "./alternatives-placed.js";
import { BUG_FRAMES } from "./bug-frames.js";
import { BUILD_IDS } from "./build-ids.js";
import type { StepContext, VerifierStep } from "./context.js";
import { ELF_LOAD } from "./elf-load.js";
import { EX_TABLE } from "./ex-table.js";
import { FUNCS } from "./funcs.js";
import { HOOKS } from "./hooks.js";
import { LIVEPATCH_SECTIONS } from "./livepatch-sections.js";
import { MODINFO } from "./modinfo.js";
import { NOT_CHECKED } from "./not-checked.js";
import { PLACEMENT } from "./placement.js";
import { RELOCATIONS } from "./relocations.js";
import { RODATA_DUPLICATES } from "./rodata-duplicates.js";
import { RODATA_REFERENCES } from "./rodata-references.js";
import { RUNTIME_HAZARDS } from "./runtime-hazards.js";
import { SPECIAL_SECTIONS } from "./special-sections.js";
import { SYMBOL_TABLE } from "./symbol-table.js";
import { SYMBOLS } from "./symbols.js";

export { FindingList, StepContext, type VerifierStep, type VerifyTarget } from "./context.js";

/** The table of contents: every step of the verifier, in the order it runs. */
export const STEPS: readonly VerifierStep[] = [
  ELF_LOAD, // livepatch_elf_load(): header and sections
  SYMBOLS, // livepatch_elf_load() .symtab, livepatch_elf_resolve_symbols()
  RELOCATIONS, // livepatch_elf_perform_relocs()
  PLACEMENT, // move_payload() and the relocated values
  LIVEPATCH_SECTIONS, // check_special_sections(), check_patching_sections()
  BUILD_IDS, // prepare_payload() notes, xen_build_id_dep(), build_id_dep()
  FUNCS, // prepare_payload() .livepatch.funcs, and what each patch overwrites
  HOOKS, // prepare_payload() hooks
  SPECIAL_SECTIONS, // prepare_payload() special sections' entry sizes
  ALTERNATIVES, // prepare_payload() .altinstructions, _apply_alternatives()
  ALTERNATIVES_PLACED, // .altinstructions ranges as relocated
  ALT_CALLS, // .alt_call_sites as relocated (4.21)
  EX_TABLE, // beyond the loader: .ex_table as relocated
  BUG_FRAMES, // beyond the loader: .bug_frames.* as relocated
  MODINFO, // prepare_payload() .modinfo
  SYMBOL_TABLE, // build_symbol_table()
  RODATA_REFERENCES, // lint: livepatch-build-tools 854a7ca60e35
  RODATA_DUPLICATES, // lint: livepatch-build-tools dabc4e9fa87c
  RUNTIME_HAZARDS, // beyond the loader: read-only stores, per-CPU data, old_size
  NOT_CHECKED, // what could not be checked
];

/** What became of one step of one payload's verification. */
export type StepOutcome =
  | { readonly step: string; readonly status: "passed" }
  /** It ran, and a finding of one of its `breaks` rules means its output is unusable. */
  | { readonly step: string; readonly status: "failed"; readonly rules: readonly RuleId[] }
  /** Not run: a step it needs failed or was not run itself. */
  | { readonly step: string; readonly status: "not-run"; readonly because: string };

/**
 * Runs `steps` in order on one payload. A step whose `needs` include a step that failed
 * or did not run is not run (its outcome names the first such step).
 */
export function runSteps(steps: readonly VerifierStep[], ctx: StepContext): StepOutcome[] {
  const outcomes: StepOutcome[] = [];
  const usable = new Set<string>();
  for (const step of steps) {
    const missing = (step.needs ?? []).find((n) => !usable.has(n));
    if (missing !== undefined) {
      outcomes.push({ step: step.name, status: "not-run", because: missing });
      continue;
    }
    step.run(ctx);
    const broken = (step.breaks ?? []).filter((r) => ctx.out.has(r));
    if (broken.length > 0) outcomes.push({ step: step.name, status: "failed", rules: broken });
    else {
      usable.add(step.name);
      outcomes.push({ step: step.name, status: "passed" });
    }
  }
  return outcomes;
}

/** The loader step of each rule, from the steps' declarations (loader-order.ts). */
export const RULE_LOADER_STEP: ReadonlyMap<RuleId, LoaderStep> = new Map(
  STEPS.flatMap((s) => Object.entries(s.rules)),
);

/** The step that owns each rule. */
export const RULE_OWNER: ReadonlyMap<RuleId, string> = new Map(
  STEPS.flatMap((s) => Object.keys(s.rules).map((id) => [id, s.name] as const)),
);
