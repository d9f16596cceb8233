import type { PayloadReport } from "./payload-set.js";
import type { RuleId } from "./rules.js";
export declare const SELF_TEST_EXPECTED: Readonly<Record<string, readonly RuleId[]>>;
export declare function selfTestExpectation(file: string): readonly RuleId[];
/**
 * Marks the expected findings of self-test payloads, and lists the expected defects the
 * verifier did not find (each one a failure of the self-test).
 */
export declare function applySelfTestExpectations(reports: readonly PayloadReport[]): {
    reports: PayloadReport[];
    missing: string[];
};
