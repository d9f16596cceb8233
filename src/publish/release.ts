/**
 * Release assets: on a tag, the signed payloads, their signatures, metadata.json and the
 * public key are attached to the tag's release (created when the tag has none yet).
 * An asset of the same name from an earlier attempt is replaced, so a re-run job works.
 */
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { getOctokit } from "@actions/github";

export const TAG_REF_PREFIX = "refs/tags/";

export interface PublishedRelease {
  readonly tag: string;
  readonly id: number;
  readonly url: string;
  /** Whether this run created the release (else it attached to an existing one). */
  readonly created: boolean;
  readonly assets: ReadonlyArray<{ name: string; url: string; size: number }>;
}

export interface ReleaseOptions {
  readonly apiUrl: string;
  readonly token: string;
  /** owner/name */
  readonly repository: string;
  /** The tag's ref, `refs/tags/NAME`. */
  readonly ref: string;
  readonly files: readonly string[];
  /** The release's text when this run creates it. */
  readonly body: string;
}

const statusOf = (e: unknown) => (e as { status?: number } | null)?.status;

export async function publishRelease(options: ReleaseOptions): Promise<PublishedRelease> {
  if (!options.ref.startsWith(TAG_REF_PREFIX))
    throw new Error(`release assets are published for tags; ${options.ref} is not one`);
  const tag = options.ref.slice(TAG_REF_PREFIX.length);
  const [owner = "", repo = ""] = options.repository.split("/");
  const names = options.files.map((f) => basename(f));
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined)
    throw new Error(`two files would be the release asset ${duplicate}; rename one payload`);

  const octokit = getOctokit(options.token, { baseUrl: options.apiUrl });
  let created = false;
  let release;
  try {
    release = (await octokit.rest.repos.getReleaseByTag({ owner, repo, tag })).data;
  } catch (e) {
    if (statusOf(e) !== 404) throw e;
    release = (
      await octokit.rest.repos.createRelease({
        owner,
        repo,
        tag_name: tag,
        name: tag,
        body: options.body,
      })
    ).data;
    created = true;
  }

  const existing = new Map((release.assets ?? []).map((a) => [a.name, a.id]));
  const assets = [];
  for (const [i, file] of options.files.entries()) {
    const name = names[i] ?? basename(file);
    const stale = existing.get(name);
    if (stale !== undefined)
      await octokit.rest.repos.deleteReleaseAsset({ owner, repo, asset_id: stale });
    const data = await readFile(file);
    const uploaded = await octokit.rest.repos.uploadReleaseAsset({
      owner,
      repo,
      release_id: release.id,
      name,
      url: release.upload_url,
      // The endpoint takes the raw bytes; its type only admits a string.
      data: data as unknown as string,
      headers: { "content-type": "application/octet-stream" },
    });
    assets.push({
      name: uploaded.data.name,
      url: uploaded.data.browser_download_url,
      size: uploaded.data.size,
    });
  }
  return { tag, id: release.id, url: release.html_url, created, assets };
}
