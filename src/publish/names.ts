/**
 * Payload file names in the output directory. Every payload the run verifies and signs
 * ends up as `<output-dir>/payloads/<file name>` (built ones are written there, given
 * ones copied there), and metadata.json names it by that path: two payloads with one file
 * name would overwrite each other there while metadata.json still listed both.
 */
import { basename } from "node:path";
import { ConfigurationError } from "../util/errors.js";

/** A payload file and where it comes from, in the words a refusal names it with. */
export interface NamedPayload {
  readonly file: string;
  /** e.g. `payloads: d1/p.livepatch`, `built from patches/fix.patch`. */
  readonly from: string;
}

/**
 * The refusal for the first two payloads that share a file name (the input named is the
 * later one's `input`), or undefined when all names differ.
 */
export function payloadFileNameClash(
  payloads: readonly NamedPayload[],
  input = "payloads",
): ConfigurationError | undefined {
  const seen = new Map<string, NamedPayload>();
  for (const p of payloads) {
    const name = basename(p.file);
    const earlier = seen.get(name);
    if (earlier)
      return new ConfigurationError(
        input,
        `two payloads have the file name ${name} (${earlier.from}; ${p.from}): the output directory holds one file per name, so rename one`,
      );
    seen.set(name, p);
  }
  return undefined;
}
