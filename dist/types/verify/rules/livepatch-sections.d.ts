import { type Rule } from "./rule.js";
export declare const LIVEPATCH_SECTIONS_RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule];
