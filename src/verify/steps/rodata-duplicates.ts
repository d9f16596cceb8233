/**
 * A history lint, beyond the loader: livepatch-build-tools dabc4e9fa87c, a stacked payload
 * must not re-carry the read-only data of the payloads below it.
 */
import { SHF_MERGE, SHF_STRINGS } from "../../elf/constants.js";
import type { ElfSection } from "../../elf/reader.js";
import { hex } from "../../livepatch/notes.js";
import {
  type StepContext,
  type VerifierStep,
  at,
  rodataSections,
  safely,
  sectionLabel,
} from "./context.js";

export const RODATA_DUPLICATES: VerifierStep = {
  name: "rodata-duplicates",
  basis: "livepatch-build-tools dabc4e9fa87c",
  rules: { "rodata-duplicate": "after-apply" },
  run(ctx) {
    if (ctx.target.stack.length === 0) return;
    const earlier = earlierData(ctx);
    for (const s of rodataSections(ctx.elf)) {
      const data = ctx.elf.data(s);
      if (isStringSection(s)) {
        const strings = splitStrings(data);
        const repeated = strings.filter((str) => earlier.strings.has(str));
        if (repeated.length === 0) continue;
        const bytes = repeated.reduce((n, str) => n + Buffer.byteLength(str, "latin1") + 1, 0);
        const places = [...new Set(repeated.map((str) => earlier.strings.get(str)))].join(", ");
        ctx.add(
          "rodata-duplicate",
          `${sectionLabel(s)}: ${repeated.length} of ${strings.length} strings (${bytes} bytes) are already carried by ${places}, e.g. ${JSON.stringify(repeated[0])}`,
          at(s),
        );
      } else {
        const where = earlier.blobs.get(hex(data));
        if (where)
          ctx.add(
            "rodata-duplicate",
            `${sectionLabel(s)}: all ${data.length} bytes are already carried by ${where}`,
            at(s),
          );
      }
    }
  },
};

/** The strings and whole read-only sections of the earlier payloads, with where each is. */
function earlierData(ctx: StepContext) {
  const strings = new Map<string, string>();
  const blobs = new Map<string, string>();
  for (const earlier of ctx.target.stack) {
    for (const s of safely(() => rodataSections(earlier.elf), [])) {
      const where = `${earlier.file} (${s.name})`;
      const data = earlier.elf.data(s);
      if (isStringSection(s)) for (const str of splitStrings(data)) strings.set(str, where);
      else blobs.set(hex(data), where);
    }
  }
  return { strings, blobs };
}

const isStringSection = (s: ElfSection) =>
  (s.flags & (SHF_MERGE | SHF_STRINGS)) === (SHF_MERGE | SHF_STRINGS);

function splitStrings(data: Uint8Array): string[] {
  return Buffer.from(data)
    .toString("latin1")
    .split("\0")
    .filter((s) => s.length > 0);
}
