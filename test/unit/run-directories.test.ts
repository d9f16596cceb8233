// The output and cache directories (issue 19): a path that cannot work is a mistake named
// before anything runs, nothing is written through a symbolic link in the output
// directory, and nothing of an earlier run survives beside a later run's files.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/commands.js";
import { parseOptions, type RawInputs } from "../../src/options.js";
import { clearEarlierOutputs } from "../../src/run-directories.js";
import { runCommand } from "../../src/util/exec.js";
import { ConfigurationError } from "../../src/util/errors.js";

const work = mkdtempSync(join(tmpdir(), "xlci-dirs-"));
const payload = join(work, "given.livepatch");
writeFileSync(payload, "not a payload");

function refusal(inputs: RawInputs): string {
  try {
    parseOptions({ payloads: payload, ...inputs }, work, join(work, "cache"));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    return (e as Error).message;
  }
  throw new Error("the inputs were accepted");
}

/** Runs the command line, returning its exit code and what it wrote on stderr. */
async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe("output-dir and cache-dir", () => {
  it("an output directory that is a file is a mistake, not a stack trace", async () => {
    const file = join(work, "a-file");
    writeFileSync(file, "");
    expect(refusal({ "output-dir": file })).toBe(`output-dir: ${file} is not a directory`);
    expect(refusal({ "output-dir": join(file, "out") })).toBe(
      `output-dir: ${join(file, "out")} cannot be made: ${file} is not a directory`,
    );
    const { code, stderr } = await cli(["run", "--payloads", payload, "--output-dir", file]);
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("an output directory under /proc is refused at once (it would hang)", () => {
    expect(refusal({ "output-dir": "/proc/x" })).toBe(
      "output-dir: /proc/x is under /proc, a virtual file system: give a directory on a disk",
    );
  });

  it("a cache directory that is a file is a mistake", () => {
    const file = join(work, "cache-file");
    writeFileSync(file, "");
    expect(refusal({ "cache-dir": file })).toBe(`cache-dir: ${file} is not a directory`);
  });

  it.each(["report.json", "metadata.json", "findings.sarif", "logs", "payloads"])(
    "a symbolic link at %s is refused, and nothing is written through it",
    async (entry) => {
      const out = mkdtempSync(join(work, "out-"));
      const outside = mkdtempSync(join(work, "outside-"));
      const target = join(outside, "target");
      if (entry === "logs" || entry === "payloads") mkdirSync(target);
      else writeFileSync(target, "the user's file");
      symlinkSync(target, join(out, entry));
      expect(refusal({ "output-dir": out })).toBe(
        `output-dir: ${join(out, entry)} is a symbolic link; the run writes there and never through a link: remove it`,
      );
      const { code } = await cli(["run", "--payloads", payload, "--output-dir", out]);
      expect(code).toBe(2);
      if (entry === "logs" || entry === "payloads")
        expect(existsSync(join(target, "x"))).toBe(false);
      else expect(readFileSync(target, "utf8")).toBe("the user's file");
      expect(existsSync(join(out, "report.json")) && entry !== "report.json").toBe(false);
    },
  );

  it("a link deeper down (logs/base-build.log) and an output directory that is a link are refused", () => {
    const out = mkdtempSync(join(work, "out-"));
    mkdirSync(join(out, "logs"));
    symlinkSync("/etc/hostname", join(out, "logs", "base-build.log"));
    expect(refusal({ "output-dir": out })).toContain(
      `${join(out, "logs", "base-build.log")} is a symbolic link`,
    );
    const link = join(work, "out-link");
    symlinkSync(mkdtempSync(join(work, "real-")), link);
    expect(refusal({ "output-dir": link })).toBe(
      `output-dir: ${link} is a symbolic link; the run never writes through one: give the directory it points to`,
    );
  });

  it("a command's log file is never opened through a link", async () => {
    const target = join(work, "log-target");
    writeFileSync(target, "");
    const log = join(work, "linked.log");
    symlinkSync(target, log);
    await expect(runCommand("true", [], { logFile: log })).rejects.toThrow(/ELOOP/);
    expect(readFileSync(target, "utf8")).toBe("");
  });
});

describe("an earlier run's files", () => {
  it("are removed when a run starts; the user's other files stay", async () => {
    const out = mkdtempSync(join(work, "out-"));
    mkdirSync(join(out, "payloads"));
    writeFileSync(join(out, "payloads", "old.livepatch"), "earlier");
    writeFileSync(join(out, "payloads", "old.livepatch.minisig"), "earlier");
    writeFileSync(join(out, "metadata.json.minisig"), "earlier");
    writeFileSync(join(out, "minisign.pub"), "earlier");
    writeFileSync(join(out, "notes.txt"), "the user's");
    writeFileSync(join(out, "report.json"), "{}");
    const { code } = await cli(["run", "--payloads", payload, "--output-dir", out]);
    expect(code).not.toBe(0);
    expect(existsSync(join(out, "payloads", "old.livepatch"))).toBe(false);
    expect(existsSync(join(out, "payloads", "old.livepatch.minisig"))).toBe(false);
    expect(existsSync(join(out, "metadata.json.minisig"))).toBe(false);
    expect(existsSync(join(out, "minisign.pub"))).toBe(false);
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("the user's");
    // This run's own files are there.
    expect(existsSync(join(out, "report.json"))).toBe(true);
  });

  it("an input inside what a run clears is refused rather than removed", () => {
    const out = mkdtempSync(join(work, "out-"));
    mkdirSync(join(out, "payloads"));
    const inside = join(out, "payloads", "fix.livepatch");
    writeFileSync(inside, "from an earlier run");
    writeFileSync(join(out, "metadata.json"), "{}");
    expect(refusal({ payloads: inside, "output-dir": out })).toBe(
      `payloads: ${inside} is in ${join(out, "payloads")}, which a run clears of the earlier run's files: copy it elsewhere first`,
    );
  });

  it("a directory holding payloads/ or logs/ of its own is not cleared, nor /", () => {
    const out = mkdtempSync(join(work, "out-"));
    mkdirSync(join(out, "payloads"));
    writeFileSync(join(out, "payloads", "precious.livepatch"), "the user's");
    expect(refusal({ payloads: payload, "output-dir": out })).toBe(
      `output-dir: ${out} holds payloads, not written by an earlier run (no report.json, metadata.json or .xen-livepatch-ci-run), which a run would clear: give an empty or new directory`,
    );
    expect(readFileSync(join(out, "payloads", "precious.livepatch"), "utf8")).toBe("the user's");
    expect(refusal({ payloads: payload, "output-dir": "/" })).toBe(
      "output-dir: / is the root directory: give a directory of its own",
    );
  });

  it("a run killed before its report leaves a directory the next run still takes", async () => {
    const out = mkdtempSync(join(work, "out-"));
    await clearEarlierOutputs(out);
    expect(readdirSync(out)).toEqual([".xen-livepatch-ci-run"]);
    mkdirSync(join(out, "logs"));
    writeFileSync(join(out, "logs", "base-build.log"), "cut short");
    expect(() =>
      parseOptions({ payloads: payload, "output-dir": out }, work, join(work, "cache")),
    ).not.toThrow();
  });

  it("an empty output-dir is the default, not the current directory", () => {
    const options = parseOptions(
      { payloads: payload, "output-dir": "" },
      work,
      join(work, "cache"),
    );
    expect(options.outputDir).toBe(join(work, "xen-livepatch-out"));
  });

  it("a cache inside the output directory (or around it) is refused", () => {
    const out = mkdtempSync(join(work, "out-"));
    expect(
      refusal({ payloads: payload, "output-dir": out, "cache-dir": join(out, "logs", "cache") }),
    ).toMatch(/^cache-dir: .* and the output directory .* overlap/);
  });
});
