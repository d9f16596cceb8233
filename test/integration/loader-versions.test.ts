// The version-dependent verdicts of the loader models, on Xen's real in-tree payloads made
// defective: each payload is verified against the Debian 4.17.5 base's xen-syms with the
// 4.17 loader and with the 4.20.4 and 4.21.2 loaders (fa49f4be41, 86d09d16dd, aa5a06d5d6,
// see ../shared/xen-versions.md section 2), and the findings' verdicts, errnos, console lines
// and the first refusal must be each version's. A boot of Xen 4.21.2 confirms the newer
// side (test/integration/versions.test.ts), the agreement test the 4.17 side.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseElf } from "../../src/elf/reader.js";
import { Payload } from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { type LoaderVersion, loaderFor } from "../../src/verify/loader-model.js";
import { XEN_DEPENDS_LATE } from "../../src/xen/loader-version.js";
import { loaderOutcome } from "../../src/verify/loader-order.js";
import { type Finding, type RuleId } from "../../src/verify/rules.js";
import { verifyPayload } from "../../src/verify/verifier.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { findingsText } from "../../src/report/text.js";
import {
  ALT_CPUID,
  ALT_ORIG_LEN,
  ALT_PAD_LEN,
  HELLO,
  NOTE_NAME,
  NOTE_TYPE,
} from "../helpers/defects/index.js";
import {
  renameSection,
  renameSymbol,
  setSectionField,
  writeSectionBytes,
  xorSectionByte,
} from "../helpers/elf-mutate.js";
import { getXenBase } from "./xen-base.js";

let xen: XenSyms;
let xenSymsPath: string;
let hello: Uint8Array;
let OLD: LoaderVersion;
const NEW = loaderFor({ major: 4, minor: 20, patch: 4, text: "4.20.4" });
const NEWEST = loaderFor({ major: 4, minor: 21, patch: 2, text: "4.21.2" });

beforeAll(async () => {
  const base = await getXenBase();
  xenSymsPath = base.xenSyms;
  xen = await XenSyms.load(base.xenSyms);
  OLD = loaderFor(xen.version());
  const path = base.testPayloads.find((p) => basename(p) === `${HELLO}.livepatch`)!;
  hello = new Uint8Array(await readFile(path));
});

const verify = (bytes: Uint8Array, loader: LoaderVersion, withXen = true): Finding[] =>
  verifyPayload(new Payload(parseElf(bytes, `${HELLO}.livepatch`)), {
    ...(withXen ? { xen } : {}),
    stack: [],
    loader,
    instructions: false,
  });
const only = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.ruleId === rule);
const messages = (findings: Finding[], rule: RuleId) => only(findings, rule).map((f) => f.message);
const sectionSize = (bytes: Uint8Array, name: string) =>
  parseElf(bytes, "(lookup)").sectionNamed(name)!.size;

describe("the hypervisor's version, from xen-syms", () => {
  it("reads the Debian base as Xen 4.17.5 with NCAPINTS 21, and gives it 4.17's loader", () => {
    expect(xen.version()).toEqual({ major: 4, minor: 17, patch: 5, text: "4.17.5" });
    expect(xen.capabilityWords()).toBe(21);
    expect(OLD.name).toBe("Xen 4.17.5");
    expect([
      OLD.xenDepends !== XEN_DEPENDS_LATE,
      OLD.alternatives.refused,
      OLD.noteTypeErrno,
    ]).toEqual([false, false, "EINVAL"]);
    // Without a loader given, the verifier picks the same.
    const chosen = verifyPayload(new Payload(parseElf(hello, `${HELLO}.livepatch`)), {
      xen,
      stack: [],
      instructions: false,
    });
    expect(chosen).toEqual(verify(hello, OLD));
  });

  it("finds nothing version-dependent in the unbroken payload", () => {
    for (const loader of [OLD, NEW, NEWEST])
      expect(verify(hello, loader).filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("aa5a06d5d6: an alternative Xen cannot apply", () => {
  const cases = [
    {
      what: "a feature number past NCAPINTS * 32",
      bytes: () => writeSectionBytes(hello, ".altinstructions", ALT_CPUID, [0xf0, 0x7f]),
      errno: "ERANGE, -34",
      rc: -34,
    },
    {
      what: "a replacement longer than orig_len + pad_len",
      bytes: () => writeSectionBytes(hello, ".altinstructions", ALT_ORIG_LEN, [0]),
      errno: "ENOSPC, -28",
      rc: -28,
    },
    {
      what: "orig_len + pad_len over 254",
      bytes: () => writeSectionBytes(hello, ".altinstructions", ALT_PAD_LEN, [250]),
      errno: "ENOSPC, -28",
      rc: -28,
    },
  ];
  for (const c of cases) {
    it(`${c.what}: 4.17 panics at upload, 4.20 and 4.21 refuse the upload`, () => {
      const bytes = c.bytes();
      const old = verify(bytes, OLD);
      expect(messages(old, "altinstr-entry")).toEqual([
        expect.stringMatching(
          /^\.altinstructions entry 0: .*: Xen 4\.17\.5 hits BUG_ON in _apply_alternatives\(\) at upload, a hypervisor panic$/,
        ),
      ]);
      expect(loaderOutcome(old, OLD)).toMatchObject({
        verdict: "crashes",
        finding: { ruleId: "altinstr-entry" },
      });
      for (const loader of [NEW, NEWEST]) {
        const found = verify(bytes, loader);
        expect(messages(found, "altinstr-entry")).toEqual([
          expect.stringContaining(
            `: ${loader.name} refuses the upload (${c.errno}; "${HELLO} applying alternatives failed: ${c.rc}")`,
          ),
        ]);
        expect(loaderOutcome(found, loader)).toMatchObject({
          verdict: "refuses-upload",
          finding: { ruleId: "altinstr-entry" },
        });
      }
    });
  }

  it("takes NCAPINTS from xen-syms, else from the version: feature 672 is past 4.17's 21 words, not 4.21's 22", () => {
    const at = (feature: number) =>
      writeSectionBytes(hello, ".altinstructions", ALT_CPUID, [feature & 0xff, feature >> 8]);
    // xen-syms' forced_caps (21 words) decides, whatever the model.
    expect(only(verify(at(671), NEWEST), "altinstr-entry")).toEqual([]);
    expect(messages(verify(at(672), NEWEST), "altinstr-entry")).toEqual([
      expect.stringContaining("NCAPINTS 21, from xen-syms' forced_caps"),
    ]);
    // Without xen-syms, the version's own value.
    expect(only(verify(at(672), NEWEST, false), "altinstr-entry")).toEqual([]);
    expect(messages(verify(at(704), NEWEST, false), "altinstr-entry")).toEqual([
      expect.stringContaining("NCAPINTS 22, from Xen 4.21.2"),
    ]);
    expect(messages(verify(at(672), OLD, false), "altinstr-entry")).toHaveLength(1);
    // Bit 15 is ALT_FLAG_NOT, not part of the feature.
    expect(only(verify(at(0x8000 | 3), OLD), "altinstr-entry")).toEqual([]);
  });
});

describe("86d09d16dd: a build-id note of the wrong type or name", () => {
  it("is EINVAL on 4.17 and ENODATA from 4.20, for .note.gnu.build-id and .livepatch.depends", () => {
    const wrongType = writeSectionBytes(hello, ".note.gnu.build-id", NOTE_TYPE, [4, 0, 0, 0]);
    const wrongName = writeSectionBytes(hello, ".livepatch.depends", NOTE_NAME, "GNX");
    for (const [bytes, section] of [
      [wrongType, ".note.gnu.build-id"],
      [wrongName, ".livepatch.depends"],
    ] as const) {
      expect(messages(verify(bytes, OLD), "note-invalid")).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${section.replace(/\./g, "\\.")}: .*: Xen 4\\.17\\.5 refuses the upload \\(EINVAL, -22\\)$`,
          ),
        ),
      ]);
      expect(messages(verify(bytes, NEW), "note-invalid")).toEqual([
        expect.stringMatching(/: Xen 4\.20\.4 refuses the upload \(ENODATA, -61\)$/),
      ]);
    }
  });

  it("stays EINVAL for a size error", () => {
    // A name size of 3: shorter than "GNU\0".
    const short = writeSectionBytes(hello, ".note.gnu.build-id", 0, [3, 0, 0, 0]);
    for (const loader of [OLD, NEW])
      expect(messages(verify(short, loader), "note-invalid")).toEqual([
        expect.stringMatching(/refuses the upload \(EINVAL, -22\)$/),
      ]);
  });

  it("stays EINVAL for .livepatch.xen_depends, with check_xen_buildid()'s message from 4.20", () => {
    const wrongType = writeSectionBytes(hello, ".livepatch.xen_depends", NOTE_TYPE, [4, 0, 0, 0]);
    expect(messages(verify(wrongType, OLD), "note-invalid")).toEqual([
      expect.stringMatching(/: Xen 4\.17\.5 refuses the upload \(EINVAL, -22\)$/),
    ]);
    expect(messages(verify(wrongType, NEW), "note-invalid")).toEqual([
      expect.stringContaining(
        `Xen 4.20.4 refuses the upload (EINVAL, -22; "${HELLO}: failed to parse section .livepatch.xen_depends as build-id: -61")`,
      ),
    ]);
  });
});

describe("fa49f4be41: the build-id check earlier, with new messages", () => {
  it("a missing .livepatch.xen_depends", () => {
    const bytes = renameSection(hello, ".livepatch.xen_depends", "livepatch.xen_depends");
    expect(messages(verify(bytes, OLD), "section-missing")).toEqual([
      `required section .livepatch.xen_depends is missing: Xen 4.17.5 refuses the upload (EINVAL, -22; "${HELLO}: .livepatch.xen_depends is missing")`,
    ]);
    expect(messages(verify(bytes, NEW), "section-missing")).toEqual([
      `required section .livepatch.xen_depends is missing: Xen 4.20.4 refuses the upload (EINVAL, -22; "${HELLO}: section .livepatch.xen_depends is missing")`,
    ]);
  });

  it("an empty .livepatch.xen_depends", () => {
    const bytes = setSectionField(hello, ".livepatch.xen_depends", "size", 0);
    expect(messages(verify(bytes, OLD), "section-empty")).toEqual([
      expect.stringContaining(`"${HELLO}: .livepatch.xen_depends is empty"`),
    ]);
    expect(messages(verify(bytes, NEW), "section-empty")).toEqual([
      expect.stringContaining(
        `"${HELLO}: failed to parse section .livepatch.xen_depends as build-id: -22"`,
      ),
    ]);
  });

  it("a .livepatch.xen_depends that is not the hypervisor's build-id", () => {
    const size = sectionSize(hello, ".livepatch.xen_depends");
    const bytes = xorSectionByte(hello, ".livepatch.xen_depends", size - 1, 1);
    expect(messages(verify(bytes, OLD), "xen-depends-mismatch")).toEqual([
      expect.stringContaining(`"${HELLO}: check against hypervisor build-id failed"`),
    ]);
    expect(messages(verify(bytes, NEW), "xen-depends-mismatch")).toEqual([
      expect.stringContaining(`"${HELLO}: build-id mismatch:"`),
    ]);
  });

  it("changes which of several defects Xen reports: a mismatched build-id and an unknown symbol", () => {
    const size = sectionSize(hello, ".livepatch.xen_depends");
    // "extra_version" is the tail of "xen_extra_version" in .strtab: no hypervisor symbol.
    const bytes = xorSectionByte(
      renameSymbol(hello, "xen_extra_version", "extra_version"),
      ".livepatch.xen_depends",
      size - 1,
      1,
    );
    const old = verify(bytes, OLD);
    const neu = verify(bytes, NEW);
    // Both versions see both defects; they stop at different ones.
    for (const found of [old, neu])
      expect(new Set(found.filter((f) => f.severity === "error").map((f) => f.ruleId))).toEqual(
        new Set(["symbol-unresolved", "xen-depends-mismatch"]),
      );
    expect(loaderOutcome(old, OLD)).toMatchObject({
      verdict: "refuses-upload",
      step: "symbols",
      finding: { ruleId: "symbol-unresolved" },
    });
    expect(loaderOutcome(neu, NEW)).toMatchObject({
      verdict: "refuses-upload",
      step: "xen-build-id",
      finding: { ruleId: "xen-depends-mismatch" },
    });
  });

  it("changes the verdict of a payload with a bad alternative and a mismatched build-id", () => {
    const size = sectionSize(hello, ".livepatch.xen_depends");
    const bytes = xorSectionByte(
      writeSectionBytes(hello, ".altinstructions", ALT_CPUID, [0xf0, 0x7f]),
      ".livepatch.xen_depends",
      size - 1,
      1,
    );
    expect(loaderOutcome(verify(bytes, OLD), OLD)).toMatchObject({
      verdict: "crashes",
      finding: { ruleId: "altinstr-entry" },
    });
    expect(loaderOutcome(verify(bytes, NEW), NEW)).toMatchObject({
      verdict: "refuses-upload",
      finding: { ruleId: "xen-depends-mismatch" },
    });
  });
});

describe("the report of a payload set", () => {
  it("names the defect the hypervisor's loader meets first, and what it does", async () => {
    const size = sectionSize(hello, ".livepatch.xen_depends");
    const bytes = xorSectionByte(
      renameSymbol(hello, "xen_extra_version", "extra_version"),
      ".livepatch.xen_depends",
      size - 1,
      1,
    );
    const dir = await mkdtemp(join(tmpdir(), "xlci-loader-versions-"));
    const file = join(dir, "two_defects.livepatch");
    await writeFile(file, bytes);
    const result = await verifyPayloadSet({
      payloads: [file],
      xenSyms: xenSymsPath,
      applied: [],
      instructions: false,
    });
    expect(result.payloads[0]!.loader).toEqual({
      version: "Xen 4.17.5",
      verdict: "refuses-upload",
      ruleId: "symbol-unresolved",
    });
    expect(findingsText(result.payloads, dir).split("\n").slice(0, 2)).toEqual([
      "two_defects.livepatch: 2 errors, 1 note",
      "  Xen 4.17.5's loader: refuses the upload first for symbol-unresolved",
    ]);
    const clean = await verifyPayloadSet({ payloads: [file], xenSyms: undefined, applied: [] });
    // Without xen-syms: 4.17's loader, and only what the file shows.
    expect(clean.payloads[0]!.loader?.version).toBe("Xen 4.17");
  });
});
