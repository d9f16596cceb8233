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
import type { StepContext, VerifierStep } from "./context.js";
export { FindingList, StepContext, type VerifierStep, type VerifyTarget } from "./context.js";
/** The table of contents: every step of the verifier, in the order it runs. */
export declare const STEPS: readonly VerifierStep[];
/** What became of one step of one payload's verification. */
export type StepOutcome = {
    readonly step: string;
    readonly status: "passed";
}
/** It ran, and a finding of one of its `breaks` rules means its output is unusable. */
 | {
    readonly step: string;
    readonly status: "failed";
    readonly rules: readonly RuleId[];
}
/** Not run: a step it needs failed or was not run itself. */
 | {
    readonly step: string;
    readonly status: "not-run";
    readonly because: string;
};
/**
 * Runs `steps` in order on one payload. A step whose `needs` include a step that failed
 * or did not run is not run (its outcome names the first such step).
 */
export declare function runSteps(steps: readonly VerifierStep[], ctx: StepContext): StepOutcome[];
/** The loader step of each rule, from the steps' declarations (loader-order.ts). */
export declare const RULE_LOADER_STEP: ReadonlyMap<RuleId, LoaderStep>;
/** The step that owns each rule. */
export declare const RULE_OWNER: ReadonlyMap<RuleId, string>;
