// Hostile inputs that need a real build (issue 19): a patch under review is code the
// action runs, so whatever it can see, it can print into the logs users download.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, expect, it, vi } from "vitest";
import { main } from "../../src/commands.js";
import { EXAMPLE_XEN_SOURCE, integrationCacheDir } from "./xen-base.js";

const fixture = (name: string) => new URL(`../fixtures/hostile/${name}`, import.meta.url).pathname;

afterEach(() => vi.restoreAllMocks());

it("a patch's Makefile sees no secret: make inherits only the allow-listed variables", async () => {
  // Generated dummy values, and a throw-away signing key: never a real secret in a test.
  const dummy = () => `dummy${randomBytes(12).toString("hex")}`;
  const secrets: Record<string, string> = {
    "INPUT_SIGNING-KEY": dummy(),
    "INPUT_GITHUB-TOKEN": dummy(),
    INPUT_PATCHES: dummy(),
    GITHUB_TOKEN: dummy(),
    ACTIONS_RUNTIME_TOKEN: dummy(),
    ACTIONS_RESULTS_URL: dummy(),
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: dummy(),
    XLCI_SIGNING_KEY: generateKeyPairSync("ed25519")
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString(),
  };
  Object.assign(process.env, secrets);
  const out = join(mkdtempSync(join(tmpdir(), "xlci-hostile-")), "out");
  vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    await main([
      "run",
      "--xen-source",
      EXAMPLE_XEN_SOURCE,
      "--patches",
      fixture("env-probe.patch"),
      "--output-dir",
      out,
      "--cache-dir",
      integrationCacheDir(),
    ]);
  } finally {
    vi.restoreAllMocks();
    for (const name of Object.keys(secrets)) delete process.env[name];
  }

  const log = readFileSync(join(out, "logs", "patch-build.log"), "utf8");
  // The probe ran: make parsed the patched Makefile.
  expect(log).toContain("XLCI-SECRETS [] [] [] [] []");
  const names = [...log.matchAll(/^XLCI-ENV ([^=\s]+)=/gm)].map((m) => m[1]!);
  expect(names).toContain("PATH");
  // What a build needs: the allow-list of src/util/exec.ts; what make sets for itself; and
  // what the build sets (the locale, ccache's directory, the pinned build values, Debian's
  // packaging exports and the lsb_release shim's answer), and PWD, which the shell that
  // starts each command in a process group of its own exports.
  const allowed =
    /^(PATH|HOME|USER|LOGNAME|LANG|LANGUAGE|TZ|TMPDIR|LC_\w+|CCACHE_\w+|MAKELEVEL|MFLAGS|GNUMAKEFLAGS|MAKEOVERRIDES|XEN_\w+|DEB_\w+|SOURCE_DATE_EPOCH|WGET|VGABIOS_REL_DATE|SMBIOS_REL_DATE|XLCI_LSB_DISTRIBUTOR|PWD)$/;
  expect(names.filter((n) => !allowed.test(n))).toEqual([]);
  for (const file of readdirSync(join(out, "logs"))) {
    const text = readFileSync(join(out, "logs", file), "utf8");
    for (const [name, value] of Object.entries(secrets)) {
      const probe = name === "XLCI_SIGNING_KEY" ? value.split("\n")[1]! : value;
      expect(text.includes(probe), `${name} in logs/${file}`).toBe(false);
    }
  }
}, 1_800_000);
