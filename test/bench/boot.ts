// Benchmark (not a test): how long the real Xen takes to boot with a Debian dom0 in QEMU,
// run three short commands and power off; TCG, and KVM where it is usable.
// Run with `npm run bench -- boot [runs]` (default 3 runs after one warm-up).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchGuestAssets } from "../../src/boot/guest-assets.js";
import { guestInitramfs } from "../../src/boot/init-script.js";
import { buildInitramfs } from "../../src/boot/initramfs.js";
import { bootXen, kvmUsable, type Accel, type BootResult } from "../../src/boot/qemu.js";
import { getXenBase, integrationCacheDir } from "../integration/xen-base.js";
import { report, type Timing } from "./measure.js";

const runs = Number(process.argv[3] ?? 3);
const steps = [
  "cat /sys/hypervisor/version/extra",
  "ls /proc/xen",
  "cat /sys/hypervisor/properties/capabilities",
];

const base = await getXenBase();
const assets = await fetchGuestAssets({ cacheDir: integrationCacheDir() });
const work = mkdtempSync(join(tmpdir(), "xlci-bench-boot-"));
const initrd = join(work, "initrd.cpio.gz");
await buildInitramfs(
  guestInitramfs({ busybox: assets.busybox, modules: assets.modules, steps }),
  initrd,
);

function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    min: sorted[0]!,
    median: sorted[Math.floor(sorted.length / 2)]!,
    max: sorted.at(-1)!,
  };
}

/** One warm-up boot, then `runs` timed ones; undefined (with the reason printed) if a boot fails. */
async function bench(accel: Accel): Promise<Array<[string, Timing]> | undefined> {
  const results: BootResult[] = [];
  for (let i = 0; i <= runs; i++) {
    const r = await bootXen({
      xenImage: base.xenImage,
      kernel: assets.kernel,
      initrd,
      steps,
      accel,
      consoleLog: join(work, `${accel}-${i}.log`),
    });
    if (!r.ok) {
      const why = r.end.kind === "poweroff" ? "a step failed" : r.end.message.split("\n")[0];
      console.log(`${accel.toUpperCase()}: the boot failed (${why}); console: ${r.consoleLog}`);
      return undefined;
    }
    if (i > 0) results.push(r);
  }
  const label = accel.toUpperCase();
  return [
    [
      `${label}: QEMU start to Xen's banner`,
      timing(results.map((r) => r.durations.firstSignOfLifeMs!)),
    ],
    [
      `${label}: QEMU start to dom0 ready (/proc/xen mounted)`,
      timing(results.map((r) => r.durations.dom0ReadyMs!)),
    ],
    [
      `${label}: boot to power-off (3 steps), QEMU start to exit`,
      timing(results.map((r) => r.durations.totalMs)),
    ],
  ];
}

const rows: Array<[string, Timing]> = [];
rows.push(...((await bench("tcg")) ?? []));
if (await kvmUsable()) rows.push(...((await bench("kvm")) ?? []));
else console.log("KVM: /dev/kvm is not usable here; TCG only.");
if (rows.length) report(rows);
