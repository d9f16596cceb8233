// The hypervisor users run: `xen-source: debian` is what apt would install now on the
// runner's Debian release (the security update, on Debian 12), and with `expected-build-id`
// the Debian version whose package has the host's build-id. Where the archive serves the
// chosen version's source the run builds it; where it does not (here, the security
// versions' sources answer 404) the run stops before building, naming the version, its
// suite, what apt said and what it can fetch. Both outcomes are checked for what they
// must say, so a machine with a full mirror runs the same tests.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { readHypervisorImage } from "../../src/livepatch/hypervisor-image.js";
import { parseOptions } from "../../src/options.js";
import { type RunResult, run } from "../../src/pipeline.js";
import {
  DEFAULT_DEBIAN_XEN_VERSION,
  type DebianHypervisorPackage,
  fetchHypervisorPackage,
} from "../../src/source/debian.js";
import { identifyDebianHypervisor } from "../../src/source/debian-identify.js";
import { debianCandidate, runnerRelease } from "../../src/source/debian-policy.js";
import { ConfigurationError } from "../../src/util/errors.js";
import { terminalLogger } from "../../src/util/logger.js";
import { integrationCacheDir } from "./xen-base.js";

const PACKAGE = "xen-hypervisor-4.17-amd64";
const release = runnerRelease(readFileSync("/etc/os-release", "utf8"));

/** apt's own answer for the 4.17 package: its "Candidate:" line. */
function aptCandidate(): string {
  const policy = execFileSync("apt-cache", ["policy", PACKAGE], { encoding: "utf8" });
  return /^\s+Candidate: (\S+)$/m.exec(policy)![1]!;
}

async function runPipeline(inputs: Record<string, string>) {
  const out = mkdtempSync(join(tmpdir(), "xlci-debian-host-"));
  const lines: string[] = [];
  const sink = new PassThrough();
  sink.on("data", (chunk: Buffer) => lines.push(chunk.toString()));
  const options = parseOptions(
    { scenario: "none", "output-dir": out, ...inputs },
    out,
    integrationCacheDir(),
  );
  const outcome = await run(options, terminalLogger(sink)).then(
    (result) => ({ result, error: undefined }),
    (error: unknown) => ({ result: undefined, error: error as Error }),
  );
  const report = JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as RunResult;
  return { ...outcome, report, log: lines.join("") };
}

/** A run of a version apt may not serve: built and identical to Debian's, or stopped before building. */
function expectBuiltOrNamed(
  outcome: Awaited<ReturnType<typeof runPipeline>>,
  version: string,
  suite: string,
): void {
  if (!outcome.error) {
    expect(outcome.report.verdict).toBe("pass");
    expect(outcome.report.base!.source).toMatchObject({ kind: "debian", version });
    expect(outcome.report.base!.reference?.identical).toBe(true);
    return;
  }
  expect(outcome.error).toBeInstanceOf(ConfigurationError);
  const message = outcome.error.message;
  expect(message).toMatch(/^xen-source: /);
  expect(message).toContain(`lists xen=${version} in ${suite}`);
  expect(message).toMatch(/could not download it \(E: /);
  expect(message).toContain(`Versions apt can fetch: ${DEFAULT_DEBIAN_XEN_VERSION}`);
  expect(message).toContain("Nothing was built");
  // Stopped before the base: no other version in its place.
  expect(outcome.report.base).toBeUndefined();
  expect(outcome.report.stages.find((s) => s.name === "base")?.status).not.toBe("ok");
}

describe("xen-source: debian is what apt would install now", () => {
  it("resolves to apt's candidate for the runner's release, with its suite", async () => {
    const candidate = await debianCandidate();
    expect(candidate.package).toBe(PACKAGE);
    expect(candidate.version).toBe(aptCandidate());
    // Debian 12 with its security suite: the security update, not the point release.
    if (release === "bookworm") {
      expect(candidate.suites).toContain("bookworm-security");
      expect(candidate.version).not.toBe(DEFAULT_DEBIAN_XEN_VERSION);
    }
  }, 60_000);

  it("builds the candidate, or stops naming it where the archive does not serve its source", async () => {
    const candidate = await debianCandidate();
    const outcome = await runPipeline({ "xen-source": "debian" });
    expect(outcome.log).toContain(
      `is what apt would install now, Debian's ${PACKAGE} ${candidate.version}`,
    );
    expectBuiltOrNamed(outcome, candidate.version, candidate.suites[0]!);
  }, 1_800_000);
});

describe("the host's hypervisor, identified by its build-id", () => {
  let security: DebianHypervisorPackage;
  let pointRelease: DebianHypervisorPackage;
  let securitySuite: string;
  beforeAll(async () => {
    const candidate = await debianCandidate("bookworm");
    securitySuite = candidate.suites[0]!;
    const cacheDir = integrationCacheDir();
    security = await fetchHypervisorPackage({
      package: PACKAGE,
      version: candidate.version,
      cacheDir,
    });
    pointRelease = await fetchHypervisorPackage({
      package: PACKAGE,
      version: DEFAULT_DEBIAN_XEN_VERSION,
      cacheDir,
    });
  }, 600_000);

  it("names the security update's image, its xen.efi and its id as that version", async () => {
    const cacheDir = integrationCacheDir();
    const byImage = await identifyDebianHypervisor({ expected: security.image, cacheDir });
    expect(byImage).toMatchObject({
      package: PACKAGE,
      version: security.version,
      sourceVersion: security.version,
      suites: [securitySuite],
      boot: "multiboot",
    });
    const id = (await readHypervisorImage(security.image)).buildId!;
    expect((await identifyDebianHypervisor({ expected: id, cacheDir })).version).toBe(
      security.version,
    );
    const efi = await identifyDebianHypervisor({ expected: security.efi!, cacheDir });
    expect(efi).toMatchObject({ version: security.version, boot: "efi" });
    expect(efi.buildId).toMatch(/^[0-9a-f]{32}$/);
  }, 600_000);

  it("a run given the security update's image says so, and builds it or stops naming it", async () => {
    const outcome = await runPipeline({
      "xen-source": "debian",
      "expected-build-id": security.image,
    });
    expect(outcome.log).toContain(
      `your hypervisor is Debian's ${PACKAGE} ${security.version} (${securitySuite})`,
    );
    expectBuiltOrNamed(outcome, security.version, securitySuite);
  }, 1_800_000);

  it("a run given the point release's image builds 4.17.5+72, identical to it", async () => {
    const outcome = await runPipeline({
      "xen-source": "debian",
      "expected-build-id": pointRelease.image,
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.report.stages.find((s) => s.name === "source")?.detail).toContain(
      `your hypervisor is Debian's ${PACKAGE} ${DEFAULT_DEBIAN_XEN_VERSION} (bookworm)`,
    );
    expect(outcome.report.verdict).toBe("pass");
    expect(outcome.report.base!.source).toMatchObject({
      kind: "debian",
      version: DEFAULT_DEBIAN_XEN_VERSION,
    });
    expect(outcome.report.base!.reference).toMatchObject({
      kind: "expected-build-id",
      identical: true,
      buildId: (await readHypervisorImage(pointRelease.image)).buildId,
    });
  }, 1_800_000);

  it("an id no Debian package has names the versions checked and what to give instead", async () => {
    const error = await identifyDebianHypervisor({
      expected: "0".repeat(40),
      cacheDir: integrationCacheDir(),
    }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.message).toMatch(/^expected-build-id: no Debian xen-hypervisor-\*-amd64/);
    expect(error!.message).toContain(`${PACKAGE} ${security.version} (${securitySuite}): `);
    expect(error!.message).toContain(`${PACKAGE} ${DEFAULT_DEBIAN_XEN_VERSION} (bookworm): `);
    expect(error!.message).toContain("XLCI_DEBIAN_SUITES");
    expect(error!.message).toContain("give that build's source as xen-source");
  }, 600_000);
});
