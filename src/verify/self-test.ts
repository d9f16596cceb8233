/**
 * Xen's in-tree test payloads (xen/test/livepatch) as a self-test of the verifier: two of
 * them are defective on purpose, and xen_nop is defective on a build with return thunks
 * (CONFIG_RETURN_THUNK, Debian's and defconfig's): the verifier must flag those defects. Their
 * findings are expected, so they do not fail a run; their absence does.
 */
import { basename } from "node:path";
import type { PayloadReport } from "./payload-set.js";
import type { Finding, RuleId } from "./rules.js";

export const SELF_TEST_EXPECTED: Readonly<Record<string, readonly RuleId[]>> = {
  // Built without xen_note.o: "This one always fails upon upload" (its Makefile).
  // It is xen_nop without the note, so it carries xen_nop's defect too.
  "xen_no_xen_buildid.livepatch": ["section-missing", "nop-insn-boundary"],
  // Expects bytes 0xdeadc0debabe where xen_extra_version's code is.
  "xen_expectations_fail.livepatch": ["expect-mismatch"],
  // Its NOPs cover xen_minor_version but for the last byte, assuming it ends in a 1-byte
  // ret; with return thunks it ends in a 5-byte jmp, and the NOPs end inside it.
  "xen_nop.livepatch": ["nop-insn-boundary"],
};

export function selfTestExpectation(file: string): readonly RuleId[] {
  return SELF_TEST_EXPECTED[basename(file)] ?? [];
}

/**
 * Marks the expected findings of self-test payloads, and lists the expected defects the
 * verifier did not find (each one a failure of the self-test).
 */
export function applySelfTestExpectations(reports: readonly PayloadReport[]): {
  reports: PayloadReport[];
  missing: string[];
} {
  const missing: string[] = [];
  const marked = reports.map((report) => {
    const expected = selfTestExpectation(report.file);
    for (const ruleId of expected) {
      if (!report.findings.some((f) => f.ruleId === ruleId)) {
        missing.push(`${basename(report.file)} should be flagged ${ruleId} but was not`);
      }
    }
    const findings = report.findings.map((f): Finding =>
      expected.includes(f.ruleId) ? { ...f, expected: true } : f,
    );
    return { ...report, findings };
  });
  return { reports: marked, missing };
}
