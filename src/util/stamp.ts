/**
 * Stamps: the small JSON file that marks a cache entry finished (a base build's
 * `.xlci-build.json`). A stamp carries the sha256 of the files it vouches for, so that an
 * entry whose stamp is empty or garbage, or whose files were truncated or changed since,
 * is found unusable and rebuilt rather than failing every later run.
 */
import { randomUUID } from "node:crypto";
import { readFile, rename, writeFile } from "node:fs/promises";
import { sha256File } from "./fs.js";

/** The stamp's own field: file path -> sha256 (hex). Other readers ignore it. */
const CHECKSUMS = "sha256";

export type StampRead<T> =
  | { readonly value: T; readonly unusable?: undefined }
  | { readonly value?: undefined; readonly unusable: string }
  | undefined;

/**
 * Writes `value` as the stamp `file`, with the checksums of `files` (absolute paths).
 * Written beside and renamed into place: a stamp is never seen half-written.
 */
export async function writeStamp(
  file: string,
  value: object,
  files: readonly string[],
): Promise<void> {
  const sums: Record<string, string> = {};
  for (const f of files) sums[f] = await sha256File(f);
  const tmp = `${file}.${process.pid}.${randomUUID()}`;
  await writeFile(tmp, JSON.stringify({ ...value, [CHECKSUMS]: sums }, null, 2) + "\n");
  await rename(tmp, file);
}

/**
 * Reads the stamp `file`: undefined when there is none; `unusable` with the reason when
 * it is empty, not a JSON object, or a file it vouches for is missing or changed; else its
 * value (without the checksums). A stamp written without checksums (by an older release)
 * is read as it is.
 */
export async function readStamp<T>(file: string): Promise<StampRead<T>> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { unusable: `${file} is ${text.trim() === "" ? "empty" : "not JSON"}` };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { unusable: `${file} is not a JSON object` };
  const { [CHECKSUMS]: sums, ...value } = parsed as Record<string, unknown>;
  for (const [path, sum] of Object.entries((sums ?? {}) as Record<string, string>)) {
    const actual = await sha256File(path).catch(() => undefined);
    if (actual === undefined) return { unusable: `${path}, which ${file} vouches for, is missing` };
    if (actual !== sum)
      return { unusable: `${path} changed since ${file} was written (truncated or rewritten)` };
  }
  return { value: value as T };
}
