/** The `.livepatch.funcs` entries, their expectations and the instructions a patch overwrites: the rules of the funcs step. */
import { type Rule } from "./rule.js";
export declare const FUNCS_RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule];
