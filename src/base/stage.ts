/**
 * The base stage: the hypervisor the payloads target, built (or restored from the cache)
 * from the source tree, and compared with the hypervisor users run before anything is
 * built on it.
 */
import { join } from "node:path";
import { readHypervisorImage } from "../livepatch/hypervisor-image.js";
import { XenSyms } from "../livepatch/xen-syms.js";
import type { BaseRecord } from "../report/result.js";
import { fetchDebianHypervisor } from "../source/debian.js";
import type { XenSourceTree } from "../source/types.js";
import { type StageContext, type StageSummary, keepOnFailure } from "../stage-context.js";
import {
  CACHE_KEY_PREFIX,
  type CacheUse,
  type DirectoryCache,
  baseCacheKey,
} from "../util/cache.js";
import type { Logger } from "../util/logger.js";
import { loadXenConfig } from "./config.js";
import { recipeMakeArgs } from "./packaging.js";
import { type BaseReference, compareWithReference } from "./reference.js";
import { type BuildXenBaseOptions, type XenBase, buildXenBase, planXenBase } from "./xen.js";

export interface BaseStageResult extends StageSummary {
  base: XenBase;
  /** How it was built: the patch and payload builders rebuild copies the same way. */
  baseOptions: BuildXenBaseOptions;
  /** What the report says of it. */
  record: BaseRecord;
  /** What was restored from and saved to `cache` (nothing for the local cache). */
  cache: CacheUse[];
}

/**
 * Builds the base from `tree` (or reuses the cached build), then compares it with the
 * hypervisor users run (compareWithReference). `cache` keeps the build between runs where
 * the machine does not (GitHub's cache in the action). When the comparison fails, the
 * error carries the base's record and the cache uses (partialStageResult), so the report
 * still shows them.
 *
 * @throws XenBuildError when the build fails; BaseMismatchError when the base is not the
 *   hypervisor users run; ConfigurationError for a bad `xen-config` or `build-values`.
 */
export async function baseStage(
  tree: XenSourceTree,
  ctx: StageContext & { cache: DirectoryCache },
): Promise<BaseStageResult> {
  const cacheUses: CacheUse[] = [];
  let built: BaseRecord | undefined;
  return keepOnFailure(
    () => ({ cache: cacheUses, ...(built ? { record: built } : {}) }),
    async () => {
      const { base, baseOptions, xen } = await buildBase(tree, ctx, cacheUses);
      const record: BaseRecord = (built = {
        source: tree.identity,
        xenSyms: base.xenSyms,
        xenImage: base.xenImage,
        buildId: xen.buildId,
        buildInfo: xen.buildInfo(),
        config: base.config,
        cached: base.cached,
        bootImage: base.xenImage,
      });
      let detail = `xen-syms build-id ${xen.buildId ?? "(none)"}${base.cached ? " (cached)" : ""}`;
      logBuilt(base, detail, ctx.log);
      const reference = await checkReference(tree, base, xen, ctx);
      if (!reference) return { base, baseOptions, record, cache: cacheUses, detail };
      detail += `, ${reference.reference.identical ? "identical to" : "differs from"} ${reference.reference.description}`;
      return { base, baseOptions, record: { ...record, ...reference }, cache: cacheUses, detail };
    },
  );
}

/** The base build (restored from `ctx.cache` first, saved to it after), and its xen-syms. */
async function buildBase(
  tree: XenSourceTree,
  ctx: StageContext & { cache: DirectoryCache },
  cacheUses: CacheUse[],
): Promise<{ base: XenBase; baseOptions: BuildXenBaseOptions; xen: XenSyms }> {
  const { options, log } = ctx;
  const config =
    options.xenConfig === "defconfig" ? undefined : await loadXenConfig(options.xenConfig.path);
  const baseOptions: BuildXenBaseOptions = {
    source: tree,
    ...(config ? { config } : {}),
    cacheDir: options.cacheDir,
    buildValues: options.buildValues,
    logFile: join(ctx.logs, "base-build.log"),
  };
  const cached = await restoreBase(ctx.cache, baseOptions, log, cacheUses);
  const base = await buildXenBase(baseOptions);
  if (cached && !cached.restored && !base.cached) await saveBase(ctx.cache, cached.keys, cacheUses);
  return { base, baseOptions, xen: await XenSyms.load(base.xenSyms) };
}

/** What the log says of a base just built: its build-id, configuration and packaging notes. */
function logBuilt(base: XenBase, detail: string, log: Logger): void {
  log.info(detail);
  for (const note of base.config.notes) log.warning(`xen-config: ${note}`);
  if (base.recipe?.kind === "debian")
    log.info(
      `built as debian/rules builds it: make ${recipeMakeArgs(base.recipe, base.tree).join(" ")}`,
    );
  for (const note of base.recipe?.differences ?? []) log.info(`packaging: ${note}`);
}

/**
 * Compares the base with the hypervisor users run (see compareWithReference): for Debian's
 * source with the packaging's configuration, Debian's own package is fetched and is the
 * reference unless `expected-build-id` names another; identical to Debian's, its image is
 * what the boot test boots.
 *
 * @throws BaseMismatchError before any payload is built when the build-ids differ.
 */
async function checkReference(
  tree: XenSourceTree,
  base: XenBase,
  xen: XenSyms,
  ctx: StageContext,
): Promise<{ reference: BaseReference; bootImage: string } | undefined> {
  const { options, log } = ctx;
  let debian: Awaited<ReturnType<typeof fetchDebianHypervisor>> | undefined;
  if (tree.identity.kind === "debian") {
    if (base.config.kind === "packaging") {
      debian = await fetchDebianHypervisor({
        root: tree.root,
        version: tree.identity.version,
        cacheDir: options.cacheDir,
        logFile: join(ctx.logs, "source.log"),
      });
    } else {
      log.info("not compared with Debian's package: the configuration is not the packaging's");
    }
  }
  const efi = join(base.tree, "xen", "xen.efi");
  const rebuiltEfi = await readHypervisorImage(efi).catch(() => undefined);
  const reference = await compareWithReference({
    rebuilt: xen,
    ...(rebuiltEfi?.buildId ? { rebuiltEfiBuildId: rebuiltEfi.buildId } : {}),
    ...(options.expectedBuildId ? { expected: options.expectedBuildId } : {}),
    ...(debian ? { debian } : {}),
    blame: Object.keys(options.buildValues).length > 0 ? "build-values" : "xen-source",
  });
  if (!reference) return undefined;
  log.info(`the base is identical to ${reference.description} (build-id ${reference.buildId})`);
  // A 32-digit id is a xen.efi's CodeView signature: the id an EFI-booted host reports.
  if (reference.buildId.length === 32) log.warning(efiHostWarning(reference.buildId, xen.buildId));
  // Debian's own image boots when it is the same build (whichever reference said so).
  const bootImage = debian && reference.buildId === xen.buildId ? debian.bootImage : base.xenImage;
  return { reference, bootImage };
}

/**
 * Why payloads built here will not load into a host booted from xen.efi: such a host
 * reports the PE image's CodeView signature as its build-id (xen/common/version.c,
 * xen_build_init), and every payload's `.livepatch.xen_depends` names xen-syms' id.
 */
function efiHostWarning(efiId: string, xenSymsId: string | undefined): string {
  return (
    `the hypervisor given is a xen.efi (build-id ${efiId}): a host booted from it reports that id, ` +
    `and the payloads built here depend on xen-syms' ${xenSymsId ?? "(none)"}, so it refuses them. ` +
    `Payloads for EFI-booted hosts are not built yet; they load into the same build booted by multiboot (/boot/xen-*.gz)`
  );
}

type BaseCacheKeys = Awaited<ReturnType<typeof baseCacheKeys>>;

/**
 * The base build and the compiler cache from the previous run, when `cache` keeps them
 * (undefined for the local cache, whose directories persist by themselves).
 */
async function restoreBase(
  cache: DirectoryCache,
  opts: BuildXenBaseOptions,
  log: Logger,
  uses: CacheUse[],
): Promise<{ keys: BaseCacheKeys; restored: string | undefined } | undefined> {
  if (cache.kind === "local") return undefined;
  const keys = await baseCacheKeys(opts);
  const restored = await cache.restore([keys.tree], keys.base);
  uses.push({ entry: "base", key: keys.base, ...(restored ? { restored } : {}) });
  // The compiler cache helps even when the base changed: any earlier entry will do.
  if (!restored) {
    const ccache = await cache.restore([keys.ccache], keys.ccacheKey, [keys.ccachePrefix]);
    uses.push({ entry: "ccache", key: keys.ccacheKey, ...(ccache ? { restored: ccache } : {}) });
  }
  log.info(
    restored
      ? `base build restored from the cache (${restored})`
      : `no cached base build for ${keys.base}`,
  );
  return { keys, restored };
}

async function saveBase(cache: DirectoryCache, keys: BaseCacheKeys, uses: CacheUse[]) {
  for (const [paths, key] of [
    [[keys.tree], keys.base],
    [[keys.ccache], keys.ccacheKey],
  ] as const) {
    const saved = await cache.save([...paths], key);
    const use = uses.find((u) => u.key === key);
    if (use) use.saved = saved;
  }
}

async function baseCacheKeys(opts: BuildXenBaseOptions) {
  const plan = await planXenBase(opts);
  const parts = { platform: process.platform, arch: process.arch, buildKey: plan.key };
  const ccachePrefix = `${CACHE_KEY_PREFIX}-ccache-${parts.platform}-${parts.arch}-`;
  return {
    tree: plan.tree,
    ccache: plan.ccacheDir,
    base: baseCacheKey(parts),
    ccacheKey: `${ccachePrefix}${plan.key}`,
    ccachePrefix,
  };
}
