/** The file as an ELF object, its symbols, relocations and read-only data: the rules of the elf-load, symbols, relocations and placement steps and the rodata lints. */
import { type Rule } from "./rule.js";
export declare const ELF_OBJECT_RULES: readonly [Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule, Rule];
