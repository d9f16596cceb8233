// What a scenario may copy into the guest as a payload (docs/security.md): an ELF file, or
// nothing, whatever fail-on lets through, so that a scenario under review cannot name a
// host file (a secret, a checkout's .git/config) and print it from dom0 into the logs.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { XenBase } from "../../src/base/xen.js";
import { parseScenario } from "../../src/scenario/format.js";
import { resolvePayloadFiles, runScenario } from "../../src/scenario/run.js";
import { ConfigurationError } from "../../src/util/errors.js";

const work = mkdtempSync(join(tmpdir(), "xlci-scenario-files-"));

describe("a scenario's payload files", () => {
  it("are refused before any boot when they are not ELF files", async () => {
    writeFileSync(join(work, "secret.txt"), "token=hunter2\n");
    const dir = join(work, "pr");
    mkdirSync(dir);
    const file = join(dir, "exfil.yml");
    const scenario = parseScenario(
      'name: exfil\npayloads:\n  sec: ../secret.txt\nsteps:\n  - run: "cat /payloads/sec.livepatch"\n',
      file,
    );
    const payloadFiles = await resolvePayloadFiles(scenario, dir);
    const boot = runScenario({
      // Never reached: the refusal comes before the guest tool, the assets and QEMU.
      base: {} as XenBase,
      scenario,
      payloadFiles,
      cacheDir: join(work, "cache"),
    });
    await expect(boot).rejects.toBeInstanceOf(ConfigurationError);
    await expect(boot).rejects.toThrow(
      `${file}:3: payload "sec": ${join(work, "secret.txt")} is not an ELF file (a livepatch payload is one); only payloads are copied into the guest`,
    );
  });
});
