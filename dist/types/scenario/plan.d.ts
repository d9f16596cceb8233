import type { Scenario, ScenarioStep } from "./format.js";
/** Where the static tool goes in the guest (on the init script's PATH). */
export declare const GUEST_TOOL_PATH = "/usr/sbin/xen-livepatch";
/** Where payload NAME goes in the guest: /payloads/NAME.livepatch. */
export declare const GUEST_PAYLOAD_DIR = "/payloads";
export declare const LIST_COMMAND = "xen-livepatch list";
export declare function guestPayloadPath(name: string): string;
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
/** The command of a step's action. Payload names need no quoting (format.ts allows safe characters only). */
export declare function actionCommand(step: ScenarioStep): string;
export declare function planScenario(scenario: Scenario): ScenarioPlan;
