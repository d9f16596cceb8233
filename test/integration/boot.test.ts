// Boots the real Xen 4.17.5 (built from Debian's source) with Debian's kernel as a PV dom0
// in QEMU, runs commands in dom0 and checks what the hypervisor really reports.
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fetchGuestAssets, type GuestAssets } from "../../src/boot/guest-assets.js";
import { guestInitramfs } from "../../src/boot/init-script.js";
import { buildInitramfs } from "../../src/boot/initramfs.js";
import { bootXen, kvmUsable, type BootOptions, type BootResult } from "../../src/boot/qemu.js";
import type { XenBase } from "../../src/base/xen.js";
import { getXenBase, integrationCacheDir } from "./xen-base.js";

const work = mkdtempSync(join(tmpdir(), "xlci-boot-"));
let base: XenBase;
let assets: GuestAssets;

beforeAll(async () => {
  base = await getXenBase();
  assets = await fetchGuestAssets({
    cacheDir: integrationCacheDir(),
    logFile: join(work, "guest-assets.log"),
  });
});

/** Builds an initramfs running `steps` and boots it; the console goes to `<work>/<name>.log`. */
async function boot(
  name: string,
  steps: string[],
  extra: Partial<BootOptions> = {},
): Promise<BootResult> {
  const initrd = join(work, `${name}.cpio.gz`);
  await buildInitramfs(
    guestInitramfs({ busybox: assets.busybox, modules: assets.modules, steps }),
    initrd,
  );
  return bootXen({
    xenImage: base.xenImage,
    kernel: assets.kernel,
    initrd,
    steps,
    consoleLog: join(work, `${name}.log`),
    ...extra,
  });
}

function processGone(pid: number | undefined): boolean {
  expect(pid).toBeTypeOf("number");
  try {
    process.kill(pid!, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ESRCH";
  }
}

describe("booting Xen with a Debian dom0", () => {
  it("has the guest pieces: a kernel, busybox and the xenfs modules in load order", () => {
    expect(existsSync(assets.kernel)).toBe(true);
    expect(existsSync(assets.busybox)).toBe(true);
    expect(assets.modules.map((m) => m.split("/").pop())).toEqual(["xen-privcmd.ko", "xenfs.ko"]);
    expect(assets.kernelVersion).toMatch(/^\d+\.\d+\.\d+-\d+-amd64$/);
  });

  it("runs the steps in dom0 and powers off", async () => {
    const r = await boot("hello", [
      "cat /sys/hypervisor/version/extra",
      "ls /proc/xen",
      "cat /sys/hypervisor/properties/capabilities",
    ]);
    expect(r.end, r.end.kind === "poweroff" ? "" : r.end.message).toEqual({ kind: "poweroff" });
    expect(r.ok).toBe(true);
    expect(r.setup?.rc).toBe(0);
    expect(r.steps.map((s) => s.rc)).toEqual([0, 0, 0]);

    // The version's extra part is what the banner shows after major.minor.
    const banner = r.console.find((l) => l.includes("(XEN) Xen version"))!;
    const [, , extra] = /Xen version (\d+\.\d+)(\S*) /.exec(banner)!;
    expect(banner).toContain("Xen version 4.17.5 ");
    expect(r.steps[0]!.output).toBe(`${extra}\n`);
    expect(r.steps[0]!.command).toBe("cat /sys/hypervisor/version/extra");

    // xenfs: privcmd, xenbus and the rest; xensyms because this Xen has livepatch support.
    expect(r.steps[1]!.output.trim().split("\n")).toEqual([
      "capabilities",
      "privcmd",
      "xenbus",
      "xensyms",
      "xsd_kva",
      "xsd_port",
    ]);

    // A 64-bit PV hypervisor; HVM guests only where the virtual CPU has SVM (TCG's qemu64,+svm).
    const caps = r.steps[2]!.output.trim().split(" ");
    expect(caps[0]).toBe("xen-3.0-x86_64");
    if (r.accel === "tcg") expect(caps).toContain("hvm-3.0-x86_64");

    expect(r.durations.firstSignOfLifeMs).toBeLessThan(r.durations.dom0ReadyMs!);
    expect(r.durations.dom0ReadyMs).toBeLessThan(r.durations.totalMs);
    expect(readFileSync(r.consoleLog!, "utf8")).toContain("(XEN) Xen version 4.17.5");
    expect(processGone(r.pid)).toBe(true);

    // Under accel auto a failed KVM attempt is reported, never silent.
    if ((await kvmUsable()) && r.accel === "tcg") {
      expect(r.kvmFallback?.reason).toMatch(/\S/);
      console.log(`KVM fell back to TCG: ${r.kvmFallback?.reason}`);
    }
  }, 300_000);

  it("stops a step that never ends at the step timeout, with the console's last lines, and QEMU gone", async () => {
    const r = await boot("hang", ["echo about to hang; sleep 100000", "echo never"], {
      accel: "tcg",
      timeouts: { step: 4_000 },
    });
    expect(r.ok).toBe(false);
    expect(r.end.kind).toBe("timeout");
    if (r.end.kind !== "timeout") return;
    expect(r.end.phase).toBe("step 1 (echo about to hang; sleep 100000)");
    expect(r.end.message).toMatch(
      /^Boot timed out in step 1 \(echo about to hang; sleep 100000\): no progress within 4 s \(tcg\)\.\n--- last 20 console lines ---\n/,
    );
    expect(r.end.message).toContain("about to hang");
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ rc: null, output: "about to hang\n" });
    expect(processGone(r.pid)).toBe(true);
  }, 300_000);

  it("reports a dom0 crash with the lines around it", async () => {
    const r = await boot("dom0-crash", ["echo c > /proc/sysrq-trigger"], { accel: "tcg" });
    expect(r.end.kind).toBe("dom0-crash");
    if (r.end.kind !== "dom0-crash") return;
    expect(r.end.message).toMatch(/^dom0 crashed during step 1 \(echo c > \/proc\/sysrq-trigger\)/);
    expect(r.end.lines.join("\n")).toContain("Kernel panic - not syncing: sysrq triggered crash");
    // Xen's own notice ends the report (with noreboot it then waits forever).
    expect(r.end.lines.at(-1)).toBe("(XEN) Hardware Dom0 crashed: 'noreboot' set - not rebooting.");
    expect(processGone(r.pid)).toBe(true);
  }, 300_000);

  it("reports a hypervisor panic (a dom0 kernel Xen cannot load)", async () => {
    // The initramfs given as dom0's kernel: Xen panics while building dom0.
    const initrd = join(work, "panic.cpio.gz");
    await buildInitramfs(
      guestInitramfs({ busybox: assets.busybox, modules: assets.modules, steps: [] }),
      initrd,
    );
    const r = await bootXen({
      xenImage: base.xenImage,
      kernel: initrd,
      initrd,
      accel: "tcg",
      consoleLog: join(work, "panic.log"),
    });
    expect(r.end.kind).toBe("hypervisor-panic");
    if (r.end.kind !== "hypervisor-panic") return;
    expect(r.end.message).toMatch(/^The hypervisor panicked \("Panic on CPU 0", tcg\):/);
    expect(r.end.lines.join("\n")).toContain("Could not construct domain 0");
    expect(r.setup).toBeUndefined();
    expect(processGone(r.pid)).toBe(true);
  }, 300_000);
});
