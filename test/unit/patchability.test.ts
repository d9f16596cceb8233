// Check patchability, the one place the builder refuses: its order and its tables.
import { describe, expect, it } from "vitest";
import { CLASSES } from "../../src/patch/classify.js";
import { OBJECT_CHECKS, checkPatchability } from "../../src/patch/patchability.js";

describe("check patchability", () => {
  it("refuses a patch that changes nothing, and says so only when nothing else is wrong", () => {
    expect(checkPatchability({ diffs: [], functionEntries: 0 })).toEqual([
      expect.stringMatching(/^the patch changes no function .*objects that differ: none$/),
    ]);
    // Data layouts come first, and a patch that changes nothing still says so after them.
    expect(checkPatchability({ diffs: [], layout: ["layout"], functionEntries: 0 })).toEqual([
      "layout",
      expect.stringMatching(/^the patch changes no function/),
    ]);
    const problem = { kind: "anonymous data", object: "xen/a.o", section: ".data" } as const;
    expect(checkPatchability({ diffs: [], problems: [problem], functionEntries: 0 })).toEqual([
      "xen/a.o: a changed function uses anonymous writable data in .data, which cannot be shared with the hypervisor's copy by name",
    ]);
    expect(checkPatchability({ diffs: [], functionEntries: 1 })).toEqual([]);
  });

  it("names each classification and each check once", () => {
    for (const table of [CLASSES, OBJECT_CHECKS]) {
      const names = table.map((row) => row.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });
});
