/**
 * A loopback stand-in for GitHub's Actions results service, as far as the cache client
 * (@actions/cache, cache service v2) and the artifact client (@actions/artifact 6) use it,
 * so tests run the real clients end to end.
 *
 * Two protocols, both as the clients speak them:
 *
 * - Twirp JSON at `<ACTIONS_RESULTS_URL>twirp/github.actions.results.api.v1.CacheService/`:
 *   CreateCacheEntry (reserve key+version, answer a signed upload URL),
 *   FinalizeCacheEntryUpload (the blob is complete; the entry becomes visible) and
 *   GetCacheEntryDownloadURL (exact key, then key prefix, then each restore key exactly and
 *   as a prefix, newest first; only entries of the same version). Requests must carry
 *   `Authorization: Bearer <runtime token>`; a second CreateCacheEntry for a key and
 *   version is the service's 409 `already_exists`.
 *   The artifact service at `.../ArtifactService/`: CreateArtifact (a name unique in the
 *   run, a signed upload URL) and FinalizeArtifact (size and sha256 checked against the
 *   blob; answers the artifact id); both must name the run and job of the runtime token.
 *
 * - Azure Blob Storage REST on the signed URLs: Put Blob, Put Block and Put Block List to
 *   upload; Get Blob Properties (HEAD) and Get Blob with `x-ms-range`/`Range` (and
 *   `If-Match`) to download. The signature (`sig`) and permissions (`sp`) in the URL are
 *   checked, blobs live in memory.
 *
 * The client downloads with the Azure SDK only when the URL's host is a storage account
 * (`*.blob.core.windows.net`) and falls back to a plain GET otherwise. With
 * `blobUrls: "storage-account"` (the default) the server signs URLs for such a host and
 * serves them as an HTTP proxy: `runnerEnv()` sets HTTP(S)_PROXY to it, the way a runner
 * behind a proxy is configured, so the client takes the same path it takes on GitHub and
 * no request leaves the machine. With `blobUrls: "loopback"` the URLs are path-style
 * (`http://127.0.0.1:<port>/<account>/<container>/<blob>`, as the Azurite emulator uses).
 *
 * Every request is recorded (operation, headers, Twirp body, status) for assertions, and
 * `failWith(status)` makes every answer an error from then on.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

const CACHE_SERVICE = "github.actions.results.api.v1.CacheService";
const ARTIFACT_SERVICE = "github.actions.results.api.v1.ArtifactService";
/** The run and job the runtime token names (its `Actions.Results:<run>:<job>` scope). */
const RUN_BACKEND_ID = "run-1";
const JOB_BACKEND_ID = "job-1";
/** The storage account and container the signed URLs name. */
const ACCOUNT = "resultsloopback";
const CONTAINER = "actions-cache";
const ARTIFACT_CONTAINER = "actions-results";
const STORAGE_HOST_SUFFIX = ".blob.core.windows.net";
const STORAGE_HOST = `${ACCOUNT}${STORAGE_HOST_SUFFIX}`;

export type BlobOperation =
  "PutBlob" | "PutBlock" | "PutBlockList" | "GetBlobProperties" | "GetBlob";

export interface RecordedRequest {
  readonly method: string;
  /** The request target as received: absolute (`http://host/...`) when proxied. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** "twirp" for the results service, "blob" for the storage account. */
  readonly api: "twirp" | "blob" | "unknown";
  /** The Twirp method (CreateCacheEntry, ...) or the Blob operation (PutBlob, ...). */
  readonly operation: string;
  /** The parsed JSON body of a Twirp call. */
  readonly body?: unknown;
  readonly bodyBytes: number;
  /** What the server answered. */
  status: number;
}

export interface CacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  /** `<container>/<blob>`: where the archive lives in the storage account. */
  readonly blobPath: string;
  finalized: boolean;
  sizeBytes?: number;
}

export interface ArtifactEntry {
  readonly id: number;
  readonly name: string;
  /** `<container>/<blob>`: where the zip lives in the storage account. */
  readonly blobPath: string;
  readonly expiresAt?: string;
  readonly mimeType?: string;
  finalized: boolean;
  sizeBytes?: number;
  /** `sha256:<hex>` of the uploaded zip. */
  hash?: string;
}

export interface ResultsServerOptions {
  /** How signed URLs reach this server; see the module comment. */
  blobUrls?: "storage-account" | "loopback";
}

export interface ResultsServer {
  /** ACTIONS_RESULTS_URL, with the trailing slash the runner gives it. */
  readonly url: string;
  /** ACTIONS_RUNTIME_TOKEN: an unsigned JWT with the claims the runner's token carries. */
  readonly runtimeToken: string;
  /**
   * The variables a runner gives a JavaScript action for this service. An undefined
   * value means "unset" (a variable that would change the client's path if inherited).
   */
  runnerEnv(): Record<string, string | undefined>;
  readonly requests: RecordedRequest[];
  /** Cache entries in creation order, finalized or not. */
  entries(): CacheEntry[];
  /** The committed bytes of a blob (`<container>/<blob>`), if any. */
  blob(blobPath: string): Buffer | undefined;
  /** From now on answer every request with this status (undefined: serve normally). */
  failWith(status: number | undefined): void;
  /** Answer the next `count` requests (of any kind) with this status, then serve again. */
  failNext(count: number, status: number): void;
  /** Artifacts in creation order, finalized or not. */
  artifacts(): ArtifactEntry[];
  close(): Promise<void>;
}

interface StoredBlob {
  readonly data: Buffer;
  readonly etag: string;
  readonly lastModified: Date;
  /** The blocks the data was committed from, by id (Put Block List's "Committed"). */
  readonly blocks: Map<string, Buffer>;
}

/** A signed URL's grant: which blob, which permissions ("r" read; "c", "w" write). */
interface Grant {
  readonly sig: string;
  readonly permissions: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TWIRP_CODES: Record<number, string> = {
  400: "invalid_argument",
  401: "unauthenticated",
  403: "permission_denied",
  404: "not_found",
  409: "already_exists",
  429: "resource_exhausted",
  500: "internal",
  503: "unavailable",
};

export async function startResultsServer(
  options: ResultsServerOptions = {},
): Promise<ResultsServer> {
  const blobUrls = options.blobUrls ?? "storage-account";
  const requests: RecordedRequest[] = [];
  const entries: CacheEntry[] = [];
  const blobs = new Map<string, StoredBlob>();
  /** Put Block's blocks, by blob and block id, until Put Block List commits them. */
  const staged = new Map<string, Map<string, Buffer>>();
  const grants = new Map<string, Grant[]>();
  const runtimeToken = makeRuntimeToken();
  let failure: number | undefined;
  const pendingFailures: number[] = [];
  const artifacts: ArtifactEntry[] = [];
  let origin = "";

  const server = createServer((req, res) => {
    void collect(req).then(
      (body) => handle(req, res, body),
      () => res.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const method = req.method ?? "GET";
    const target = req.url ?? "/";
    // A proxied request carries the absolute URL; a direct one only the path.
    const url = new URL(target, origin);
    const proxied = /^https?:\/\//i.test(target);
    const service = [CACHE_SERVICE, ARTIFACT_SERVICE].find((name) =>
      url.pathname.startsWith(`/twirp/${name}/`),
    );
    const rpc = !proxied && service ? url.pathname.slice(`/twirp/${service}/`.length) : undefined;
    const blobPath = rpc === undefined ? blobPathOf(url, proxied) : undefined;
    const record: RecordedRequest = {
      method,
      url: target,
      headers: req.headers,
      api: rpc !== undefined ? "twirp" : blobPath !== undefined ? "blob" : "unknown",
      operation: rpc ?? (blobPath !== undefined ? (blobOperation(method, url) ?? "") : ""),
      body: rpc !== undefined ? parseJson(body) : undefined,
      bodyBytes: body.length,
      status: 0,
    };
    requests.push(record);
    const answer = (status: number, headers: Record<string, string>, payload?: Buffer) => {
      record.status = status;
      // HEAD keeps the Content-Length of the blob it describes.
      res.writeHead(status, { "Content-Length": String(payload?.length ?? 0), ...headers });
      res.end(method === "HEAD" ? undefined : payload);
    };

    if (rpc !== undefined) {
      try {
        failIfAsked("");
        const reply =
          service === ARTIFACT_SERVICE
            ? artifactTwirp(method, req.headers, rpc, record.body)
            : twirp(method, req.headers, rpc, record.body);
        answer(200, { "Content-Type": "application/json" }, Buffer.from(JSON.stringify(reply)));
      } catch (error) {
        const { status, message } = asHttpError(error);
        const twirpError = { code: TWIRP_CODES[status] ?? "unknown", msg: message };
        answer(
          status,
          { "Content-Type": "application/json" },
          Buffer.from(JSON.stringify(twirpError)),
        );
      }
    } else if (blobPath !== undefined) {
      try {
        failIfAsked("InternalError");
        const reply = blobRequest(method, url, req.headers, blobPath, body);
        answer(reply.status, reply.headers, reply.body);
      } catch (error) {
        const { status, code, message } = asHttpError(error);
        const xml = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`;
        answer(
          status,
          { "Content-Type": "application/xml", "x-ms-error-code": code },
          Buffer.from(xml),
        );
      }
    } else {
      const text = `no such endpoint: ${method} ${target}\n`;
      answer(404, { "Content-Type": "text/plain" }, Buffer.from(text));
    }
  }

  // --- the results service (Twirp JSON) -------------------------------------------------

  /** failWith() answers every request with an error; failNext() only the next few. */
  function failIfAsked(code: string): void {
    if (failure !== undefined) throw new HttpError(failure, code, `failing with ${failure}`);
    const next = pendingFailures.shift();
    if (next !== undefined) throw new HttpError(next, code, `failing once with ${next}`);
  }

  /** The checks every Twirp call passes: POST, JSON, the runtime token, an object body. */
  function twirpFields(method: string, headers: IncomingHttpHeaders, body: unknown) {
    if (method !== "POST") throw new HttpError(404, "", `Twirp takes POST, not ${method}`);
    if (!String(headers["content-type"]).startsWith("application/json")) {
      throw new HttpError(404, "", `unexpected Content-Type ${String(headers["content-type"])}`);
    }
    if (headers.authorization !== `Bearer ${runtimeToken}`) {
      throw new HttpError(401, "", "missing or wrong bearer token");
    }
    if (typeof body !== "object" || body === null)
      throw new HttpError(400, "", "the body is not a JSON object");
    return body as Record<string, unknown>;
  }

  /**
   * The artifact service (version 7 artifacts, one zip per artifact): CreateArtifact
   * reserves a name in the job's run and answers a signed upload URL; FinalizeArtifact
   * checks the blob's size and sha256 against what the client announces and gives the
   * artifact its id. Names are unique within a run (409 `already_exists`).
   */
  function artifactTwirp(
    method: string,
    headers: IncomingHttpHeaders,
    rpc: string,
    body: unknown,
  ): object {
    const fields = twirpFields(method, headers, body);
    const run = stringField(fields, "workflow_run_backend_id");
    const job = stringField(fields, "workflow_job_run_backend_id");
    if (run !== RUN_BACKEND_ID || job !== JOB_BACKEND_ID)
      throw new HttpError(403, "", `run ${run} / job ${job} is not the token's`);
    const name = stringField(fields, "name");
    switch (rpc) {
      case "CreateArtifact": {
        if (fields.version !== 7) throw new HttpError(400, "", "only version 7 artifacts");
        if (artifacts.some((a) => a.name === name))
          throw new HttpError(409, "", `an artifact named ${name} already exists in this run`);
        const id = artifacts.length + 1;
        const artifact: ArtifactEntry = {
          id,
          name,
          blobPath: `${ARTIFACT_CONTAINER}/${RUN_BACKEND_ID}/${id}/${name}.zip`,
          finalized: false,
          ...(typeof fields.expires_at === "string" ? { expiresAt: fields.expires_at } : {}),
          ...(typeof fields.mime_type === "string" ? { mimeType: fields.mime_type } : {}),
        };
        artifacts.push(artifact);
        return { ok: true, signed_upload_url: sign(artifact.blobPath, "cw") };
      }
      case "FinalizeArtifact": {
        const artifact = artifacts.find((a) => a.name === name && !a.finalized);
        if (!artifact) throw new HttpError(404, "", `no artifact ${name} is being uploaded`);
        const stored = blobs.get(artifact.blobPath);
        if (!stored) throw new HttpError(400, "", `nothing was uploaded for ${name}`);
        const size = Number(fields.size);
        if (stored.data.length !== size)
          throw new HttpError(400, "", `${stored.data.length} bytes uploaded, ${size} announced`);
        const hash = `sha256:${createHash("sha256").update(stored.data).digest("hex")}`;
        if (fields.hash !== undefined && fields.hash !== hash)
          throw new HttpError(
            400,
            "",
            `uploaded ${hash}, announced ${JSON.stringify(fields.hash)}`,
          );
        artifact.finalized = true;
        artifact.sizeBytes = size;
        artifact.hash = hash;
        return { ok: true, artifact_id: String(artifact.id) };
      }
      default:
        throw new HttpError(404, "", `no method ${rpc}`);
    }
  }

  function twirp(method: string, headers: IncomingHttpHeaders, rpc: string, body: unknown): object {
    const fields = twirpFields(method, headers, body);
    const key = stringField(fields, "key");
    const version = stringField(fields, "version");
    switch (rpc) {
      case "CreateCacheEntry": {
        if (entries.some((e) => e.key === key && e.version === version)) {
          throw new HttpError(
            409,
            "",
            "cache entry with the same key, version, and scope already exists",
          );
        }
        const id = entries.length + 1;
        const entry: CacheEntry = {
          id,
          key,
          version,
          blobPath: `${CONTAINER}/${id}`,
          finalized: false,
        };
        entries.push(entry);
        return { ok: true, signed_upload_url: sign(entry.blobPath, "cw") };
      }
      case "FinalizeCacheEntryUpload": {
        const entry = entries.find((e) => e.key === key && e.version === version && !e.finalized);
        if (!entry) throw new HttpError(404, "", `no cache entry is being uploaded for ${key}`);
        const size = Number(fields.size_bytes);
        const stored = blobs.get(entry.blobPath);
        if (!stored) return { ok: false, message: `nothing was uploaded for ${key}` };
        if (stored.data.length !== size) {
          return {
            ok: false,
            message: `${key}: ${stored.data.length} bytes uploaded, ${size} announced`,
          };
        }
        entry.finalized = true;
        entry.sizeBytes = size;
        return { ok: true, entry_id: String(entry.id) };
      }
      case "GetCacheEntryDownloadURL": {
        const restoreKeys = fields.restore_keys ?? [];
        if (!Array.isArray(restoreKeys) || !restoreKeys.every((k) => typeof k === "string")) {
          throw new HttpError(400, "", "restore_keys is not a list of strings");
        }
        const entry = lookup(key, restoreKeys, version);
        if (!entry) return { ok: false, signed_download_url: "", matched_key: "" };
        return { ok: true, signed_download_url: sign(entry.blobPath, "r"), matched_key: entry.key };
      }
      default:
        throw new HttpError(404, "", `no method ${rpc}`);
    }
  }

  /** The service's matching order: exact key, key prefix, then each restore key alike. */
  function lookup(key: string, restoreKeys: string[], version: string): CacheEntry | undefined {
    // Newest first, so a prefix match takes the most recent entry.
    const visible = entries.filter((e) => e.finalized && e.version === version).reverse();
    for (const wanted of [key, ...restoreKeys]) {
      const hit =
        visible.find((e) => e.key === wanted) ?? visible.find((e) => e.key.startsWith(wanted));
      if (hit) return hit;
    }
    return undefined;
  }

  function sign(blobPath: string, permissions: string): string {
    const sig = randomBytes(32).toString("base64");
    grants.set(blobPath, [...(grants.get(blobPath) ?? []), { sig, permissions }]);
    const expiry = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, "Z");
    const query = new URLSearchParams({
      sv: "2024-08-04",
      se: expiry,
      sr: "b",
      sp: permissions,
      sig,
    });
    const base = blobUrls === "storage-account" ? `http://${STORAGE_HOST}` : `${origin}/${ACCOUNT}`;
    return `${base}/${blobPath}?${query.toString()}`;
  }

  // --- the storage account (Azure Blob REST) --------------------------------------------

  /** `<container>/<blob>` of a blob request, or undefined when it is not one. */
  function blobPathOf(url: URL, proxied: boolean): string | undefined {
    let path: string;
    if (proxied) {
      if (url.hostname !== STORAGE_HOST) return undefined;
      path = url.pathname;
    } else {
      const prefix = `/${ACCOUNT}/`;
      if (!url.pathname.startsWith(prefix)) return undefined;
      path = url.pathname.slice(prefix.length - 1);
    }
    const match = /^\/([^/]+)\/(.+)$/.exec(path);
    return match ? `${match[1]}/${decodeURIComponent(match[2] ?? "")}` : undefined;
  }

  function blobRequest(
    method: string,
    url: URL,
    headers: IncomingHttpHeaders,
    blobPath: string,
    body: Buffer,
  ): { status: number; headers: Record<string, string>; body?: Buffer } {
    const operation = blobOperation(method, url);
    if (!operation)
      throw new HttpError(400, "UnsupportedHttpVerb", `${method} ${url.search} is not supported`);
    authorize(url, blobPath, operation.startsWith("Put") ? "w" : "r");
    const common = {
      "x-ms-request-id": randomBytes(16).toString("hex"),
      "x-ms-version": "2024-08-04",
      Date: new Date().toUTCString(),
    };
    const written = (stored: StoredBlob) => ({
      status: 201,
      headers: {
        ...common,
        ETag: stored.etag,
        "Last-Modified": stored.lastModified.toUTCString(),
        "x-ms-request-server-encrypted": "true",
      },
    });

    switch (operation) {
      case "PutBlob": {
        if (headers["x-ms-blob-type"] !== "BlockBlob") {
          throw new HttpError(
            400,
            "MissingRequiredHeader",
            "x-ms-blob-type: BlockBlob is required",
          );
        }
        const reply = written(commit(blobPath, body, new Map()));
        return { ...reply, headers: { ...reply.headers, "Content-MD5": md5(body) } };
      }
      case "PutBlock": {
        const blockId = url.searchParams.get("blockid");
        if (!blockId) throw new HttpError(400, "InvalidQueryParameterValue", "blockid is missing");
        const blocks = staged.get(blobPath) ?? new Map<string, Buffer>();
        staged.set(blobPath, blocks);
        blocks.set(blockId, body);
        return {
          status: 201,
          headers: { ...common, "Content-MD5": md5(body), "x-ms-request-server-encrypted": "true" },
        };
      }
      case "PutBlockList": {
        const uncommitted = staged.get(blobPath) ?? new Map<string, Buffer>();
        const committed = blobs.get(blobPath)?.blocks ?? new Map<string, Buffer>();
        const chosen = new Map<string, Buffer>();
        const parts: Buffer[] = [];
        for (const [, kind, id] of body
          .toString("utf8")
          .matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)) {
          const blockId = id ?? "";
          const block =
            kind === "Committed"
              ? committed.get(blockId)
              : kind === "Uncommitted"
                ? uncommitted.get(blockId)
                : (uncommitted.get(blockId) ?? committed.get(blockId));
          if (!block) throw new HttpError(400, "InvalidBlockList", `no ${kind} block ${blockId}`);
          chosen.set(blockId, block);
          parts.push(block);
        }
        return written(commit(blobPath, Buffer.concat(parts), chosen));
      }
      case "GetBlobProperties":
      case "GetBlob": {
        const stored = blobs.get(blobPath);
        if (!stored) {
          throw new HttpError(404, "BlobNotFound", "The specified blob does not exist.");
        }
        const ifMatch = headers["if-match"];
        if (ifMatch && ifMatch !== "*" && ifMatch !== stored.etag) {
          throw new HttpError(
            412,
            "ConditionNotMet",
            "The condition specified using HTTP conditional header(s) is not met.",
          );
        }
        const properties = {
          ...common,
          ETag: stored.etag,
          "Last-Modified": stored.lastModified.toUTCString(),
          "Content-Type": "application/octet-stream",
          "Accept-Ranges": "bytes",
          "x-ms-blob-type": "BlockBlob",
          "x-ms-server-encrypted": "true",
        };
        if (operation === "GetBlobProperties") {
          // HEAD: the headers of the whole blob, no body.
          return {
            status: 200,
            headers: { ...properties, "Content-Length": String(stored.data.length) },
          };
        }
        const range = parseRange(
          (headers["x-ms-range"] as string | undefined) ?? headers.range,
          stored.data.length,
        );
        if (!range) return { status: 200, headers: properties, body: stored.data };
        const [start, end] = range;
        return {
          status: 206,
          headers: {
            ...properties,
            "Content-Range": `bytes ${start}-${end}/${stored.data.length}`,
          },
          body: stored.data.subarray(start, end + 1),
        };
      }
    }
  }

  function authorize(url: URL, blobPath: string, need: "r" | "w"): void {
    const sig = url.searchParams.get("sig");
    const grant = (grants.get(blobPath) ?? []).find((g) => g.sig === sig);
    if (!grant || url.searchParams.get("sp") !== grant.permissions) {
      throw new HttpError(
        403,
        "AuthenticationFailed",
        "The signature does not match a URL this service signed.",
      );
    }
    if (!grant.permissions.includes(need)) {
      throw new HttpError(
        403,
        "AuthorizationPermissionMismatch",
        `The URL does not grant '${need}'.`,
      );
    }
  }

  /** Makes `data` the blob's content; staged blocks not in the commit are dropped. */
  function commit(blobPath: string, data: Buffer, blocks: Map<string, Buffer>): StoredBlob {
    const stored: StoredBlob = {
      data,
      etag: `"0x${randomBytes(8).toString("hex").toUpperCase()}"`,
      lastModified: new Date(),
      blocks,
    };
    blobs.set(blobPath, stored);
    staged.delete(blobPath);
    return stored;
  }

  return {
    url: `${origin}/`,
    runtimeToken,
    runnerEnv() {
      const proxy = blobUrls === "storage-account" ? origin : undefined;
      return {
        ACTIONS_RESULTS_URL: `${origin}/`,
        ACTIONS_RUNTIME_TOKEN: runtimeToken,
        ACTIONS_CACHE_SERVICE_V2: "True",
        // The v2 service is GitHub.com's; on GHES the client falls back to v1.
        GITHUB_SERVER_URL: "https://github.com",
        ACTIONS_CACHE_URL: undefined,
        ACTIONS_CACHE_MODE: undefined,
        HTTP_PROXY: proxy,
        HTTPS_PROXY: proxy,
        http_proxy: undefined,
        https_proxy: undefined,
        ALL_PROXY: undefined,
        all_proxy: undefined,
        NO_PROXY: undefined,
        no_proxy: undefined,
      };
    },
    requests,
    entries: () => [...entries],
    blob: (blobPath) => blobs.get(blobPath)?.data,
    failWith(status) {
      failure = status;
    },
    failNext(count, status) {
      for (let i = 0; i < count; i++) pendingFailures.push(status);
    },
    artifacts: () => [...artifacts],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
    },
  };
}

/** The Blob REST operation a request is, by method and `comp`. */
function blobOperation(method: string, url: URL): BlobOperation | undefined {
  const comp = url.searchParams.get("comp");
  if (method === "PUT" && comp === null) return "PutBlob";
  if (method === "PUT" && comp === "block") return "PutBlock";
  if (method === "PUT" && comp === "blocklist") return "PutBlockList";
  if (method === "HEAD" && comp === null) return "GetBlobProperties";
  if (method === "GET" && comp === null) return "GetBlob";
  return undefined;
}

/** `bytes=start-end` or `bytes=start-` as inclusive [start, end], or undefined for none. */
function parseRange(header: string | undefined, size: number): [number, number] | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d+)-(\d*)$/.exec(header.trim());
  if (!match) throw new HttpError(400, "InvalidHeaderValue", `cannot read range ${header}`);
  const start = Number(match[1]);
  const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
  if (start >= size || end < start) {
    throw new HttpError(
      416,
      "InvalidRange",
      "The range specified is invalid for the current size of the resource.",
    );
  }
  return [start, end];
}

/**
 * A JWT shaped like the runner's ACTIONS_RUNTIME_TOKEN: `ac` lists the cache scopes the job
 * may use (permission 3: read and write), `scp` the results service scope other clients
 * (@actions/artifact) decode. Unsigned; the clients decode it without verifying it.
 */
function makeRuntimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  const header = part({ typ: "JWT", alg: "none" });
  const claims = part({
    ac: JSON.stringify([{ Scope: "refs/heads/main", Permission: 3 }]),
    scp: "Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:run-1:job-1",
    iat: now,
    exp: now + 3600,
  });
  return `${header}.${claims}.${randomBytes(16).toString("base64url")}`;
}

function collect(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The JSON a Twirp call carries, or undefined when it is not JSON. */
function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

function stringField(fields: Record<string, unknown>, name: string): string {
  const value = fields[name];
  if (typeof value !== "string" || value === "")
    throw new HttpError(400, "", `${name} is required`);
  return value;
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  return new HttpError(
    500,
    "InternalError",
    error instanceof Error ? error.message : String(error),
  );
}

function md5(data: Buffer): string {
  return createHash("md5").update(data).digest("base64");
}

function escapeXml(text: string): string {
  return text.replace(/[<>&]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;" })[c] ?? c);
}
