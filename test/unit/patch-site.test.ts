import { describe, expect, it } from "vitest";
import { SHN_UNDEF } from "../../src/elf/constants.js";
import type { LivepatchFuncEntry } from "../../src/livepatch/payload.js";
import type { XenSyms } from "../../src/livepatch/xen-syms.js";
import { alternativeUnder, patchSite } from "../../src/livepatch/patch-site.js";

// A xen-syms with one function, do_foo at 0x1000, 64 bytes, an alternative at 0x1010.
const xen = {
  lookup: (name: string) =>
    name === "do_foo" ? { name, value: 0x1000n, size: 64, shndx: 1 } : undefined,
  code: () => ({
    functionAt: (a: bigint) =>
      a >= 0x1000n && a < 0x1040n ? { name: "do_foo", start: 0x1000n, size: 64 } : undefined,
  }),
  alternativeSites: () => [{ start: 0x1010n, length: 5 }],
  endbrSealed: () => new Set<bigint>(),
} as unknown as XenSyms;

const entry = (oldAddr: Partial<LivepatchFuncEntry["oldAddr"]>, name?: string) =>
  ({ name, oldAddr: { raw: 0n, ...oldAddr } }) as unknown as LivepatchFuncEntry;
const undef = { name: "do_foo", shndx: SHN_UNDEF };

describe("patchSite", () => {
  it("resolves an old_addr relocation with an addend to the same site as the absolute address", () => {
    const byRela = patchSite(
      entry({ rela: { addend: 16n } as never, symbol: undef as never }),
      xen,
    );
    const byAddress = patchSite(entry({ raw: 0x1010n }), xen);
    expect(byRela).toEqual({ name: "do_foo", address: 0x1010n, size: 48, via: "relocation" });
    expect({ ...byAddress, via: "relocation" }).toEqual(byRela);
  });

  it("resolves by old_name when old_addr is 0, and knows only the name of what xen-syms lacks", () => {
    expect(patchSite(entry({}, "do_foo"), xen)).toEqual({
      name: "do_foo",
      address: 0x1000n,
      size: 64,
      via: "name",
    });
    expect(patchSite(entry({}, "do_bar"), xen)).toEqual({ name: "do_bar", via: "name" });
    expect(patchSite(entry({}), xen)).toBeUndefined();
  });

  it("has no old function for an old_addr against a symbol of the payload", () => {
    const own = { name: "local", shndx: 3 };
    expect(patchSite(entry({ rela: { addend: 0n } as never, symbol: own as never }), xen)).toBe(
      undefined,
    );
  });

  it("names the alternative an expectation would cover", () => {
    expect(alternativeUnder(xen, 0x1000n, 16)).toBeUndefined();
    expect(alternativeUnder(xen, 0x1000n, 17)).toEqual({ start: 0x1010n, length: 5 });
  });
});
