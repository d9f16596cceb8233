// Benchmark (not a test): the built-in self-test scenario on the real Xen in one boot, in
// software emulation (TCG): the boot to dom0 ready, the steps, and the whole run.
// Run with `npm run bench -- scenario [runs]` (default 3 runs after one warm-up).
// Target: the whole self-test within 20 s on a 2-core machine without KVM.
// Beside each self-test run, a bare boot of the same image and machine (Xen and dom0 to a shell, one
// trivial step, power off; its initramfs built in the timing as the self-test's is), and
// the benchmark ends with `ratio self-test-boot X`: the self-test's median wall time over
// the bare boot's (issue 20).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchGuestAssets } from "../../src/boot/guest-assets.js";
import { buildGuestTool } from "../../src/base/guest-tool.js";
import { guestInitramfs } from "../../src/boot/init-script.js";
import { buildInitramfs } from "../../src/boot/initramfs.js";
import { bootXen } from "../../src/boot/qemu.js";
import { selfTestScenario } from "../../src/scenario/builtin.js";
import { planScenario } from "../../src/scenario/plan.js";
import {
  SCENARIO_CPUS,
  type ScenarioResult,
  resolvePayloadFiles,
  runScenario,
} from "../../src/scenario/run.js";
import { getXenBase, integrationCacheDir } from "../integration/xen-base.js";
import { report, type Timing } from "./measure.js";

const TARGET_MS = 20_000;
const runs = Number(process.argv[3] ?? 3);

const base = await getXenBase();
const cacheDir = integrationCacheDir();
const assets = await fetchGuestAssets({ cacheDir });
const tool = (await buildGuestTool({ base, cacheDir })).path;
const scenario = selfTestScenario();
const payloadFiles = await resolvePayloadFiles(scenario, base.testPayloadDir);
const work = mkdtempSync(join(tmpdir(), "xlci-bench-scenario-"));

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    min: sorted[0]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    max: sorted.at(-1)!,
  };
}

/** Milliseconds of a bare boot: its initramfs built, QEMU start to power-off. */
async function bareBoot(i: number): Promise<number> {
  const start = performance.now();
  const steps = ["true"];
  const initrd = join(work, `bare-${i}.cpio.gz`);
  await buildInitramfs(
    guestInitramfs({ busybox: assets.busybox, modules: assets.modules, steps }),
    initrd,
  );
  const r = await bootXen({
    xenImage: base.xenImage,
    kernel: assets.kernel,
    initrd,
    steps,
    accel: "tcg",
    cpus: SCENARIO_CPUS,
    consoleLog: join(work, `bare-${i}.log`),
  });
  if (!r.ok) {
    console.log(`The bare boot failed; console: ${r.consoleLog}`);
    process.exit(1);
  }
  return performance.now() - start;
}

const results: Array<{ r: ScenarioResult; wallMs: number }> = [];
const bare: number[] = [];
for (let i = 0; i <= runs; i++) {
  const start = performance.now();
  const r = await runScenario({
    base,
    scenario,
    payloadFiles,
    cacheDir,
    logFile: join(work, `self-test-${i}.console`),
    assets,
    guestTool: tool,
    boot: { accel: "tcg" },
  });
  const wallMs = performance.now() - start;
  if (!r.ok) {
    const bad = r.steps.find((s) => s.status !== "passed");
    console.log(
      `The self-test did not pass (${r.error ?? `${bad?.index} ${bad?.name}: ${bad?.message}`}); console: ${r.boot.consoleLog}`,
    );
    process.exit(1);
  }
  if (i > 0) results.push({ r, wallMs });
  if (i > 0) bare.push(await bareBoot(i));
}

const guestCommands = planScenario(scenario).guestSteps.length;
const whole = timing(results.map((x) => x.wallMs));
report([
  ["TCG: QEMU start to dom0 ready (boot)", timing(results.map((x) => x.r.boot.dom0ReadyMs!))],
  [
    `TCG: the self-test's ${scenario.steps.length} steps (${guestCommands} guest commands)`,
    timing(results.map((x) => x.r.stepsMs)),
  ],
  ["TCG: whole self-test, QEMU start to exit", timing(results.map((x) => x.r.boot.totalMs))],
  ["TCG: whole self-test, with the initramfs and judging", whole],
  ["TCG: bare boot (one step), with the initramfs", timing(bare)],
]);
console.log(
  `target: whole self-test in one boot within ${TARGET_MS / 1000} s: median ${(whole.median / 1000).toFixed(1)} s, ` +
    (whole.median <= TARGET_MS ? "met" : "MISSED"),
);
console.log(`ratio self-test-boot ${(whole.median / timing(bare).median).toFixed(2)}`);
