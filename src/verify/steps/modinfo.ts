/**
 * prepare_payload()'s `.modinfo` (xen/common/livepatch.c): NUL-terminated strings, each
 * of the form key=value.
 */
import { SECTION } from "../../xen/abi.js";
import { type VerifierStep, at } from "./context.js";

export const MODINFO: VerifierStep = {
  name: "modinfo",
  basis: "prepare_payload() .modinfo (livepatch.c)",
  rules: { "modinfo-format": "modinfo", "modinfo-entry": "modinfo" },
  run(ctx) {
    const section = ctx.elf.sectionNamed(SECTION.modinfo);
    const info = ctx.payload.modinfo();
    if (!section || !info) return;
    if (!info.terminated) {
      ctx.add(
        "modinfo-format",
        `.modinfo (${section.size} bytes) does not end with NUL`,
        at(section),
      );
    }
    for (const entry of info.entries) {
      if (!entry.wellFormed)
        ctx.add("modinfo-entry", `.modinfo string "${entry.key}" is not key=value`, at(section));
    }
  },
};
