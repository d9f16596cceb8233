/** What the loader accepts and the running hypervisor does not survive or never checks (issue 21). */
import { type Rule } from "./rule.js";
export declare const RUNTIME_RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule];
