// Interrupted runs (issue 19, item 5): the bundled command line, started as a user starts
// it, is sent SIGINT (Ctrl-C: the whole process group), SIGTERM or SIGKILL while make
// builds a patch or QEMU boots. A clean interruption leaves a report saying "interrupted"
// in the stage that ran, the logs, no temporary tree and no child; SIGKILL leaves no child.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RunResult } from "../../../src/pipeline.js";
import { EXAMPLE_XEN_SOURCE, integrationCacheDir } from "../xen-base.js";

const root = join(import.meta.dirname, "..", "..", "..");
const fixture = join(root, "test", "fixtures", "hostile", "env-probe.patch");
let cliJs: string;

beforeAll(() => {
  // The command line bundled from these sources (dist/ is rebuilt only when merged).
  // (The bundle reads its version from the package.json above it.)
  const pkg = mkdtempSync(join(tmpdir(), "xlci-interrupt-pkg-"));
  copyFileSync(join(root, "package.json"), join(pkg, "package.json"));
  const out = join(pkg, "dist");
  execFileSync(process.execPath, [join(root, "scripts", "bundle.mjs"), "--outdir", out]);
  cliJs = join(out, "cli.js");
});

interface Started {
  child: ChildProcess;
  out: string;
  /** The run's own TMPDIR: every temporary tree and child's working directory is in it. */
  tmp: string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The command line run with `args`, in a TMPDIR of its own unless given `tmp`. */
function startCli(args: string[], tmp?: string): Started {
  const dir = mkdtempSync(join(tmpdir(), "xlci-interrupt-"));
  tmp ??= join(dir, "tmp");
  mkdirSync(tmp, { recursive: true });
  const out = join(dir, "out");
  const child = spawn(
    process.execPath,
    [cliJs, ...args, "--output-dir", out, "--cache-dir", integrationCacheDir()],
    // Its own process group, as a shell gives a command: Ctrl-C is SIGINT to all of it.
    { detached: true, env: { ...process.env, TMPDIR: tmp }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, out, tmp, stderr: () => stderr, exit };
}

/** Processes whose working directory or command line is under `dir` (make, gcc, QEMU). */
function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ");
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      if (cwd.startsWith(dir) || cmdline.includes(dir)) found.push(`${pid}: ${cwd}: ${cmdline}`);
    } catch {
      // (gone, or not ours to read)
    }
  }
  return found;
}

async function until(
  what: string,
  ready: () => boolean,
  timeoutMs: number,
  run?: Started,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    if (run && run.child.exitCode !== null)
      throw new Error(`the run ended before ${what}:\n${run.stderr()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const fileHas = (path: string, text: RegExp) =>
  existsSync(path) && text.test(readFileSync(path, "utf8"));

/** Waits until make compiles the patched tree (a process working in the run's temporary tree). */
async function duringPatchBuild(run: Started): Promise<void> {
  await until(
    "make compiling the patched tree",
    // (The base stage runs make too: on Debian's packaging, in a recipe directory.)
    () =>
      processesUnder(run.tmp).some(
        (p) => p.includes("/xlci-patch-") && / (make|gcc|cc1|as) /.test(` ${p} `),
      ),
    1_200_000,
    run,
  );
}

function expectCleanInterruption(run: Started, signal: string, stage: string): RunResult {
  const report = JSON.parse(readFileSync(join(run.out, "report.json"), "utf8")) as RunResult;
  expect(report.verdict).toBe("interrupted");
  expect(report.interrupted).toEqual({ signal, stage });
  expect(report.reason).toBe(`interrupted by ${signal} during the ${stage} stage`);
  expect(report.stages.at(-1)).toMatchObject({ name: stage, status: "interrupted" });
  const metadata = JSON.parse(readFileSync(join(run.out, "metadata.json"), "utf8")) as {
    verdict: string;
  };
  expect(metadata.verdict).toBe("interrupted");
  expect(run.stderr()).toContain(`interrupted by ${signal} during the ${stage} stage`);
  expect(readdirSync(run.tmp), "temporary trees left").toEqual([]);
  expect(processesUnder(run.tmp), "children left").toEqual([]);
  return report;
}

describe("an interrupted run", () => {
  it("Ctrl-C (SIGINT to the process group) during the patch build: report, logs, exit 130, nothing blamed on the patch", async () => {
    const run = startCli(["run", "--xen-source", EXAMPLE_XEN_SOURCE, "--patches", fixture]);
    await duringPatchBuild(run);
    process.kill(-run.child.pid!, "SIGINT");
    const exit = await run.exit;
    expect(exit, run.stderr()).toEqual({ code: 130, signal: null });
    expectCleanInterruption(run, "SIGINT", "payloads");
    expect(run.stderr()).not.toContain("does not build");
    expect(existsSync(join(run.out, "logs", "patch-build.log"))).toBe(true);
  }, 1_800_000);

  it("SIGTERM during the boot: QEMU is ended, the report says interrupted in the boot stage, exit 143", async () => {
    const run = startCli(["boot", "--example", "--kvm", "false"]);
    const consoleLog = join(run.out, "logs", "console.log");
    await until("QEMU booting", () => fileHas(consoleLog, /Xen version/), 1_200_000, run);
    expect(processesUnder(run.tmp).some((p) => p.includes("qemu-system-x86_64"))).toBe(true);
    run.child.kill("SIGTERM");
    const exit = await run.exit;
    expect(exit, run.stderr()).toEqual({ code: 143, signal: null });
    expectCleanInterruption(run, "SIGTERM", "boot");
    expect(existsSync(consoleLog)).toBe(true);
  }, 1_800_000);

  it("SIGKILL during the patch build: make and its compilers die with the run", async () => {
    const run = startCli(["run", "--xen-source", EXAMPLE_XEN_SOURCE, "--patches", fixture]);
    await duringPatchBuild(run);
    run.child.kill("SIGKILL");
    await run.exit;
    // The guard's parent-death signal ends the whole group; give it a moment to unwind.
    await until("the children to die", () => processesUnder(run.tmp).length === 0, 15_000);
    // Its temporary trees stay, in a directory naming the dead run; the next run removes it.
    const left = readdirSync(run.tmp);
    expect(left).toEqual([expect.stringMatching(/^xlci-run-\d+-/)]);
    const next = startCli(["run", "--xen-source", join(run.tmp, "no-such-tree")], run.tmp);
    expect((await next.exit).code, next.stderr()).toBe(2);
    expect(readdirSync(run.tmp), "the killed run's trees").toEqual([]);
  }, 1_800_000);
});
