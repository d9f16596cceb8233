// Assembly routines through the patch builder. From Xen 4.19 they are FUNC()/END() pairs
// with a type and a size: a patch to one becomes a funcs entry like a C function, goes
// through the verifier and the default scenario, and dom0 sees its effect. Entry code
// (.text.entry, mapped under XPTI before the switch to Xen's full page tables) is refused
// with that reason; on the Debian 4.17 base, whose routines are untyped labels, an
// assembly change is refused saying from which version assembly can be patched.
//
// XLCI_XEN_VERSIONS picks the releases as in versions.test.ts (CI: 4.21.2).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHF_ALLOC } from "../../src/elf/constants.js";
import { Payload } from "../../src/livepatch/payload.js";
import { buildPatchPayloads } from "../../src/patch/build.js";
import { parseOptions } from "../../src/options.js";
import { run } from "../../src/pipeline.js";
import { terminalLogger } from "../../src/util/logger.js";
import { chosenReleases, xenReleaseRepo } from "../helpers/xen-trees.js";
import { getXenBase, getXenSource, integrationCacheDir } from "./xen-base.js";

/** Releases whose assembly routines carry FUNC()/END() types and sizes (4.19 on). */
const typedAssembly = chosenReleases(["4.21.2"]).filter(
  (r) => r === "master" || Number(r.split(".")[1]) >= 19,
);

/**
 * A unified diff of the file `path` of a tree (`xen/...`, content `text`) that inserts
 * each edit's lines after the first line equal to its anchor (anchors in file order), one
 * hunk each with context, so one patch fits every release whose file has those lines.
 */
function insertionPatch(
  path: string,
  text: string,
  edits: ReadonlyArray<{ anchor: string; added: string[] }>,
): string {
  const lines = text.split("\n");
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let shift = 0;
  for (const { anchor, added } of edits) {
    const at = lines.indexOf(anchor);
    if (at < 0) throw new Error(`${path} has no line "${anchor}"`);
    const from = Math.max(0, at - 2);
    const before = lines.slice(from, at + 1);
    const after = lines.slice(at + 1, at + 4);
    const count = before.length + after.length;
    out.push(
      `@@ -${from + 1},${count} +${from + 1 + shift},${count + added.length} @@`,
      ...before.map((l) => ` ${l}`),
      ...added.map((l) => `+${l}`),
      ...after.map((l) => ` ${l}`),
    );
    shift += added.length;
  }
  return `${out.join("\n")}\n`;
}

const ASM_PATCH = join(import.meta.dirname, "..", "fixtures", "versions", "asm-routine.patch");
/**
 * What dom0 reads from port 0x2e0 with the payload applied (the fixture's 'L', 4c), and
 * from its neighbour 0x2e1, which the patch leaves alone: nothing answers there either,
 * so it shows what the unpatched emulation gives.
 */
const PORT_CHECK = [
  'port() { dd if=/dev/port bs=1 skip="$1" count=1 2>/dev/null | od -An -tx1 | tr -d " "; }',
  "a=$(port 736); b=$(port 737)",
  'echo "port 0x2e0 reads $a, port 0x2e1 reads $b"',
  '[ "$a" = 4c ] && [ "$b" != 4c ]',
].join("; ");

describe.each(typedAssembly)("Xen %s assembly routines", (release) => {
  const cacheDir = integrationCacheDir();
  const pipeline = (inputs: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), `xlci-${release}-asm-`));
    const { url, ref } = xenReleaseRepo(release, cacheDir);
    return run(
      parseOptions(
        { "xen-source": url, "xen-ref": ref, "output-dir": out, ...inputs },
        out,
        cacheDir,
      ),
      terminalLogger(process.stderr, true),
    );
  };

  it("patches save_guest_gprs (gpr_switch.S) like a C function; dom0 reads the patched port", async () => {
    const result = await pipeline({
      patches: ASM_PATCH,
      scenario: "default",
      checks: PORT_CHECK,
    });
    expect(result.reason).toBeUndefined();
    expect(result.verdict).toBe("pass");
    const payload = result.payloads[0]!;
    expect(payload.name).toBe("asm-routine");
    expect(payload.findings.filter((f) => f.severity === "error")).toEqual([]);
    // gpr_switch.o is built with debug information (DEBUG_INFO=y) and notes: none of it
    // is payload content (the link's own empty .note.GNU-stack marker is no content).
    const sections = (await Payload.load(payload.file)).elf.sections;
    expect(sections.filter((s) => /^\.(rela)?\.debug|^\.note\.gnu\.property/.test(s.name))).toEqual(
      [],
    );
    for (const s of sections.filter((s) => s.name === ".note.GNU-stack")) {
      expect([s.size, s.flags & SHF_ALLOC]).toEqual([0, 0]);
    }
    const check = result.scenario?.steps.find((s) => s.name.includes("/dev/port"));
    expect(check?.status).toBe("passed");
    expect(check?.commands.map((c) => c.output).join("\n")).toMatch(
      /port 0x2e0 reads 4c, port 0x2e1 reads [0-9a-f]{2}/,
    );
    expect(result.scenario?.ok).toBe(true);
  }, 3_600_000);

  it("refuses entry code with the XPTI reason, and a routine entered inside its body, naming each", async () => {
    const { url } = xenReleaseRepo(release, cacheDir);
    const path = "xen/arch/x86/x86_64/entry.S";
    const text = readFileSync(join(url.replace(/^file:\/\//, ""), path), "utf8");
    const dir = mkdtempSync(join(tmpdir(), "xlci-asm-entry-"));
    const patch = join(dir, "entry-code.patch");
    // switch_to_kernel is in .text, but the entry paths jump to its global label
    // test_all_events, and its UNLIKELY_START() code lies after all routines.
    writeFileSync(
      patch,
      insertionPatch(path, text, [
        { anchor: "FUNC_LOCAL(switch_to_kernel)", added: ["        nop"] },
        { anchor: "FUNC(lstar_enter)", added: ["        nop"] },
      ]),
    );
    // A refusal is the user's mistake: the run stops with it.
    const message = await pipeline({ patches: patch }).then(
      () => "built",
      (e: Error) => e.message,
    );
    expect(message).toMatch(
      /lstar_enter \(xen\/arch\/x86\/x86_64\/entry\.o\) is in \.text\.entry, entry code that runs under XPTI before Xen switches to its full page tables/,
    );
    // From 4.21 test_all_events is a global LABEL(); before, a plain label the entry paths
    // jump to: either way the routine is entered inside its body.
    expect(message).toMatch(
      text.includes("LABEL(test_all_events")
        ? /x86_64\/entry\.S#switch_to_kernel \(xen\/arch\/x86\/x86_64\/entry\.o\) is entered elsewhere than at its start \(the global label test_all_events at \+\d+;/
        : /x86_64\/entry\.S#switch_to_kernel \(xen\/arch\/x86\/x86_64\/entry\.o\) is entered elsewhere than at its start \(a reference from \w+ to \+\d+/,
    );
    expect(message).toMatch(
      /x86_64\/entry\.S#switch_to_kernel \(xen\/arch\/x86\/x86_64\/entry\.o\) cannot run from a payload as it is: it has a reference at \+\d+ to .*outside any function symbol/,
    );
  }, 3_600_000);
});

describe("Xen 4.17 (Debian 12) assembly", () => {
  it("refuses an assembly change, saying that assembly routines can be patched from Xen 4.19 on", async () => {
    const [base, source] = await Promise.all([getXenBase(), getXenSource()]);
    const path = "xen/arch/x86/x86_64/entry.S";
    const text = readFileSync(join(source.root, path), "utf8");
    const dir = mkdtempSync(join(tmpdir(), "xlci-asm-417-"));
    const patch = join(dir, "untyped.patch");
    // test_all_events is in .text on 4.17: an untyped label, not entry code.
    writeFileSync(
      patch,
      insertionPatch(path, text, [{ anchor: "test_all_events:", added: ["        nop"] }]),
    );
    const refused = await buildPatchPayloads({
      base,
      baseOptions: { source, cacheDir: integrationCacheDir() },
      source: source.identity,
      patches: [patch],
      mode: "stacked",
      expectations: "auto",
      outDir: join(dir, "payloads"),
      sourcesDir: join(dir, "sources"),
      logFile: join(dir, "patch-build.log"),
    }).then(
      () => "built",
      (e: Error) => e.message,
    );
    expect(refused).toMatch(
      /xen\/arch\/x86\/x86_64\/entry\.o: the code at test_all_events(\+0x\w+)? in \.text changed, and is assembly without function types or sizes: Xen 4\.17\S* writes/,
    );
    expect(refused).toMatch(/assembly routines can be patched from Xen 4\.19 on/);
  }, 1_800_000);
});
