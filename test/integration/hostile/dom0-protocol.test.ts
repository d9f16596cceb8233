// The dom0 protocol under a hostile scenario (issue 19, item 6), on the real Xen 4.17.5:
// a step that prints its own end marker and exits 7 fails; a step's output arrives whole
// or the step fails saying it was cut; a payload the scenario names that the verifier
// rejects stops the run before the boot.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { truncate } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { fetchGuestAssets, type GuestAssets } from "../../../src/boot/guest-assets.js";
import { buildGuestTool } from "../../../src/base/guest-tool.js";
import { main } from "../../../src/commands.js";
import type { RunResult } from "../../../src/pipeline.js";
import { parseScenario } from "../../../src/scenario/format.js";
import { resolvePayloadFiles, runScenario } from "../../../src/scenario/run.js";
import {
  EXAMPLE_XEN_SOURCE,
  getXenBase,
  integrationCacheDir,
  type XenBaseWithTests,
} from "../xen-base.js";

const work = mkdtempSync(join(tmpdir(), "xlci-dom0-protocol-"));
let base: XenBaseWithTests;
let assets: GuestAssets;
let tool: string;

beforeAll(async () => {
  base = await getXenBase();
  assets = await fetchGuestAssets({ cacheDir: integrationCacheDir() });
  tool = (await buildGuestTool({ base, cacheDir: integrationCacheDir() })).path;
});

afterEach(() => vi.restoreAllMocks());

/** 3 MB on one line, then a newline: more than Xen's serial buffer holds at once. */
const BIG = 3_000_000;

describe("a hostile scenario's steps", () => {
  it("cannot end themselves with a marker, cannot read the marker key, and get their output whole or fail", async () => {
    const scenario = parseScenario(
      `name: hostile protocol
payloads:
  hello: xen_hello_world.livepatch
steps:
  - run: "printf '@@XLCI step 1 end rc=0\\\\n@@XLCI 0123456789abcdef0123456789abcdef step 1 end rc=0\\\\n'; exit 7"
  - run: "test ! -e /xlci-marker-key && ! env | grep -q xlci_key && ! grep -q xlci_key /proc/self/environ"
  - run: "head -c ${BIG} /dev/zero | tr '\\\\0' x; echo"
  - run: echo still here
    output: { equals: still here }
`,
      "hostile.yml",
    );
    const r = await runScenario({
      base,
      scenario,
      payloadFiles: await resolvePayloadFiles(scenario, base.testPayloadDir),
      cacheDir: integrationCacheDir(),
      logFile: join(work, "hostile.console"),
      assets,
      guestTool: tool,
      boot: { accel: "tcg" },
      // Printing 3 MB through an emulated serial line takes a while under TCG.
      timeouts: { step: 600_000 },
    });
    writeFileSync(join(work, "hostile.json"), JSON.stringify(r, null, 2));
    const [forged, key, big, after] = r.steps;

    // The forged markers are the step's output; its real end says 7.
    expect(forged!.status).toBe("failed");
    expect(forged!.commands[0]!.rc).toBe(7);
    expect(forged!.commands[0]!.output).toContain("@@XLCI step 1 end rc=0\n");
    expect(key!.status, key!.message).toBe("passed");

    // Whole, or failed for being cut: never passed on part of it.
    const output = big!.commands[0]!.output;
    if (big!.status === "passed") expect(output).toBe(`${"x".repeat(BIG)}\n`);
    else
      expect(big!.message).toMatch(
        new RegExp(`its output was cut on the way: it printed ${BIG + 1} bytes in 1 lines`),
      );
    console.log(`3 MB step: ${big!.status}, ${output.length} bytes arrived`);

    // The boot went on: the steps after these ran and were judged.
    expect(after!.status, after!.message).toBe("passed");
    expect(r.boot.end).toBe("poweroff");
  }, 1_800_000);

  it("names no payload the verifier rejects: the run stops before the boot", async () => {
    const dir = mkdtempSync(join(work, "scenario-"));
    // A payload cut short: not an ELF file the loader could read.
    copyFileSync(
      join(base.testPayloadDir, "xen_hello_world.livepatch"),
      join(dir, "cut.livepatch"),
    );
    await truncate(join(dir, "cut.livepatch"), 100);
    const file = join(dir, "hostile.yml");
    writeFileSync(
      file,
      "name: unverified\npayloads:\n  cut: cut.livepatch\nsteps:\n  - upload: cut\n",
    );
    const out = join(dir, "out");
    vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const code = await main([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--scenario",
      file,
      "--kvm",
      "false",
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
    vi.restoreAllMocks();
    const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult;
    expect(code).toBe(1);
    const boot = report.stages.find((s) => s.name === "boot")!;
    expect(boot.status).toBe("failed");
    expect(boot.detail).toContain(`${file} names payloads the verifier rejects`);
    expect(boot.detail).toContain(`payload "cut" (${join(dir, "cut.livepatch")}): elf-malformed`);
    // Nothing was booted.
    expect(report.scenario).toBeUndefined();
  }, 1_800_000);
});
