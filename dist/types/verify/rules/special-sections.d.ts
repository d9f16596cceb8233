import { type Rule } from "./rule.js";
export declare const SPECIAL_SECTIONS_RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule];
