/**
 * The defects that prove the rules of the verifier's symbol-table step
 * (src/verify/steps/symbol-table.ts).
 */
import { renameSymbol } from "../elf-mutate.js";
import { HELLO, type StepDefects } from "./shared.js";

export const SYMBOL_TABLE: StepDefects = {
  MUTATIONS: [
    {
      rule: "symbol-duplicate",
      title: "a new symbol named like a hypervisor global",
      payload: HELLO,
      mutate: (b) => renameSymbol(b, "hi_func", "printk"),
      names: {
        message: /^new symbol printk already exists in .*xen-syms/,
        location: { section: ".symtab", symbol: "printk" },
      },
    },
  ],
};
