// Publishing as the runner runs the bundled action: the real @actions/artifact client
// against the loopback results service, the real @actions/github client against a loopback
// REST API. The payloads are Xen's in-tree hello/bye pair from the cached base, given as
// prebuilt payloads, so each run only verifies, signs and publishes.
import { createHash, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Metadata } from "../../src/report/metadata.js";
import { type ResultsServer, startResultsServer } from "../helpers/actions-results-server.js";
import { type GitHubApiServer, startGitHubApiServer } from "../helpers/github-api-server.js";
import { minisignVerify } from "../helpers/minisign.js";
import { runAction } from "../helpers/run-action.js";
import { unzip } from "../helpers/zip.js";
import { getXenBase, integrationCacheDir } from "./xen-base.js";

const REPOSITORY = "xen-project/livepatches";
const tmp = () => mkdtempSync(join(tmpdir(), "xlci-publish-"));
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const key = generateKeyPairSync("ed25519")
  .privateKey.export({ format: "pem", type: "pkcs8" })
  .toString();

/** Every file below `dir`, by its path relative to it. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      files.set(relative(dir, path), readFileSync(path));
    }
  }
  return files;
}

let payloads: string[];
let xenSyms: string;
let results: ResultsServer;
let api: GitHubApiServer;

beforeAll(async () => {
  const base = await getXenBase();
  const pick = (name: string) => base.testPayloads.find((p) => p.endsWith(`/${name}.livepatch`))!;
  payloads = [pick("xen_hello_world"), pick("xen_bye_world")];
  xenSyms = base.xenSyms;
}, 900_000);

beforeEach(async () => {
  results = await startResultsServer({ blobUrls: "loopback" });
  api = await startGitHubApiServer(REPOSITORY);
});
afterEach(async () => {
  await results.close();
  await api.close();
});

/** The bundled action in a GitHub job of REPOSITORY, with both loopback services. */
async function action(inputs: Record<string, string>, env: Record<string, string> = {}) {
  const workspace = tmp();
  const run = await runAction(
    {
      payloads: payloads.join("\n"),
      "xen-syms": xenSyms,
      "github-token": api.token,
      ...inputs,
    },
    { workspace, runnerTemp: workspace },
    {
      XLCI_CACHE: integrationCacheDir(),
      ...results.runnerEnv(),
      GITHUB_API_URL: api.url,
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_RUN_ID: "4242",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_EVENT_NAME: "push",
      GITHUB_REF: "refs/tags/v1.0",
      GITHUB_SHA: "a".repeat(40),
      ...env,
    },
  );
  return { ...run, out: join(workspace, "xen-livepatch-out") };
}

describe("the workflow artifact", () => {
  it("uploads the signed output directory; the bytes that arrive are the bytes signed", async () => {
    const run = await action({
      "signing-key": key,
      upload: "artifact",
      "artifact-name": "xen livepatch: v1.0",
      "retention-days": "3",
    });
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.signed).toBe("true");
    const [artifact] = results.artifacts();
    expect(artifact).toMatchObject({ name: "xen livepatch- v1.0", finalized: true });
    expect(run.outputs["artifact-id"]).toBe(String(artifact!.id));
    const zip = results.blob(artifact!.blobPath)!;
    expect(run.outputs["artifact-digest"]).toBe(sha256(zip));
    expect(artifact!.hash).toBe(`sha256:${sha256(zip)}`);
    const days = (Date.parse(artifact!.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);

    // The zip holds exactly the output directory, byte for byte.
    const unpacked = unzip(zip);
    const arrived = tree(unpacked);
    const local = tree(run.out);
    expect([...arrived.keys()].sort()).toEqual([...local.keys()].sort());
    // All but report.json, which is written again once the publish stage is done.
    for (const [path, bytes] of local) {
      if (path !== "report.json") expect(arrived.get(path)!.equals(bytes), path).toBe(true);
    }
    const uploadedReport = JSON.parse(arrived.get("report.json")!.toString()) as {
      stages: Array<{ name: string; detail?: string }>;
    };
    expect(uploadedReport.stages.at(-1)).toMatchObject({
      name: "publish",
      detail: "in progress when this report was written",
    });
    // And what arrived verifies with the real minisign.
    const metadata = JSON.parse(arrived.get("metadata.json")!.toString()) as Metadata;
    expect(metadata.payloads.map((p) => p.file)).toEqual([
      "payloads/xen_hello_world.livepatch",
      "payloads/xen_bye_world.livepatch",
    ]);
    expect(metadata.workflowRun).toMatchObject({ runId: "4242", ref: "refs/tags/v1.0" });
    const pub = join(unpacked, "minisign.pub");
    for (const p of metadata.payloads)
      expect(minisignVerify(join(unpacked, p.file), pub).ok).toBe(true);
    expect(minisignVerify(join(unpacked, "metadata.json"), pub).ok).toBe(true);
    expect(run.summary).toContain(
      `<a href="https://github.com/${REPOSITORY}/actions/runs/4242/artifacts/${artifact!.id}">`,
    );
  }, 120_000);

  it("retries when the service fails for a while", async () => {
    results.failNext(2, 503);
    const run = await action({ upload: "artifact" });
    expect(run.status, run.stdout).toBe(0);
    const create = results.requests.filter((r) => r.operation === "CreateArtifact");
    expect(create.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(results.artifacts()[0]!.finalized).toBe(true);
  }, 120_000);

  it("fails the step when the service keeps failing, and leaves the files in the output directory", async () => {
    results.failWith(503);
    const run = await action({ "signing-key": key, upload: "artifact" });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*uploading the artifact xen-livepatch failed.*files are still in/,
    );
    expect(results.requests.filter((r) => r.operation === "CreateArtifact").length).toBeGreaterThan(
      1,
    );
    expect(existsSync(join(run.out, "metadata.json.minisig"))).toBe(true);
    expect(existsSync(join(run.out, "payloads", "xen_bye_world.livepatch.minisig"))).toBe(true);
    const report = JSON.parse(readFileSync(join(run.out, "report.json"), "utf8")) as {
      stages: Array<{ name: string; status: string }>;
    };
    expect(report.stages.at(-1)).toMatchObject({ name: "publish", status: "failed" });
    expect(run.summary).toContain("Xen livepatch: FAIL");
  }, 180_000);
});

describe("release assets", () => {
  it("attaches the signed files to the tag's existing release, replacing stale ones", async () => {
    const release = api.addRelease("v1.0", [{ name: "metadata.json", data: Buffer.from("old") }]);
    const run = await action({ "signing-key": key, upload: "release" });
    expect(run.status, run.stdout).toBe(0);
    const names = release.assets.map((a) => a.name).sort();
    expect(names).toEqual(
      [
        "findings.sarif",
        "metadata.json",
        "metadata.json.minisig",
        "minisign.pub",
        "xen_bye_world.livepatch",
        "xen_bye_world.livepatch.minisig",
        "xen_hello_world.livepatch",
        "xen_hello_world.livepatch.minisig",
      ].sort(),
    );
    const local = tree(run.out);
    for (const a of release.assets) {
      const path = [...local.keys()].find((p) => p.split("/").at(-1) === a.name)!;
      expect(a.data.equals(local.get(path)!), a.name).toBe(true);
    }
    expect(api.releases()).toHaveLength(1);
    expect(run.outputs["release-url"]).toContain("/releases/tag/v1.0");
    expect(run.summary).toContain("Release v1.0");
    expect(results.artifacts()).toEqual([]);
  }, 120_000);

  it("creates the release when the tag has none, and makes none off a tag", async () => {
    const tagged = await action({ "signing-key": key, upload: "both" });
    expect(tagged.status, tagged.stdout).toBe(0);
    const [created] = api.releases();
    expect(created).toMatchObject({ tag: "v1.0", name: "v1.0" });
    expect(created!.body).toContain("minisign");
    expect(created!.assets).toHaveLength(8);

    const branch = await action(
      { "signing-key": key, upload: "both", "artifact-name": "branch" },
      { GITHUB_REF: "refs/heads/main" },
    );
    expect(branch.status, branch.stdout).toBe(0);
    expect(api.releases()).toHaveLength(1);
    expect(branch.summary).toContain("no release: refs/heads/main is not a tag");
  }, 120_000);
});

describe("untrusted events and permissions", () => {
  it("publishes unsigned from a fork's pull request, and says so", async () => {
    const dir = tmp();
    const event = join(dir, "event.json");
    writeFileSync(
      event,
      JSON.stringify({
        pull_request: {
          head: { repo: { full_name: "someone/livepatches", fork: true } },
          base: { repo: { full_name: REPOSITORY } },
        },
      }),
    );
    const run = await action(
      { "signing-key": key, upload: "artifact" },
      {
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: event,
        GITHUB_REF: "refs/pull/3/merge",
      },
    );
    expect(run.status, run.stdout).toBe(0);
    expect(run.outputs.signed).toBe("false");
    expect(run.summary).toContain("fork someone/livepatches is not trusted with the signing key");
    const local = tree(run.out);
    expect([...local.keys()].filter((p) => p.endsWith(".minisig") || p.endsWith(".pub"))).toEqual(
      [],
    );
    const metadata = JSON.parse(local.get("metadata.json")!.toString()) as Metadata;
    expect(metadata.signing).toMatchObject({ status: "unsigned" });
    expect(results.artifacts()[0]!.finalized).toBe(true);
  }, 120_000);

  it("masks the signing key in the log", async () => {
    const run = await action({ "signing-key": key });
    expect(run.status, run.stdout).toBe(0);
    for (const line of key.split("\n").filter((l) => l && !l.startsWith("-----")))
      expect(run.stdout).toContain(`::add-mask::${line}`);
  }, 120_000);

  it("attest: true without the id-token permission fails with what to add", async () => {
    const run = await action({ attest: "true" });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/::error::attest: .*permissions: id-token: write/);
  }, 120_000);
});
