/**
 * A loopback stand-in for the part of GitHub's REST API that publishing a release uses, so
 * tests run the real client (@actions/github's Octokit) against it: get a release by tag,
 * create a release, upload an asset to the release's `upload_url` (raw bytes, `?name=`),
 * delete an asset. Requests must carry the token; releases and asset bytes live in memory
 * and every request is recorded.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReleaseAsset {
  id: number;
  name: string;
  data: Buffer;
  contentType: string;
}

export interface Release {
  id: number;
  tag: string;
  name: string;
  body: string;
  assets: ReleaseAsset[];
}

export interface GitHubApiServer {
  /** GITHUB_API_URL */
  readonly url: string;
  readonly token: string;
  readonly requests: Array<{ method: string; path: string; status: number }>;
  releases(): Release[];
  /** A release that exists before the run (e.g. made by hand for the tag). */
  addRelease(tag: string, assets?: Array<{ name: string; data: Buffer }>): Release;
  /** From now on answer every request with this status (undefined: serve normally). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

export async function startGitHubApiServer(repository: string): Promise<GitHubApiServer> {
  const token = `ghs_loopback${Math.random().toString(36).slice(2)}`;
  const releases: Release[] = [];
  const requests: GitHubApiServer["requests"] = [];
  let nextId = 1;
  let failure: number | undefined;
  let origin = "";

  const releaseJson = (r: Release) => ({
    id: r.id,
    tag_name: r.tag,
    name: r.name,
    body: r.body,
    html_url: `https://github.invalid/${repository}/releases/tag/${r.tag}`,
    upload_url: `${origin}/uploads/repos/${repository}/releases/${r.id}/assets{?name,label}`,
    assets: r.assets.map(assetJson),
  });
  const assetJson = (a: ReleaseAsset) => ({
    id: a.id,
    name: a.name,
    size: a.data.length,
    content_type: a.contentType,
    browser_download_url: `https://github.invalid/${repository}/releases/download/${a.name}`,
  });

  function route(method: string, url: URL, body: Buffer, req: IncomingMessage) {
    const repo = `/repos/${repository}`;
    const path = url.pathname;
    let m: RegExpExecArray | null;
    if (method === "GET" && (m = new RegExp(`^${repo}/releases/tags/(.+)$`).exec(path))) {
      const release = releases.find((r) => r.tag === decodeURIComponent(m![1]!));
      return release ? [200, releaseJson(release)] : [404, { message: "Not Found" }];
    }
    if (method === "POST" && path === `${repo}/releases`) {
      const fields = JSON.parse(body.toString("utf8")) as Record<string, string>;
      if (!fields.tag_name) return [422, { message: "tag_name is required" }];
      if (releases.some((r) => r.tag === fields.tag_name))
        return [422, { message: "Validation Failed", errors: [{ code: "already_exists" }] }];
      const release: Release = {
        id: nextId++,
        tag: fields.tag_name,
        name: fields.name ?? fields.tag_name,
        body: fields.body ?? "",
        assets: [],
      };
      releases.push(release);
      return [201, releaseJson(release)];
    }
    if (
      method === "POST" &&
      (m = new RegExp(`^/uploads${repo}/releases/(\\d+)/assets$`).exec(path))
    ) {
      const release = releases.find((r) => r.id === Number(m![1]));
      if (!release) return [404, { message: "Not Found" }];
      const name = url.searchParams.get("name");
      if (!name) return [422, { message: "name is required" }];
      if (release.assets.some((a) => a.name === name))
        return [422, { message: "Validation Failed", errors: [{ code: "already_exists" }] }];
      if (Number(req.headers["content-length"]) !== body.length)
        return [400, { message: "Content-Length does not match the body" }];
      const asset: ReleaseAsset = {
        id: nextId++,
        name,
        data: body,
        contentType: String(req.headers["content-type"]),
      };
      release.assets.push(asset);
      return [201, assetJson(asset)];
    }
    if (method === "DELETE" && (m = new RegExp(`^${repo}/releases/assets/(\\d+)$`).exec(path))) {
      for (const r of releases) {
        const i = r.assets.findIndex((a) => a.id === Number(m![1]));
        if (i >= 0) {
          r.assets.splice(i, 1);
          return [204, undefined];
        }
      }
      return [404, { message: "Not Found" }];
    }
    return [404, { message: `no such endpoint: ${method} ${path}` }];
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const url = new URL(req.url ?? "/", origin);
      const authorized = [`token ${token}`, `Bearer ${token}`].includes(
        req.headers.authorization ?? "",
      );
      const [status, payload] =
        failure !== undefined
          ? [failure, { message: `failing with ${failure}` }]
          : !authorized
            ? [401, { message: "Bad credentials" }]
            : route(method, url, Buffer.concat(chunks), req);
      requests.push({ method, path: url.pathname, status: status as number });
      const text = payload === undefined ? "" : JSON.stringify(payload);
      res.writeHead(status as number, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": String(Buffer.byteLength(text)),
      });
      res.end(text);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    token,
    requests,
    releases: () => releases,
    addRelease(tag, assets = []) {
      const release: Release = {
        id: nextId++,
        tag,
        name: tag,
        body: "",
        assets: assets.map((a) => ({
          id: nextId++,
          name: a.name,
          data: a.data,
          contentType: "application/octet-stream",
        })),
      };
      releases.push(release);
      return release;
    },
    failWith(status) {
      failure = status;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((e) => (e ? reject(e) : resolve())),
      );
    },
  };
}
