/**
 * `.alt_call_sites` (4.21, d2fd5f0fcd "Support new altcall scheme"), once relocated: each
 * entry must lead to a `call *disp32(%rip)` inside the payload's text, which Xen checks
 * before it rewrites the call (prepare_payload(), xen/common/livepatch.c).
 */
import { type VerifierStep, at } from "./context.js";
import { placedText } from "./placement.js";

export const ALT_CALLS: VerifierStep = {
  name: "alt-calls",
  basis: "prepare_payload() .alt_call_sites (livepatch.c, 4.21)",
  rules: { "altcall-site": "alt-calls" },
  needs: ["placement"],
  run(ctx) {
    const model = ctx.loaded;
    if (!model) return;
    const { text, inText, describe } = placedText(model);
    const calls = ctx.elf.sectionNamed(".alt_call_sites");
    const placedCalls = calls && model.placed.get(calls.index);
    const ac = ctx.version.altCallSites;
    if (!ac || !calls || !placedCalls || calls.size === 0 || calls.size % ac.size !== 0) return;
    if (text.size === 0n)
      ctx.add(
        "altcall-site",
        ".alt_call_sites is not empty but the payload has no text: the hypervisor refuses it",
        at(calls),
      );
    for (let i = 0; text.size > 0n && i * ac.size < calls.size; i++) {
      const v = model.int32(calls.index, i * ac.size);
      if (v === undefined) continue;
      const a = placedCalls.address + BigInt(i * ac.size) + BigInt(v);
      const where = at(calls, { entry: i, offset: i * ac.size });
      if (!inText(a, BigInt(ac.callLen))) {
        ctx.add(
          "altcall-site",
          `.alt_call_sites entry ${i}: the call at ${describe(a)} is not inside the payload's text: the hypervisor refuses it`,
          where,
        );
        continue;
      }
      const own = model.sectionAt(a);
      const op = own && [0, 1].map((k) => model.byte(own.placed.section.index, own.offset + k));
      if (op && (op[0] !== 0xff || op[1] !== 0x15))
        ctx.add(
          "altcall-site",
          `.alt_call_sites entry ${i}: ${describe(a)} is not a call *disp32(%rip) (ff 15): the hypervisor refuses it`,
          where,
        );
    }
  },
};
