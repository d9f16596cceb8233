/**
 * Verifies a set of payload files as they will meet the hypervisor: each against the
 * xen-syms it targets and the payloads that will already be loaded before it.
 *
 * Which payloads come before one is read from its `.livepatch.depends` note: a payload that
 * depends on another payload of the set (or on an applied one) is checked on top of that
 * chain; one that depends on the hypervisor is checked on its own. That is how Xen's in-tree
 * set (bye_world on hello_world, the rest on the base) verifies without configuration.
 */
import { ElfFormatError } from "../elf/reader.js";
import { Payload } from "../livepatch/payload.js";
import { XenSyms } from "../livepatch/xen-syms.js";
import { ConfigurationError, InputFileError } from "../util/errors.js";
import { loaderFor } from "./loader-model.js";
import { loaderOutcome } from "./loader-order.js";
import type { Finding, LoaderVerdict, RuleId } from "./rules.js";
import { malformedFindings, verifyPayload } from "./verifier.js";

export interface PayloadReport {
  readonly file: string;
  readonly name: string;
  readonly size: number;
  readonly buildId: string | undefined;
  readonly depends: string | undefined;
  readonly xenDepends: string | undefined;
  /** The payloads this one was checked on top of, oldest first. */
  readonly stack: readonly string[];
  readonly findings: readonly Finding[];
  /**
   * What the loader of the hypervisor's version (xen-syms', else Xen 4.17's) does with the
   * payload: the verdict of the first defect it meets in its order of checks, and that
   * defect's rule (loader-order.ts); "accepts" without a rule when nothing stops it.
   */
  readonly loader?: {
    readonly version: string;
    readonly verdict: LoaderVerdict;
    readonly ruleId?: RuleId;
  };
}

export interface PayloadSetInput {
  readonly payloads: readonly string[];
  readonly xenSyms: string | undefined;
  readonly applied: readonly string[];
  /** Check what each patch overwrites as instructions (default true); see VerifyTarget. */
  readonly instructions?: boolean;
}

export interface PayloadSetResult {
  readonly xenBuildId: string | undefined;
  readonly payloads: readonly PayloadReport[];
}

const idOf = (note: Payload["buildId"]) => (note.status === "ok" ? note.id : undefined);

async function loadXenSyms(path: string): Promise<XenSyms> {
  try {
    return await XenSyms.load(path);
  } catch (e) {
    if (e instanceof ElfFormatError)
      throw new InputFileError(path, `is not a usable xen-syms: ${e.problem}`);
    throw e;
  }
}

async function loadApplied(path: string): Promise<Payload> {
  try {
    return await Payload.load(path);
  } catch (e) {
    if (e instanceof ElfFormatError) {
      throw new ConfigurationError(
        "applied-payloads",
        `${path} is not a readable payload: ${e.problem}`,
      );
    }
    throw e;
  }
}

/**
 * The payloads `payload` will sit on, oldest first: the chain its depends note leads to
 * through `byId`. A payload with nothing below it in the set is checked on top of the
 * applied payloads: what will really be loaded below it when it is applied.
 */
export function stackOf(
  payload: Payload,
  byId: ReadonlyMap<string, Payload>,
  applied: readonly Payload[],
): Payload[] {
  const chain: Payload[] = [];
  const seen = new Set<Payload>([payload]);
  let depends = idOf(payload.depends);
  while (depends !== undefined) {
    const below = byId.get(depends);
    if (!below || seen.has(below)) break;
    seen.add(below);
    chain.unshift(below);
    depends = idOf(below.depends);
  }
  return chain.length > 0 ? chain : [...applied];
}

export async function verifyPayloadSet(input: PayloadSetInput): Promise<PayloadSetResult> {
  const xen = input.xenSyms ? await loadXenSyms(input.xenSyms) : undefined;
  const applied = await Promise.all(input.applied.map(loadApplied));
  const loaded: Array<{ file: string; payload?: Payload; error?: ElfFormatError }> = [];
  for (const file of input.payloads) {
    try {
      loaded.push({ file, payload: await Payload.load(file) });
    } catch (e) {
      if (!(e instanceof ElfFormatError)) throw e;
      loaded.push({ file, error: e });
    }
  }
  const byId = new Map<string, Payload>();
  for (const p of [...applied, ...loaded.flatMap((l) => (l.payload ? [l.payload] : []))]) {
    const id = idOf(p.buildId);
    if (id !== undefined && !byId.has(id)) byId.set(id, p);
  }

  const loader = loaderFor(xen?.version());
  const outcome = (findings: readonly Finding[]): PayloadReport["loader"] => {
    const first = loaderOutcome(findings, loader);
    return {
      version: loader.name,
      verdict: first.verdict,
      ...(first.finding ? { ruleId: first.finding.ruleId } : {}),
    };
  };
  const reports: PayloadReport[] = [];
  for (const { file, payload, error } of loaded) {
    if (!payload) {
      const findings = malformedFindings(file, error!);
      reports.push({
        file,
        name: file,
        size: 0,
        buildId: undefined,
        depends: undefined,
        xenDepends: undefined,
        stack: [],
        findings,
        loader: outcome(findings),
      });
      continue;
    }
    const stack = stackOf(payload, byId, applied);
    const findings = verifyPayload(payload, {
      xen,
      stack,
      loader,
      ...(input.instructions === false ? { instructions: false } : {}),
    });
    reports.push({
      file,
      name: payload.name,
      size: payload.elf.bytes.length,
      buildId: idOf(payload.buildId),
      depends: idOf(payload.depends),
      xenDepends: idOf(payload.xenDepends),
      stack: stack.map((p) => p.file),
      findings,
      loader: outcome(findings),
    });
  }
  return { xenBuildId: xen?.buildId, payloads: reports };
}
