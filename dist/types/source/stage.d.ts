import type { XenSourceSpec } from "../options.js";
import type { StageContext, StageSummary } from "../stage-context.js";
import type { XenSourceIdentity, XenSourceTree } from "./types.js";
export interface SourceStageResult extends StageSummary {
    tree: XenSourceTree;
}
/**
 * Fetches (or finds) the tree `spec` names into the cache, once per identity.
 *
 * @throws ConfigurationError (`xen-source`, `xen-ref`) when it cannot be had.
 */
export declare function sourceStage(spec: XenSourceSpec, ctx: StageContext): Promise<SourceStageResult>;
/** One line a reader recognises the source by: package version, URL and commit, or path. */
export declare function describeSource(identity: XenSourceIdentity): string;
