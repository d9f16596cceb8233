/**
 * Beyond the loader: `.bug_frames.*` entries once relocated. prepare_payload() takes the
 * frames as they are (xen/common/livepatch.c); a location outside the payload's text only
 * matters when the BUG or WARN there fires.
 */
import { type VerifierStep, at } from "./context.js";
import { placedText } from "./placement.js";

export const BUG_FRAMES: VerifierStep = {
  name: "bug-frames",
  basis: "prepare_payload() .bug_frames.* (livepatch.c): not checked by Xen",
  rules: { "bug-frame-range": "after-apply" },
  needs: ["placement"],
  run(ctx) {
    const model = ctx.loaded;
    if (!model) return;
    const { inText, describe } = placedText(model);
    const bf = ctx.version.bugFrame;
    for (const frames of ctx.elf.sections.filter((s) => /^\.bug_frames\.[0-3]$/.test(s.name))) {
      const placed = model.placed.get(frames.index);
      if (!placed || frames.size % bf.size !== 0) continue;
      // An assert frame (.bug_frames.3) is two: the location's, then one whose loc_disp is
      // 0 and which holds the message (BUG_FRAME's second_frame, asm/bug.h); Xen's lookup
      // never matches that half, so only every other entry points at code.
      const stride = frames.name === ".bug_frames.3" ? 2 : 1;
      for (let i = 0; i * bf.size < frames.size; i += stride) {
        const word = model.int32(frames.index, i * bf.size);
        if (word === undefined) continue;
        // loc_disp: the low dispBits bits, signed, from the frame's start (asm/bug.h).
        const shift = 32 - bf.dispBits;
        const disp = (word << shift) >> shift;
        const a = placed.address + BigInt(i * bf.size) + BigInt(disp);
        if (!inText(a))
          ctx.add(
            "bug-frame-range",
            `${frames.name} entry ${i}: its location is ${describe(a)}, not in the payload's text`,
            at(frames, { entry: i, offset: i * bf.size }),
          );
      }
    }
  },
};
