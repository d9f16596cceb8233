// The process runner every command goes through: what callers get back, what the log file
// holds, and the errors for a failing command, a missing program and a missing directory.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  childEnvironment,
  CommandError,
  formatCommandLine,
  MissingProgramError,
  runCommand,
} from "../../src/util/exec.js";

const work = mkdtempSync(join(tmpdir(), "xlci-exec-"));

describe("runCommand", () => {
  it("returns both streams as written, streams lines, and logs the command line and status", async () => {
    const log = join(work, "ok.log");
    const lines: [string, string][] = [];
    const r = await runCommand(
      "sh",
      ["-c", "printf 'one\\ntwo\\n'; printf 'warn\\n' >&2; printf 'no newline'"],
      { logFile: log, cwd: work, onLine: (line, stream) => lines.push([stream, line]) },
    );
    expect(r).toEqual({ stdout: "one\ntwo\nno newline", stderr: "warn\n", exitCode: 0 });
    expect(lines.filter(([s]) => s === "stdout").map(([, l]) => l)).toEqual([
      "one",
      "two",
      "no newline",
    ]);
    expect(lines.filter(([s]) => s === "stderr").map(([, l]) => l)).toEqual(["warn"]);
    const text = readFileSync(log, "utf8");
    expect(text.startsWith(`$ sh -c 'printf '\\''one`)).toBe(true);
    expect(text.split("\n")[0]).toMatch(new RegExp(`    \\(in ${work}\\)$`));
    expect(text).toContain("one\ntwo\n");
    expect(text).toContain("warn\n");
    expect(text.endsWith("[exit 0]\n")).toBe(true);
  });

  it("passes input on stdin, and adds and removes environment variables", async () => {
    process.env.XLCI_EXEC_TEST_REMOVED = "still here";
    const r = await runCommand(
      "sh",
      ["-c", 'cat; echo "[$XLCI_EXEC_TEST_ADDED] [${XLCI_EXEC_TEST_REMOVED-unset}]"'],
      {
        input: "from stdin\n",
        env: { XLCI_EXEC_TEST_ADDED: "added", XLCI_EXEC_TEST_REMOVED: undefined },
      },
    );
    delete process.env.XLCI_EXEC_TEST_REMOVED;
    expect(r.stdout).toBe("from stdin\n[added] [unset]\n");
  });

  it("fails with the exit code and the last 20 lines of both streams", async () => {
    const log = join(work, "fail.log");
    const err = await runCommand(
      "sh",
      ["-c", "for i in $(seq 1 30); do echo out$i; done; echo bad >&2; exit 3"],
      { logFile: log },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommandError);
    const e = err as CommandError;
    expect(e.exitCode).toBe(3);
    expect(e.signal).toBeNull();
    expect(e.stderr).toBe("bad\n");
    const message = e.message.split("\n");
    expect(message[0]).toMatch(/^Command failed with exit code 3: sh -c /);
    expect(message[1]).toBe("--- last 20 lines of output ---");
    expect(message.slice(2, 22)).toEqual([
      ...Array.from({ length: 19 }, (_, i) => `out${i + 12}`),
      "bad",
    ]);
    expect(message[22]).toBe(`(full log: ${log})`);
    expect(readFileSync(log, "utf8").endsWith("bad\n[exit 3]\n")).toBe(true);
  });

  it("says which signal killed a command", async () => {
    const e = (await runCommand("sh", ["-c", "kill -KILL $$"]).catch(
      (x: unknown) => x,
    )) as CommandError;
    expect(e).toBeInstanceOf(CommandError);
    expect([e.exitCode, e.signal]).toEqual([null, "SIGKILL"]);
    expect(e.message).toMatch(/^Command was killed by SIGKILL: sh -c 'kill -KILL \$\$'$/);
  });

  it("names the Debian package of a missing program", async () => {
    const e = await runCommand("qemu-system-x86_64", [], {
      env: { PATH: join(work, "empty") },
    }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MissingProgramError);
    expect((e as Error).message).toBe(
      "'qemu-system-x86_64' was not found on PATH: install the Debian package 'qemu-system-x86' (scripts/provision.sh installs what the Xen build needs)",
    );
    await expect(runCommand("xlci-no-such-program", [])).rejects.toThrow(
      "'xlci-no-such-program' was not found on PATH: install it",
    );
  });

  it("tells a missing working directory from a missing program", async () => {
    const missing = join(work, "not-there");
    await expect(runCommand("true", [], { cwd: missing })).rejects.toThrow(
      `Cannot run true: directory ${missing} does not exist`,
    );
  });
});

describe("formatCommandLine", () => {
  it("quotes only what a shell would need quoted", () => {
    expect(formatCommandLine("make", ["-C", "xen", "CC=gcc -O2", "it's"])).toBe(
      `make -C xen 'CC=gcc -O2' 'it'\\''s'`,
    );
  });
});

describe("childEnvironment: what a child process inherits", () => {
  // Generated dummy values: no real secret is ever put in a test.
  const dummy = () => `dummy-${Math.random().toString(36).slice(2)}`;
  const secrets: Record<string, string> = {
    "INPUT_SIGNING-KEY": dummy(),
    "INPUT_GITHUB-TOKEN": dummy(),
    INPUT_PATCHES: dummy(),
    XLCI_SIGNING_KEY: dummy(),
    XLCI_XEN_SIGNATURE_KEY: dummy(),
    GITHUB_TOKEN: dummy(),
    ACTIONS_RUNTIME_TOKEN: dummy(),
    ACTIONS_RESULTS_URL: dummy(),
    ACTIONS_ID_TOKEN_REQUEST_URL: dummy(),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: dummy(),
    NPM_TOKEN: dummy(),
  };
  const allowed = (name: string) =>
    ["PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR"].includes(name) ||
    name.startsWith("LC_") ||
    name.startsWith("CCACHE_");

  it("a command sees none of the secrets, only the allow-listed variables and those given", async () => {
    Object.assign(process.env, secrets, { LC_ALL: "C", CCACHE_MAXSIZE: "1G" });
    try {
      const r = await runCommand("sh", ["-c", "env"], { env: { XEN_BUILD_HOST: "given" } });
      const seen = new Map(
        r.stdout
          .split("\n")
          .filter((l) => l.includes("="))
          .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)] as const),
      );
      for (const [name, value] of Object.entries(secrets)) {
        expect(seen.has(name), name).toBe(false);
        expect(r.stdout).not.toContain(value);
      }
      // sh itself adds PWD, SHLVL and _.
      const unexpected = [...seen.keys()].filter(
        (n) => !allowed(n) && !["XEN_BUILD_HOST", "PWD", "SHLVL", "_"].includes(n),
      );
      expect(unexpected).toEqual([]);
      expect(seen.get("XEN_BUILD_HOST")).toBe("given");
      expect(seen.get("PATH")).toBe(process.env.PATH);
      expect(seen.get("LC_ALL")).toBe("C");
      expect(seen.get("CCACHE_MAXSIZE")).toBe("1G");
    } finally {
      for (const name of [...Object.keys(secrets), "CCACHE_MAXSIZE"]) delete process.env[name];
    }
  });

  it("builds the environment from the allow-list of the parent's, then the given variables", () => {
    const env = childEnvironment(
      { CC: "gcc-12", HOME: undefined },
      { ...secrets, PATH: "/bin", HOME: "/home/x", LC_CTYPE: "C.UTF-8", TMPDIR: "/t" },
    );
    expect(env).toEqual({ PATH: "/bin", LC_CTYPE: "C.UTF-8", TMPDIR: "/t", CC: "gcc-12" });
  });
});
