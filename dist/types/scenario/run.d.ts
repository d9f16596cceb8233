import { type GuestAssets } from "../boot/guest-assets.js";
import { type Accel, type BootEnd, type BootOptions, type BootResult, type BootTimeouts } from "../boot/qemu.js";
import type { XenBase } from "../base/xen.js";
import type { Scenario } from "./format.js";
import { planScenario, type CommandRole, type PlannedStep } from "./plan.js";
export { checkConsole, checkList, checkOutput, parseListOutput, type ListedPayload, } from "./checks.js";
export { stepTranscripts, type Transcript } from "./transcript.js";
/** A planned command as it ran: undefined when it never began. */
export interface CommandRun {
    rc: number | null;
    /** Set when its output did not arrive whole (StepResult's `cut`): why. */
    cut?: string;
    output: string;
    xen: string[];
    durationMs: number;
}
export interface CommandOutcome {
    role: CommandRole;
    command: string;
    /** null when the boot ended while it ran; absent when it never began. */
    rc?: number | null;
    output: string;
    durationMs: number;
}
export type StepStatus = "passed" | "failed" | "not-run";
export interface StepOutcome {
    index: number;
    name: string;
    /** The step's line in the scenario file. */
    line: number;
    expect: "success" | "refused";
    status: StepStatus;
    /** Why it failed or did not run: what was expected and what happened. */
    message?: string;
    durationMs: number;
    /** The action, then its check and list commands, with their output. */
    commands: CommandOutcome[];
    /** Xen's console lines during the step, in order. */
    console: string[];
}
/** How the boot ended, for steps it cut short. */
export interface BootInterruption {
    /** The whole message (crash lines, timeout's last console lines). */
    message: string;
}
/** Judges one planned step from what its commands did (runs[i] for commands[i]). */
export declare function evaluateStep(planned: PlannedStep, runs: ReadonlyArray<CommandRun | undefined>, interruption?: BootInterruption): StepOutcome;
export interface ScenarioResult {
    scenario: string;
    file: string;
    /** Every step passed and the guest powered off. */
    ok: boolean;
    counts: {
        passed: number;
        failed: number;
        notRun: number;
    };
    steps: StepOutcome[];
    /** A problem of the boot itself that no step carries (dom0's setup, the power-off). */
    error?: string;
    boot: {
        accel: Accel;
        end: BootEnd["kind"];
        kvmFallback?: {
            reason: string;
            durationMs: number;
        };
        /** QEMU start to Xen's banner, to dom0 ready, to exit. */
        firstSignOfLifeMs?: number;
        dom0ReadyMs?: number;
        totalMs: number;
        consoleLog?: string;
        command: string[];
    };
    /** The scenario's steps from dom0 ready to the last step's end. */
    stepsMs: number;
}
/** Judges a whole boot: one outcome per scenario step. Pure: the boot result in, outcomes out. */
export declare function evaluateBoot(plan: ReturnType<typeof planScenario>, scenario: Scenario, boot: BootResult): ScenarioResult;
/**
 * Host paths of a scenario's payloads: each file as written in the scenario, relative to
 * `dir` (the scenario file's directory, or where the built payloads are).
 */
export declare function resolvePayloadFiles(scenario: Scenario, dir: string): Promise<Record<string, string>>;
export interface RunScenarioOptions {
    base: XenBase;
    scenario: Scenario;
    /** Payload name -> host file, for every payload the scenario declares. */
    payloadFiles: Readonly<Record<string, string>>;
    cacheDir: string;
    /** The boot's serial console goes here. */
    logFile?: string;
    timeouts?: Partial<BootTimeouts>;
    /**
     * QEMU settings; bootXen's defaults otherwise (accel auto), except one CPU: see
     * SCENARIO_CPUS.
     */
    boot?: Pick<BootOptions, "accel" | "memoryMb" | "cpus" | "xenCmdline" | "dom0Cmdline" | "qemu" | "onLine">;
    /** Already fetched dom0 pieces and tool (fetched or built into cacheDir otherwise). */
    assets?: GuestAssets;
    guestTool?: string;
}
/**
 * Scenario boots get one virtual CPU unless told otherwise. Under TCG on a 2-core host
 * that is shared with other work, two vCPUs made the self-test's steps take 5 to 49 s
 * (every apply and revert is a rendezvous of all CPUs in the hypervisor, and dom0's PV
 * page-table work stalls on the other vCPU's thread); one vCPU took 5.3 to 5.9 s.
 */
export declare const SCENARIO_CPUS = 1;
/** Boots once, runs every step of the scenario in dom0 and judges each. */
export declare function runScenario(opts: RunScenarioOptions): Promise<ScenarioResult>;
