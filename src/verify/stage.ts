/**
 * The verify stage: every payload checked statically against the hypervisor (verifyPayloadSet),
 * Xen's in-tree test payloads against what each is known to be (applySelfTestExpectations),
 * and the verdict the `fail-on` threshold gives.
 */
import type { Options } from "../options.js";
import { findingsText } from "../report/text.js";
import type { StageContext, StageSummary } from "../stage-context.js";
import { type PayloadReport, verifyPayloadSet } from "./payload-set.js";
import type { Finding } from "./rules.js";
import { applySelfTestExpectations } from "./self-test.js";

export interface VerifyStageResult extends StageSummary {
  /** One report per payload: the in-tree test payloads first. */
  reports: PayloadReport[];
  xenBuildId: string | undefined;
  /** Why the payloads do not pass, in one line; undefined when they do. */
  failure?: string;
}

/**
 * Verifies `payloads` against `xenSyms` (and the payloads already applied on the host).
 * `selfTest` names which of them are Xen's in-tree test payloads.
 */
export async function verifyStage(
  input: { payloads: readonly string[]; selfTest: readonly string[]; xenSyms: string | undefined },
  ctx: StageContext,
): Promise<VerifyStageResult> {
  const { options, log } = ctx;
  const verified = await verifyPayloadSet({
    payloads: [...input.payloads],
    xenSyms: input.xenSyms,
    applied: options.appliedPayloads,
  });
  const selfTest = new Set(input.selfTest);
  const checked = applySelfTestExpectations(verified.payloads.filter((p) => selfTest.has(p.file)));
  const reports = [...checked.reports, ...verified.payloads.filter((p) => !selfTest.has(p.file))];
  log.info(findingsText(reports, options.workspace).trimEnd());
  const verdict = verdictFor(
    reports.flatMap((p) => p.findings),
    options.failOn,
  );
  const failure =
    checked.missing.length > 0 ? `self-test: ${checked.missing.join("; ")}` : verdict.reason;
  return {
    reports,
    xenBuildId: verified.xenBuildId,
    ...(failure ? { failure } : {}),
    detail: failure ?? `${input.payloads.length} payload(s) pass`,
  };
}

/** The verdict the fail-on threshold gives for these findings (expected ones not counted). */
export function verdictFor(
  findings: readonly Finding[],
  failOn: Options["failOn"],
): { pass: boolean; reason?: string } {
  const counted = findings.filter((f) => !f.expected);
  const errors = counted.filter((f) => f.severity === "error").length;
  const warnings = counted.filter((f) => f.severity === "warning").length;
  if (failOn !== "never" && errors > 0)
    return { pass: false, reason: `${errors} verifier finding(s) of error severity` };
  if (failOn === "warning" && warnings > 0)
    return {
      pass: false,
      reason: `${warnings} verifier finding(s) of warning severity (fail-on: warning)`,
    };
  return { pass: true };
}
