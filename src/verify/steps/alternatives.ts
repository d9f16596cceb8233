/**
 * prepare_payload()'s `.altinstructions` (xen/common/livepatch.c) and what
 * _apply_alternatives() (xen/arch/x86/alternative.c), run at upload, does with each entry.
 */
import { ERRNO } from "../../livepatch/errno.js";
import type { ElfSection } from "../../elf/reader.js";
import { SHF_EXECINSTR, SHF_WRITE } from "../../elf/constants.js";
import { type StepContext, type VerifierStep, at, isAlloc } from "./context.js";

export const ALTERNATIVES: VerifierStep = {
  name: "alternatives",
  basis: "prepare_payload() .altinstructions, _apply_alternatives() (arch/x86/alternative.c)",
  rules: { "altinstr-incomplete": "alternatives", "altinstr-entry": "alternatives-apply" },
  run(ctx) {
    const alt = ctx.elf.sectionNamed(".altinstructions");
    if (!alt || alt.size === 0) return;
    const text = ctx.elf.sections.some(
      (s) =>
        isAlloc(s) && (s.flags & SHF_EXECINSTR) !== 0 && (s.flags & SHF_WRITE) === 0 && s.size > 0,
    );
    if (!text)
      ctx.add(
        "altinstr-incomplete",
        ".altinstructions is present but the payload has no code to alter",
        at(alt),
      );
    if (!ctx.elf.sectionNamed(".altinstr_replacement")) {
      ctx.add(
        "altinstr-incomplete",
        ".altinstructions is present but .altinstr_replacement is missing",
        at(alt),
      );
    }
    alternativeEntries(ctx, alt);
  },
};

/**
 * _apply_alternatives(): each entry's replacement must fit in orig_len + pad_len, that
 * must fit in MAX_PATCH_LEN, and its feature must be below NCAPINTS * 32 (NCAPINTS from
 * xen-syms when given, else the version's). Before aa5a06d5d6 each is a BUG_ON (a panic),
 * after it a refused upload.
 */
function alternativeEntries(ctx: StepContext, alt: ElfSection): void {
  const ai = ctx.version.altInstr;
  const rules = ctx.version.alternatives;
  if (alt.size % ai.size !== 0 || !ctx.elf.inBounds(alt)) return;
  const data = ctx.elf.data(alt);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const fromXen = ctx.target.xen?.capabilityWords();
  const words = fromXen ?? rules.capabilityWords;
  const wordsFrom = fromXen !== undefined ? "xen-syms' forced_caps" : ctx.version.name;
  for (let i = 0; i * ai.size < alt.size; i++) {
    const off = i * ai.size;
    const cpuid = view.getUint16(off + ai.cpuid, true);
    const feature = rules.flagNot ? cpuid & 0x7fff : cpuid;
    const origLen = view.getUint8(off + ai.origLen);
    const replLen = view.getUint8(off + ai.replLen);
    const total = origLen + view.getUint8(off + ai.padLen);
    let problem: string | undefined;
    let errno: "ENOSPC" | "ERANGE" = "ENOSPC";
    if (replLen > total)
      problem = `its replacement (${replLen} bytes) is longer than the original code and its padding (orig_len + pad_len = ${total})`;
    else if (total > rules.maxPatchLen)
      problem = `orig_len + pad_len is ${total}, over MAX_PATCH_LEN (${rules.maxPatchLen})`;
    else if (feature >= words * 32) {
      problem = `its feature ${feature} is past the ${words * 32} NCAPINTS * 32 features (NCAPINTS ${words}, from ${wordsFrom})`;
      errno = "ERANGE";
    }
    if (!problem) continue;
    ctx.add(
      "altinstr-entry",
      `.altinstructions entry ${i}: ${problem}: ${
        rules.refused
          ? ctx.refusal(errno, ` applying alternatives failed: -${ERRNO[errno]}`)
          : `${ctx.version.name} hits BUG_ON in _apply_alternatives() at upload, a hypervisor panic`
      }`,
      at(alt, { entry: i, offset: off }),
    );
  }
}
