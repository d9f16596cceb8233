// githubCache runs the real @actions/cache client (tar, zstd, the Twirp client, the Azure
// Storage SDK) against a loopback results service, with the variables a runner gives a
// JavaScript action. Only the remote service is stood in for; the client is the one the
// action bundles.
import { randomBytes } from "node:crypto";
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  baseCacheKey,
  githubCache,
  localCache,
  type DirectoryCache,
} from "../../src/util/cache.js";
import type { Logger } from "../../src/util/logger.js";
import {
  startResultsServer,
  type RecordedRequest,
  type ResultsServer,
} from "../helpers/actions-results-server.js";

const MiB = 1024 * 1024;

/** A Logger that keeps what it is told. */
function recordingLogger() {
  const infos: string[] = [];
  const warnings: string[] = [];
  const log: Logger = {
    info: (m) => void infos.push(m),
    warning: (m) => void warnings.push(m),
    console: () => undefined,
    group: (_title, fn) => fn(),
  };
  return { log, infos, warnings };
}

interface Node {
  readonly type: "file" | "dir" | "symlink";
  readonly mode: number;
  readonly content?: Buffer;
  readonly target?: string;
}

/** Every entry under `root`, with file bytes and link targets. */
async function snapshot(root: string): Promise<Map<string, Node>> {
  const nodes = new Map<string, Node>();
  const walk = async (dir: string): Promise<void> => {
    for (const name of (await readdir(dir)).sort()) {
      const path = join(dir, name);
      const rel = relative(root, path);
      const st = await lstat(path);
      const mode = st.mode & 0o777;
      if (st.isSymbolicLink())
        nodes.set(rel, { type: "symlink", mode: 0, target: await readlink(path) });
      else if (st.isDirectory()) {
        nodes.set(rel, { type: "dir", mode });
        await walk(path);
      } else nodes.set(rel, { type: "file", mode, content: await readFile(path) });
    }
  };
  await walk(root);
  return nodes;
}

/** A small build tree: text, a 5 MiB incompressible file, an empty file, a symlink. */
async function makeTree(root: string): Promise<void> {
  await mkdir(join(root, "xen", "xen"), { recursive: true });
  await mkdir(join(root, "xen", "empty-dir"), { recursive: true });
  await writeFile(join(root, "xen", ".config"), "CONFIG_LIVEPATCH=y\nCONFIG_X86_64=y\n");
  await writeFile(join(root, "xen", "xen", "xen-syms"), randomBytes(5 * MiB));
  await writeFile(join(root, "xen", "xen", "build-id"), "");
  await writeFile(join(root, "xen", "xen", "mkelf32"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  await symlink("xen/xen-syms", join(root, "xen", "xen-syms.link"));
}

/**
 * Asserts that `root` holds exactly what `before` recorded. File contents are compared
 * with Buffer.equals: a deep equality walks 5 MiB byte by byte, slowly.
 */
async function expectTree(root: string, before: Map<string, Node>): Promise<void> {
  const after = await snapshot(root);
  const shape = (nodes: Map<string, Node>) =>
    [...nodes].map(([path, { type, mode, target, content }]) => ({
      path,
      type,
      mode,
      target,
      size: content?.length,
    }));
  expect(shape(after)).toEqual(shape(before));
  for (const [path, node] of before) {
    if (node.content) expect(after.get(path)?.content?.equals(node.content), path).toBe(true);
  }
}

const twirpCalls = (requests: RecordedRequest[]) =>
  requests.filter((r) => r.api === "twirp").map((r) => r.operation);

/** Sets the runner's variables for `server`; undone by vi.unstubAllEnvs. */
function stubRunnerEnv(server: ResultsServer, runnerTemp: string, workspace: string): void {
  for (const [name, value] of Object.entries(server.runnerEnv())) vi.stubEnv(name, value);
  vi.stubEnv("RUNNER_TEMP", runnerTemp);
  vi.stubEnv("GITHUB_WORKSPACE", workspace);
  vi.stubEnv("RUNNER_DEBUG", undefined);
}

/**
 * Settles `promise` while fake time runs: the client sleeps seconds between retries of a
 * failing call, which the fake clock skips. Bounded: at most 2000 rounds of 10 ms real time.
 */
async function withFastClock<T>(promise: Promise<T>): Promise<T> {
  const realSetTimeout = globalThis.setTimeout;
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  try {
    for (let round = 0; round < 2000 && !settled; round++) {
      await new Promise((resolve) => realSetTimeout(resolve, 10));
      await vi.advanceTimersByTimeAsync(1000);
    }
  } finally {
    vi.useRealTimers();
  }
  return tracked;
}

describe("githubCache against a loopback results service", () => {
  let root: string;
  let runnerTemp: string;
  let workspace: string;
  let cacheDir: string;
  let server: ResultsServer;
  let stdout: string[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "xlci-github-cache-"));
    runnerTemp = join(root, "runner-temp");
    workspace = join(root, "workspace");
    await mkdir(runnerTemp, { recursive: true });
    await mkdir(workspace, { recursive: true });
    // Where the action keeps its cache on a runner (src/index.ts): outside the workspace.
    cacheDir = join(runnerTemp, "xen-livepatch-ci-cache");
  });

  beforeEach(async () => {
    server = await startResultsServer();
    stubRunnerEnv(server, runnerTemp, workspace);
    // The client reports through @actions/core, i.e. workflow commands on stdout.
    stdout = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      stdout.push(String(chunk));
      return true;
    });
    await rm(cacheDir, { recursive: true, force: true });
  });

  afterEach(async (context) => {
    vi.restoreAllMocks();
    // What the client said is swallowed above; a failing test shows it.
    if (context.task.result?.state === "fail") process.stderr.write(stdout.join(""));
    vi.unstubAllEnvs();
    await server.close();
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const key = baseCacheKey({ platform: "linux", arch: "x64", buildKey: "4.19.1-abc123" });
  const paths = () => [join(cacheDir, "base")];

  async function saveTree(cache: DirectoryCache): Promise<Map<string, Node>> {
    await makeTree(join(cacheDir, "base"));
    const before = await snapshot(join(cacheDir, "base"));
    await cache.save(paths(), key);
    await rm(join(cacheDir, "base"), { recursive: true });
    return before;
  }

  it("saves a tree and restores it byte for byte by its exact key", async () => {
    const { log, infos, warnings } = recordingLogger();
    const cache = githubCache(log);
    expect(cache.kind).toBe("github");

    const before = await saveTree(cache);
    expect(warnings).toEqual([]);
    expect(infos).toContain(`Cache: saved ${key}.`);
    expect(twirpCalls(server.requests)).toEqual(["CreateCacheEntry", "FinalizeCacheEntryUpload"]);
    // An archive under 128 MiB goes up in one Put Blob, through the storage SDK.
    expect(server.requests.filter((r) => r.api === "blob").map((r) => r.operation)).toEqual([
      "PutBlob",
    ]);
    const create = server.requests.find((r) => r.operation === "CreateCacheEntry");
    expect(create?.headers.authorization).toBe(`Bearer ${server.runtimeToken}`);
    expect(create?.body).toEqual({
      key,
      version: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    const [entry] = server.entries();
    expect(entry).toMatchObject({ key, finalized: true });
    // zstd makes random bytes no smaller: the archive holds the 5 MiB file.
    expect(entry?.sizeBytes).toBeGreaterThan(5 * MiB);

    server.requests.length = 0;
    expect(await cache.restore(paths(), key)).toBe(key);
    await expectTree(join(cacheDir, "base"), before);
    expect(infos).toContain(`Cache: restored ${key}.`);
    expect(warnings).toEqual([]);

    const lookup = server.requests.find((r) => r.operation === "GetCacheEntryDownloadURL");
    expect(lookup?.body).toEqual({ key, version: (create?.body as { version: string }).version });
    // The download is the SDK's: the blob's properties, then 4 MiB ranges.
    const blobRequests = server.requests.filter((r) => r.api === "blob");
    expect(blobRequests.map((r) => r.operation)).toEqual([
      "GetBlobProperties",
      "GetBlob",
      "GetBlob",
    ]);
    const size = entry?.sizeBytes ?? 0;
    expect(
      blobRequests
        .slice(1)
        .map((r) => r.headers["x-ms-range"])
        .sort(),
    ).toEqual([`bytes=0-${4 * MiB - 1}`, `bytes=${4 * MiB}-${size - 1}`].sort());
  });

  it("restores the newest entry for a restore-key prefix", async () => {
    const { log, infos, warnings } = recordingLogger();
    const cache = githubCache(log);
    const before = await saveTree(cache);

    const otherBuild = baseCacheKey({ platform: "linux", arch: "x64", buildKey: "4.19.2-def456" });
    const prefix = "xen-livepatch-ci-base-linux-x64-";
    expect(await cache.restore(paths(), otherBuild, [prefix])).toBe(key);
    await expectTree(join(cacheDir, "base"), before);
    expect(infos).toContain(`Cache: restored ${key}, a partial match for ${otherBuild}.`);
    expect(warnings).toEqual([]);
    const lookup = server.requests.find((r) => r.operation === "GetCacheEntryDownloadURL");
    expect(lookup?.body).toMatchObject({ key: otherBuild, restore_keys: [prefix] });
  });

  it("returns undefined on a miss and restores nothing", async () => {
    const { log, infos, warnings } = recordingLogger();
    const cache = githubCache(log);
    await saveTree(cache);

    const missing = baseCacheKey({ platform: "linux", arch: "arm64", buildKey: "4.19.1-abc123" });
    expect(
      await cache.restore(paths(), missing, ["xen-livepatch-ci-base-linux-arm64-"]),
    ).toBeUndefined();
    // Same key, other paths: another version, which the service keeps apart.
    expect(await cache.restore([join(cacheDir, "elsewhere")], key)).toBeUndefined();
    await expect(lstat(join(cacheDir, "base"))).rejects.toThrow(/ENOENT/);
    expect(warnings).toEqual([]);
    expect(infos.filter((m) => m.startsWith("Cache: nothing restored"))).toHaveLength(2);
    expect(server.requests.filter((r) => r.api === "blob")).toHaveLength(1); // the save's
  });

  it("warns, and does not throw, when the key exists already", async () => {
    const { log, warnings } = recordingLogger();
    const cache = githubCache(log);
    await saveTree(cache);
    await makeTree(join(cacheDir, "base"));

    await expect(cache.save(paths(), key)).resolves.toBe(false);
    const second = server.requests.filter((r) => r.operation === "CreateCacheEntry")[1];
    expect(second?.status).toBe(409);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/was not saved \(the key exists already/);
    expect(server.entries()).toHaveLength(1);
  });

  it("warns, and does not throw, when the service answers 500", async () => {
    const { log, warnings } = recordingLogger();
    const cache = githubCache(log);
    await makeTree(join(cacheDir, "base"));
    server.failWith(500);

    await expect(withFastClock(cache.save(paths(), key))).resolves.toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/was not saved/);

    await rm(join(cacheDir, "base"), { recursive: true });
    await expect(withFastClock(cache.restore(paths(), key))).resolves.toBeUndefined();
    // The client retries a 500 (five attempts in all), then gives up with a warning
    // annotation of its own.
    expect(twirpCalls(server.requests)).toEqual([
      ...Array<string>(5).fill("CreateCacheEntry"),
      ...Array<string>(5).fill("GetCacheEntryDownloadURL"),
    ]);
    expect(server.requests.every((r) => r.status === 500)).toBe(true);
    expect(stdout.join("")).toMatch(/^::warning::Failed to restore: .*500/m);
  });

  it("warns when the step was given no cache service", async () => {
    vi.stubEnv("ACTIONS_RESULTS_URL", undefined);
    const { log, warnings } = recordingLogger();
    const cache = githubCache(log);
    await makeTree(join(cacheDir, "base"));

    expect(await cache.restore(paths(), key)).toBeUndefined();
    await cache.save(paths(), key);
    expect(warnings).toEqual([
      `Cache: GitHub's cache service is not available to this step; not restoring ${key}.`,
      `Cache: GitHub's cache service is not available to this step; not saving ${key}.`,
    ]);
    expect(server.requests).toEqual([]);
  });

  it("uploads an archive over 128 MiB in blocks and downloads it in segments", async () => {
    const { log, warnings } = recordingLogger();
    const cache = githubCache(log);
    // Past the client's single-shot limit (128 MiB) and the SDK's download segment
    // (128 MiB): random bytes, so that zstd cannot shrink the archive below it.
    const big = join(cacheDir, "big");
    await mkdir(big, { recursive: true });
    for (let part = 0; part < 3; part++)
      await writeFile(join(big, `part${part}`), randomBytes(43 * MiB));
    const before = await snapshot(big);
    await cache.save([big], key);
    await rm(big, { recursive: true });
    expect(await cache.restore([big], key)).toBe(key);
    await expectTree(big, before);
    expect(warnings).toEqual([]);

    const size = server.entries()[0]?.sizeBytes ?? 0;
    expect(size).toBeGreaterThan(128 * MiB);
    const uploads = server.requests.filter((r) => r.operation.startsWith("Put"));
    // 64 MiB blocks (the client's chunk size for the v2 service), sent concurrently, then
    // the list that puts them in order.
    expect(uploads.map((r) => r.operation)).toEqual([
      "PutBlock",
      "PutBlock",
      "PutBlock",
      "PutBlockList",
    ]);
    expect(
      uploads
        .slice(0, 3)
        .map((r) => r.bodyBytes)
        .sort((a, b) => b - a),
    ).toEqual([64 * MiB, 64 * MiB, size - 128 * MiB]);
    const ranges = server.requests.filter((r) => r.operation === "GetBlob");
    expect(ranges).toHaveLength(Math.ceil(128 / 4) + 1);
  });

  it("downloads with a plain GET when the signed URL is not a storage account's", async () => {
    await server.close();
    server = await startResultsServer({ blobUrls: "loopback" });
    stubRunnerEnv(server, runnerTemp, workspace);
    const { log, warnings } = recordingLogger();
    const cache = githubCache(log);

    const before = await saveTree(cache);
    expect(await cache.restore(paths(), key)).toBe(key);
    await expectTree(join(cacheDir, "base"), before);
    expect(warnings).toEqual([]);
    const blobRequests = server.requests.filter((r) => r.api === "blob");
    expect(
      blobRequests.map((r) => [r.operation, r.headers["x-ms-range"] ?? r.headers.range]),
    ).toEqual([
      ["PutBlob", undefined],
      ["GetBlob", undefined],
    ]);
  });
});

// The pure half of src/util/cache.ts, next to the service test that uses it.
describe("baseCacheKey and localCache", () => {
  it("builds the base build's key from platform, arch and build key", () => {
    expect(baseCacheKey({ platform: "linux", arch: "x64", buildKey: "4.19.1-abc123" })).toBe(
      "xen-livepatch-ci-base-linux-x64-4.19.1-abc123",
    );
  });

  it("refuses what the service cannot store", () => {
    expect(() => baseCacheKey({ platform: "linux", arch: "", buildKey: "k" })).toThrow(
      /arch is empty/,
    );
    expect(() => baseCacheKey({ platform: "linux", arch: "x64", buildKey: "a,b" })).toThrow(
      /comma/,
    );
    expect(() =>
      baseCacheKey({ platform: "linux", arch: "x64", buildKey: "k".repeat(500) }),
    ).toThrow(/limit is 512/);
  });

  it("the local cache restores nothing and saves nothing", async () => {
    const cache = localCache();
    expect(cache.kind).toBe("local");
    expect(await cache.restore(["/nonexistent"], "k", ["k-"])).toBeUndefined();
    await expect(cache.save(["/nonexistent"], "k")).resolves.toBe(false);
  });
});
