/**
 * The defects that prove the rules of the verifier's special-sections step
 * (src/verify/steps/special-sections.ts).
 */
import { expect } from "vitest";
import { setSectionField } from "../elf-mutate.js";
import { HELLO, sectionSize, type Defect, type StepDefects } from "./shared.js";

export const SPECIAL_SECTIONS: StepDefects = {
  MUTATIONS: [
    ...(
      [
        [".altinstructions", 42, 14],
        [".ex_table", 8, 8],
        [".bug_frames.2", 16, 8],
      ] as const
    ).map(([name, size, entry]): Defect => ({
      rule: "special-section-size",
      title: `${name} one byte longer`,
      payload: HELLO,
      mutate: (b) => {
        expect(sectionSize(b, name)).toBe(size);
        return setSectionField(b, name, "size", size + 1);
      },
      names: {
        message: `${name} is ${size + 1} bytes, not a multiple of its ${entry}-byte entries`,
        location: { section: name },
      },
    })),
  ],
};
