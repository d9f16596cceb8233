/**
 * Runs a scenario in one boot of the real hypervisor and judges every step: the guest runs
 * the planned commands (plan.ts), and each step passes or fails with a message saying what
 * was expected and what happened. What a step saw is read back from the serial console
 * (transcript.ts); its action is judged by its kind (steps/), its expectations by checks.ts.
 */
import { constants as fsConstants } from "node:fs";
import { access, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { fetchGuestAssets, type GuestAssets } from "../boot/guest-assets.js";
import { guestInitramfs, newMarkerKey } from "../boot/init-script.js";
import { buildInitramfs, type InitramfsEntry } from "../boot/initramfs.js";
import {
  bootXen,
  type Accel,
  type BootEnd,
  type BootOptions,
  type BootResult,
  type BootTimeouts,
} from "../boot/qemu.js";
import { buildGuestTool } from "../base/guest-tool.js";
import type { XenBase } from "../base/xen.js";
import { ConfigurationError } from "../util/errors.js";
import { checkConsole, checkList, checkOutput } from "./checks.js";
import type { Scenario } from "./format.js";
import { excerpt, what } from "./messages.js";
import { GUEST_TOOL_PATH, planScenario, type CommandRole, type PlannedStep } from "./plan.js";
import { stepKind } from "./steps/index.js";
import { stepTranscripts } from "./transcript.js";

export {
  checkConsole,
  checkList,
  checkOutput,
  parseListOutput,
  type ListedPayload,
} from "./checks.js";
export { stepTranscripts, type Transcript } from "./transcript.js";

// --- judging a step --------------------------------------------------------------------

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
export function evaluateStep(
  planned: PlannedStep,
  runs: ReadonlyArray<CommandRun | undefined>,
  interruption?: BootInterruption,
): StepOutcome {
  const { step } = planned;
  const commands: CommandOutcome[] = planned.commands.map((c, i) => {
    const r = runs[i];
    return {
      role: c.role,
      command: c.command,
      ...(r ? { rc: r.rc } : {}),
      output: r?.output ?? "",
      durationMs: r?.durationMs ?? 0,
    };
  });
  const consoleLines = runs.flatMap((r) => r?.xen ?? []);
  const base = {
    index: step.index,
    name: step.name,
    line: step.line,
    expect: step.expect,
    durationMs: commands.reduce((sum, c) => sum + c.durationMs, 0),
    commands,
    console: consoleLines,
  };
  const failed = (message: string): StepOutcome => ({ ...base, status: "failed", message });

  const action = runs[0];
  if (!action) {
    const why = interruption
      ? `not run: the boot ended before this step (${interruption.message.split("\n")[0]})`
      : "not run: the guest never started this step";
    return { ...base, status: "not-run", message: why };
  }
  const cut = planned.commands.findIndex((_, i) => (runs[i]?.rc ?? null) === null);
  if (cut >= 0) {
    const c = planned.commands[cut]!;
    return failed(
      `${what(c.command)} did not finish: ${interruption?.message ?? "the boot ended while it ran"}`,
    );
  }

  // No check is judged on part of an output.
  const clipped = planned.commands.findIndex((_, i) => runs[i]?.cut);
  if (clipped >= 0) {
    const c = planned.commands[clipped]!;
    return failed(`${what(c.command)}: ${runs[clipped]!.cut}; its output was not checked`);
  }

  // From here on every command ran to its end.
  const done = runs as readonly CommandRun[];
  const actionCommand = planned.commands[0]!.command;
  const kind = stepKind(step.action);
  // The action as its kind judges it, then what any step may expect.
  const problems = kind.judge(step, action, actionCommand);

  let i = 1;
  let checked = { command: actionCommand, output: action.output };
  if (step.check !== undefined) {
    const run = done[i]!;
    const command = planned.commands[i]!.command;
    i++;
    if (run.rc !== 0) {
      problems.push(
        `the check ${what(command)} exited with status ${run.rc}; it printed${excerpt(run.output)}`,
      );
    }
    checked = { command, output: run.output };
  }
  if (step.output) problems.push(...checkOutput(step.output, checked.output, checked.command));

  const consoleProblem = checkConsole(step.console, consoleLines);
  if (consoleProblem) problems.push(consoleProblem);

  if (step.list !== undefined) {
    const listRun = kind.printsList ? action : done[i]!;
    if (listRun.rc !== 0) {
      problems.push(
        `xen-livepatch list exited with status ${listRun.rc}; it printed${excerpt(listRun.output)}`,
      );
    } else {
      problems.push(...checkList(step.list, listRun.output));
    }
  }

  return problems.length ? failed(problems.join("\n")) : { ...base, status: "passed" };
}

// --- the whole run ---------------------------------------------------------------------

export interface ScenarioResult {
  scenario: string;
  file: string;
  /** Every step passed and the guest powered off. */
  ok: boolean;
  counts: { passed: number; failed: number; notRun: number };
  steps: StepOutcome[];
  /** A problem of the boot itself that no step carries (dom0's setup, the power-off). */
  error?: string;
  boot: {
    accel: Accel;
    end: BootEnd["kind"];
    kvmFallback?: { reason: string; durationMs: number };
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
export function evaluateBoot(
  plan: ReturnType<typeof planScenario>,
  scenario: Scenario,
  boot: BootResult,
): ScenarioResult {
  const transcripts = stepTranscripts(boot.console, boot.markerKey);
  const byGuestStep = new Map(boot.steps.map((s) => [s.step, s]));
  const end = boot.end;
  const endMessage = end.kind === "poweroff" ? undefined : end.message;
  const interrupted = endMessage !== undefined;
  const interruption: BootInterruption | undefined =
    endMessage !== undefined ? { message: endMessage } : undefined;

  let error: string | undefined;
  if (!boot.setup || boot.setup.rc === null) {
    error = interrupted
      ? `The boot ended before dom0 was ready: ${endMessage}`
      : "dom0 never reported its setup";
  } else if (boot.setup.rc !== 0) {
    error = `dom0's setup (insmod, mount xenfs) failed with status ${boot.setup.rc}:\n${boot.setup.output}`;
  }

  const steps = plan.steps.map((planned) =>
    evaluateStep(
      planned,
      planned.commands.map((c): CommandRun | undefined => {
        const s = byGuestStep.get(c.guestStep + 1);
        if (!s) return undefined;
        const t = transcripts.get(c.guestStep + 1) ?? { guest: s.output, xen: [] };
        const cut = s.cut ? { cut: s.cut } : {};
        return { rc: s.rc, ...cut, output: t.guest, xen: t.xen, durationMs: s.durationMs };
      }),
      interruption ?? (error ? { message: error } : undefined),
    ),
  );
  // A boot that went wrong where no step was running (e.g. the power-off) is still a failure.
  if (!error && interrupted && !steps.some((s) => s.status === "failed")) {
    error = endMessage;
  }
  const counts = {
    passed: steps.filter((s) => s.status === "passed").length,
    failed: steps.filter((s) => s.status === "failed").length,
    notRun: steps.filter((s) => s.status === "not-run").length,
  };
  const lastEnd = boot.steps.reduce((sum, s) => sum + s.durationMs, 0);
  return {
    scenario: scenario.name,
    file: scenario.file,
    ok: !error && counts.failed === 0 && counts.notRun === 0 && boot.end.kind === "poweroff",
    counts,
    steps,
    ...(error ? { error } : {}),
    boot: {
      accel: boot.accel,
      end: boot.end.kind,
      ...(boot.kvmFallback ? { kvmFallback: boot.kvmFallback } : {}),
      ...(boot.durations.firstSignOfLifeMs !== undefined
        ? { firstSignOfLifeMs: boot.durations.firstSignOfLifeMs }
        : {}),
      ...(boot.durations.dom0ReadyMs !== undefined
        ? { dom0ReadyMs: boot.durations.dom0ReadyMs }
        : {}),
      totalMs: boot.durations.totalMs,
      ...(boot.consoleLog ? { consoleLog: boot.consoleLog } : {}),
      command: boot.command,
    },
    stepsMs: lastEnd,
  };
}

/**
 * Host paths of a scenario's payloads: each file as written in the scenario, relative to
 * `dir` (the scenario file's directory, or where the built payloads are).
 */
export async function resolvePayloadFiles(
  scenario: Scenario,
  dir: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const missing: string[] = [];
  for (const [name, p] of Object.entries(scenario.payloads)) {
    const path = isAbsolute(p.file) ? p.file : resolve(dir, p.file);
    try {
      await access(path, fsConstants.R_OK);
      out[name] = path;
    } catch {
      missing.push(`${scenario.file}:${p.line}: payload "${name}": no readable file ${path}`);
    }
  }
  if (missing.length) throw new ConfigurationError("scenario", missing.join("\n"));
  return out;
}

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
  boot?: Pick<
    BootOptions,
    "accel" | "memoryMb" | "cpus" | "xenCmdline" | "dom0Cmdline" | "qemu" | "onLine"
  >;
  /** Already fetched dom0 pieces and tool (fetched or built into cacheDir otherwise). */
  assets?: GuestAssets;
  guestTool?: string;
}

/**
 * Refuses a payload file that is not an ELF file, whatever fail-on lets through: what goes
 * into the guest is the scenario's to print, so a scenario naming `../secret` or a
 * checkout's `.git/config` as a payload would copy it into the logs (docs/security.md).
 * Malformed ELF files stay allowed: the agreement tests boot them for Xen's verdict.
 */
async function onlyElfPayloads(
  scenario: Scenario,
  files: Readonly<Record<string, string>>,
): Promise<void> {
  const wrong: string[] = [];
  for (const [name, file] of Object.entries(files)) {
    const head = Buffer.alloc(4);
    await open(file)
      .then((h) => h.read(head, 0, 4, 0).finally(() => h.close()))
      .catch(() => head.fill(0));
    if (!head.equals(Buffer.from("\x7fELF", "latin1"))) {
      const line = scenario.payloads[name]?.line;
      wrong.push(
        `${scenario.file}${line ? `:${line}` : ""}: payload "${name}": ${file} is not an ELF file (a livepatch payload is one); only payloads are copied into the guest`,
      );
    }
  }
  if (wrong.length) throw new ConfigurationError("scenario", wrong.join("\n"));
}

/**
 * Scenario boots get one virtual CPU unless told otherwise. Under TCG on a 2-core host
 * that is shared with other work, two vCPUs made the self-test's steps take 5 to 49 s
 * (every apply and revert is a rendezvous of all CPUs in the hypervisor, and dom0's PV
 * page-table work stalls on the other vCPU's thread); one vCPU took 5.3 to 5.9 s.
 */
export const SCENARIO_CPUS = 1;

/** Boots once, runs every step of the scenario in dom0 and judges each. */
export async function runScenario(opts: RunScenarioOptions): Promise<ScenarioResult> {
  const { scenario } = opts;
  const unknown = Object.keys(scenario.payloads).filter((n) => !opts.payloadFiles[n]);
  if (unknown.length) {
    throw new ConfigurationError(
      "scenario",
      unknown
        .map(
          (n) => `${scenario.file}:${scenario.payloads[n]!.line}: no file given for payload "${n}"`,
        )
        .join("\n"),
    );
  }
  await onlyElfPayloads(scenario, opts.payloadFiles);
  const plan = planScenario(scenario);
  const assets = opts.assets ?? (await fetchGuestAssets({ cacheDir: opts.cacheDir }));
  const tool =
    opts.guestTool ?? (await buildGuestTool({ base: opts.base, cacheDir: opts.cacheDir })).path;

  const extra: InitramfsEntry[] = [
    { type: "file", path: GUEST_TOOL_PATH.slice(1), mode: 0o755, source: tool },
    ...Object.entries(plan.guestPayloads).map(([name, guestPath]): InitramfsEntry => ({
      type: "file",
      path: guestPath.slice(1),
      source: opts.payloadFiles[name]!,
    })),
  ];
  const work = await mkdtemp(join(tmpdir(), "xlci-scenario-"));
  // A new one each boot: no step can end itself with a marker (docs/security.md).
  const markerKey = newMarkerKey();
  try {
    const initrd = join(work, "initrd.cpio.gz");
    await buildInitramfs(
      guestInitramfs({
        busybox: assets.busybox,
        modules: assets.modules,
        steps: plan.guestSteps,
        extra,
        markerKey,
      }),
      initrd,
    );
    const boot = await bootXen({
      cpus: SCENARIO_CPUS,
      ...opts.boot,
      xenImage: opts.base.xenImage,
      kernel: assets.kernel,
      initrd,
      steps: plan.guestSteps,
      markerKey,
      ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
      ...(opts.logFile ? { consoleLog: opts.logFile } : {}),
    });
    return evaluateBoot(plan, scenario, boot);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
