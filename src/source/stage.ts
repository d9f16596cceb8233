/** The source stage: the Xen tree the run builds, from Debian's archive, git or a path. */
import { join } from "node:path";
import type { XenSourceSpec } from "../options.js";
import type { StageContext, StageSummary } from "../stage-context.js";
import { fetchDebianSource } from "./debian.js";
import { describeDebianHypervisor, identifyDebianHypervisor } from "./debian-identify.js";
import { debianCandidate, isReleaseName, sourceVersionOf } from "./debian-policy.js";
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
  let why = "";
  switch (spec.kind) {
    case "debian": {
      const chosen = await debianVersion(spec.version, ctx, logFile);
      why = chosen.why ? `${chosen.why}; ` : "";
      tree = await fetchDebianSource({ version: chosen.version, cacheDir, logFile });
      break;
    }
    case "git":
      tree = await fetchGitSource({ url: spec.url, ref: spec.ref, cacheDir, logFile });
      break;
    case "path":
      tree = await localSource(spec.path);
      break;
  }
  const where = `${describeSource(tree.identity)} at ${tree.root}`;
  ctx.log.info(where);
  return { tree, detail: why + where };
}

/**
 * The `xen` source version `xen-source: debian[:VERSION|:RELEASE]` builds: VERSION as
 * given; otherwise, with `expected-build-id`, the version of the Debian package that has
 * the host's build-id (identifyDebianHypervisor); otherwise what apt would install now on
 * the runner's Debian release or RELEASE (debianCandidate). `why` says which, for the log
 * (logged at once, before a download that may fail) and the stage's detail.
 *
 * @throws ConfigurationError (`xen-source`, `expected-build-id`) when apt lists no such
 *   hypervisor or none has the build-id.
 */
async function debianVersion(
  given: string | undefined,
  ctx: StageContext,
  logFile: string,
): Promise<{ version: string; why?: string }> {
  if (given !== undefined && !isReleaseName(given)) return { version: given };
  const { expectedBuildId, cacheDir } = ctx.options;
  if (expectedBuildId) {
    const host = await identifyDebianHypervisor({
      expected: expectedBuildId,
      cacheDir,
      logFile,
      ...(given ? { release: given } : {}),
    });
    const why = `your hypervisor is ${describeDebianHypervisor(host)}: build-id ${host.buildId} (${host.boot === "efi" ? "xen.efi" : "its multiboot image"})`;
    ctx.log.info(why);
    return { version: host.sourceVersion, why };
  }
  const candidate = await debianCandidate(given);
  const why = `xen-source: debian${given ? `:${given}` : ""} is what apt would install now, ${describeDebianHypervisor(candidate)}`;
  ctx.log.info(why);
  return { version: sourceVersionOf(candidate.version), why };
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
