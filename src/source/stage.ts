/** The source stage: the Xen tree the run builds, from Debian's archive, git or a path. */
import { join } from "node:path";
import type { XenSourceSpec } from "../options.js";
import type { StageContext, StageSummary } from "../stage-context.js";
import { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource } from "./debian.js";
import { fetchGitSource } from "./git.js";
import { localSource } from "./path.js";
import type { XenSourceIdentity, XenSourceTree } from "./types.js";

export interface SourceStageResult extends StageSummary {
  tree: XenSourceTree;
}

/**
 * Fetches (or finds) the tree `spec` names into the cache, once per identity.
 *
 * @throws ConfigurationError (`xen-source`, `xen-ref`) when it cannot be had.
 */
export async function sourceStage(
  spec: XenSourceSpec,
  ctx: StageContext,
): Promise<SourceStageResult> {
  const { cacheDir } = ctx.options;
  const logFile = join(ctx.logs, "source.log");
  let tree: XenSourceTree;
  switch (spec.kind) {
    case "debian":
      tree = await fetchDebianSource({
        version: spec.version ?? DEFAULT_DEBIAN_XEN_VERSION,
        cacheDir,
        logFile,
      });
      break;
    case "git":
      tree = await fetchGitSource({ url: spec.url, ref: spec.ref, cacheDir, logFile });
      break;
    case "path":
      tree = await localSource(spec.path);
      break;
  }
  const detail = `${describeSource(tree.identity)} at ${tree.root}`;
  ctx.log.info(detail);
  return { tree, detail };
}

/** One line a reader recognises the source by: package version, URL and commit, or path. */
export function describeSource(identity: XenSourceIdentity): string {
  switch (identity.kind) {
    case "debian":
      return `Debian source package xen ${identity.version}`;
    case "git":
      return `${identity.url} at ${identity.ref || "HEAD"} (commit ${identity.commit})`;
    case "path":
      return `${identity.path}${identity.commit ? ` at commit ${identity.commit}` : ""}${identity.dirty ? ` with changes (digest ${identity.digest.slice(0, 12)})` : ""}`;
  }
}
