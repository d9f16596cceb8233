// The guest's static xen-livepatch, built in the real Xen base's tree. Each run copies it
// to a fresh cache directory, so the build itself runs every time (incrementally, after
// the first run has configured and built tools/ in the shared tree).
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildGuestTool, GuestToolBuildError, type GuestTool } from "../../src/base/guest-tool.js";
import type { XenBase } from "../../src/base/xen.js";
import { EM_X86_64, ET_EXEC } from "../../src/elf/constants.js";
import { readElfFile } from "../../src/elf/reader.js";
import { CommandError, runCommand } from "../../src/util/exec.js";
import { getXenBase } from "./xen-base.js";

const ET_DYN = 3; // a static-pie executable has this type

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

describe("guest tool: static xen-livepatch from the base tree", () => {
  const tmpDirs: string[] = [];
  const tmp = async () => {
    const dir = await mkdtemp(join(tmpdir(), "xlci-guest-tool-"));
    tmpDirs.push(dir);
    return dir;
  };
  let base: XenBase;
  let cacheDir: string;
  let first: GuestTool;
  let second: GuestTool;
  let symsBefore: string;
  let symsAfter: string;

  beforeAll(async () => {
    base = await getXenBase();
    cacheDir = await tmp();
    symsBefore = await sha256(base.xenSyms);
    first = await buildGuestTool({ base, cacheDir });
    symsAfter = await sha256(base.xenSyms);
    second = await buildGuestTool({ base, cacheDir });
  });

  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const dir of tmpDirs) await rm(dir, { recursive: true, force: true });
  });

  it("puts the tool under <cacheDir>/guest-tool/<base key>/", () => {
    expect(first.cached).toBe(false);
    expect(first.path).toBe(join(cacheDir, "guest-tool", base.key, "xen-livepatch"));
  });

  it("is a statically linked x86-64 ELF executable", async () => {
    const elf = await readElfFile(first.path);
    expect(elf.header.machine).toBe(EM_X86_64);
    expect([ET_EXEC, ET_DYN]).toContain(elf.header.type);
    // The reader has no program headers: a dynamic executable would have PT_INTERP.
    const { stdout } = await runCommand("readelf", ["--program-headers", "--wide", first.path]);
    expect(stdout).toMatch(/\bLOAD\b/);
    expect(stdout).not.toMatch(/\bINTERP\b/);
    expect(stdout).not.toMatch(/\bDYNAMIC\b/);
  });

  it("prints its usage when run without arguments", async () => {
    // Without /proc/xen some versions exit non-zero after the usage: only the text counts.
    const output = await runCommand(first.path, []).then(
      (r) => r.stdout + r.stderr,
      (err: unknown) => {
        if (err instanceof CommandError) return err.stdout + err.stderr;
        throw err;
      },
    );
    expect(output).toContain("Usage: xen-livepatch");
    for (const command of ["upload", "apply", "revert", "replace", "unload", "load"])
      expect(output).toMatch(new RegExp(`^\\s+${command}\\b`, "m"));
  });

  it("returns the same file, cached, on a second call", async () => {
    expect(second).toEqual({ path: first.path, cached: true });
    expect(await sha256(second.path)).toBe(await sha256(first.path));
  });

  it("leaves the hypervisor's xen-syms byte-identical", () => {
    expect(symsAfter).toBe(symsBefore);
  });

  it("names configure's error and the Debian package when a library is missing", async () => {
    // Autoconf's cache variable makes configure believe libyajl is absent.
    vi.stubEnv("ac_cv_lib_yajl_yajl_alloc", "no");
    const failing = await tmp();
    const logFile = join(failing, "guest-tool.log");
    try {
      const error = await buildGuestTool({ base, cacheDir: failing, logFile }).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(GuestToolBuildError);
      const message = (error as Error).message;
      expect(message).toContain("configure: error: Could not find yajl");
      expect(message).toContain("'libyajl-dev'");
      expect(message).toContain("scripts/provision.sh");
      expect(message).toContain(logFile);
      expect((error as GuestToolBuildError).step).toBe("configure");
    } finally {
      vi.unstubAllEnvs();
    }
  }, 120_000);
});
