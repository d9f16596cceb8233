/**
 * The workflow artifact: the whole output directory as one artifact of the run, through
 * the real artifact client. The client retries each request itself (the results service
 * calls and the blob upload); when the service keeps failing, the upload fails with an
 * error that says the files are still in the output directory.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { DefaultArtifactClient } from "@actions/artifact";

export interface UploadedArtifact {
  readonly name: string;
  readonly id: number;
  /** sha256 of the uploaded zip, hex. */
  readonly digest: string;
  readonly size: number;
  /** Where a person downloads it: the run's page lists it. */
  readonly url: string | undefined;
}

/** Every file below `dir`, sorted, absolute. */
export async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export async function uploadArtifact(options: {
  readonly name: string;
  readonly outputDir: string;
  readonly retentionDays: number;
  /** The run's page, to link the artifact from the summary. */
  readonly runUrl: string | undefined;
}): Promise<UploadedArtifact> {
  const files = await filesBelow(options.outputDir);
  const client = new DefaultArtifactClient();
  try {
    const uploaded = await client.uploadArtifact(options.name, files, options.outputDir, {
      ...(options.retentionDays > 0 ? { retentionDays: options.retentionDays } : {}),
    });
    if (uploaded.id === undefined || uploaded.digest === undefined) {
      throw new Error("the artifact service did not return the artifact's id and digest");
    }
    return {
      name: options.name,
      id: uploaded.id,
      digest: uploaded.digest,
      size: uploaded.size ?? 0,
      url: options.runUrl ? `${options.runUrl}/artifacts/${uploaded.id}` : undefined,
    };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(
      `uploading the artifact ${options.name} failed (${why}); the files are still in ${options.outputDir}`,
      { cause: e },
    );
  }
}
