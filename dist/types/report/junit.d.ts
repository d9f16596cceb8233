/**
 * JUnit XML of a scenario run, the format CI systems show as a test report: one testsuite
 * for the scenario, one testcase per step. A failed step carries its message (what was
 * expected and what happened); a step the boot never reached is skipped; a problem of the
 * boot no step carries (dom0's setup, the power-off) is a testcase of its own.
 */
import type { ScenarioResult } from "../scenario/run.js";
/** Escapes element text. */
export declare function escapeText(text: string): string;
/** Escapes an attribute value (double-quoted); newlines and tabs survive as character references. */
export declare function escapeAttr(text: string): string;
/** The JUnit XML document for one scenario run. */
export declare function junitXml(result: ScenarioResult, opts?: {
    timestamp?: Date;
}): string;
