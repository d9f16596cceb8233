/**
 * A scenario as the guest runs it: the exact shell commands, one guest step each, for the
 * dom0 /init (see boot/init-script.ts). Pure, so tests check the command lines directly.
 *
 * Each scenario step becomes its action's command, then its `check` command if it has
 * one, then `xen-livepatch list` if it expects something of the list. The tool's
 * subcommands, as the real one in the guest prints them (Xen 4.17):
 *
 *     xen-livepatch upload NAME FILE   Uploading FILE... completed            (exit 0)
 *     xen-livepatch apply NAME         Applying NAME... completed
 *     xen-livepatch apply NAME --nodeps
 *     xen-livepatch revert NAME        Reverting NAME... completed
 *     xen-livepatch replace NAME       Replacing all live patches with NAME... completed
 *     xen-livepatch unload NAME        Unloading NAME... completed
 *     xen-livepatch list               a table: ID | status | metadata, or "Nothing to list"
 *
 * A refusal prints `failed` and `Error N: <strerror>` (exit 1, or 2 for EBUSY/EAGAIN);
 * a refusal by the tool itself (wrong state) prints "NAME is in the wrong state." (exit 1);
 * an action already done prints "No action needed." (exit 0). `load FILE` is upload and
 * apply under the file's base name; scenarios spell the two steps out instead.
 */
import type { Scenario, ScenarioStep } from "./format.js";
export { LIST_COMMAND } from "./steps/list.js";
export { GUEST_PAYLOAD_DIR, guestPayloadPath } from "./steps/payload.js";
/** Where the static tool goes in the guest (on the init script's PATH). */
export declare const GUEST_TOOL_PATH = "/usr/sbin/xen-livepatch";
export type CommandRole = "action" | "check" | "list";
export interface PlannedCommand {
    role: CommandRole;
    command: string;
    /** 0-based index into ScenarioPlan.guestSteps. */
    guestStep: number;
}
export interface PlannedStep {
    step: ScenarioStep;
    commands: PlannedCommand[];
}
export interface ScenarioPlan {
    /** The commands for bootXen's `steps`, in order. */
    guestSteps: string[];
    steps: PlannedStep[];
    /** Payload name -> its path inside the guest, for every payload the scenario declares. */
    guestPayloads: Record<string, string>;
}
/** The command of a step's action, as its kind (steps/) says. */
export declare function actionCommand(step: ScenarioStep): string;
export declare function planScenario(scenario: Scenario): ScenarioPlan;
