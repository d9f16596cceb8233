import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  applyPatch,
  applyFailure,
  linesMovedBy,
  parsePatch,
  patchPayloadName,
} from "../../src/patch/series.js";
import { ConfigurationError } from "../../src/util/errors.js";

const header = (path: string) => `--- a/${path}\n+++ b/${path}\n`;
const hunk = "@@ -10,3 +10,3 @@\n ctx\n-old\n+new\n ctx\n";

/** The refusal of a patch read with refuse-outside-xen set (it also refuses files outside xen/). */
function refusal(text: string): string {
  try {
    parsePatch("/p/fix.patch", text, "refuse");
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigurationError);
    expect((e as ConfigurationError).input).toBe("patches");
    return (e as Error).message;
  }
  throw new Error("the patch was accepted");
}

describe("patch files", () => {
  it("reads the files and hunks of a patch, with their lines", () => {
    const p = parsePatch(
      "/p/0001-fix.patch",
      `From abc\nSubject: fix\n\ndiff --git a/xen/common/a.c b/xen/common/a.c\nindex 1..2 100644\n${header("xen/common/a.c")}${hunk}${hunk.replace("-10,3 +10,3", "-40,3 +40,4")}`,
    );
    expect(p.name).toBe("0001-fix");
    expect(p.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(p.files).toEqual([
      {
        path: "xen/common/a.c",
        hunks: [
          {
            header: "@@ -10,3 +10,3 @@",
            oldStart: 10,
            oldCount: 3,
            newStart: 10,
            newCount: 3,
            line: 8,
          },
          {
            header: "@@ -40,3 +40,4 @@",
            oldStart: 40,
            oldCount: 3,
            newStart: 40,
            newCount: 4,
            line: 13,
          },
        ],
      },
    ]);
  });

  it("tells which unchanged lines the hunks move, and where to", () => {
    const p = parsePatch(
      "/p/0001-fix.patch",
      `${header("xen/common/a.c")}${hunk}${hunk.replace("-10,3 +10,3", "-40,3 +40,4")}`,
    );
    const moved = linesMovedBy([p]);
    expect(moved(5, 5)).toBe(false); // above every hunk
    expect(moved(41, 41)).toBe(false); // inside a hunk: not counted
    expect(moved(20, 20)).toBe(false); // between hunks that add nothing
    expect(moved(50, 51)).toBe(true); // below the hunk that adds a line
    expect(moved(50, 52)).toBe(false);
  });

  it("names Windows line endings instead of failing to apply", () => {
    const crlf = (header("xen/common/kernel.c") + hunk).replace(/\n/g, "\r\n");
    expect(refusal(crlf)).toMatch(/fix\.patch:1: the patch has CRLF \(Windows\) line endings/);
    // Content lines ending in CR belong to a file with CR in it: they stay accepted.
    const inFile = header("xen/common/kernel.c") + hunk.replace("+new\n", "+new\r\n");
    expect(parsePatch("/p/fix.patch", inFile).files).toHaveLength(1);
  });

  it("accepts a new file under xen/", () => {
    const p = parsePatch(
      "/p/new.patch",
      `--- /dev/null\n+++ b/xen/common/new.c\n@@ -0,0 +1,1 @@\n+int x;\n`,
    );
    expect(p.files[0]!.path).toBe("xen/common/new.c");
  });

  it.each([
    [
      "a file outside xen/",
      header("tools/libs/a.c") + hunk,
      /fix\.patch:2: a\/tools\/libs\/a\.c is outside xen\//,
    ],
    ["a path leaving the tree", header("xen/../../etc/passwd") + hunk, /with "\.\." in it/],
    [
      "a symbolic link whose mode line git reads past trailing words",
      `diff --git a/xen/l b/xen/l\nnew file mode 120000 sneaky\n${header("xen/l")}${hunk}`,
      /fix\.patch:2: .*symbolic link/,
    ],
    [
      "a symbolic link whose mode line ends in CR",
      `diff --git a/xen/l b/xen/l\nnew file mode 120000\r\n${header("xen/l")}${hunk}`,
      /fix\.patch:2: .*symbolic link/,
    ],
    [
      "a submodule (gitlink)",
      `diff --git a/xen/sub b/xen/sub\nnew file mode 160000\n${header("xen/sub")}${hunk}`,
      /fix\.patch:2: mode 160000 is not a regular file's/,
    ],
    [
      "a quoted path, which git unquotes",
      `--- "a/Config.mk"\n+++ "b/Config.mk"\n${hunk}`,
      /fix\.patch:2: "a\/Config\.mk": a quoted path/,
    ],
    [
      "a date after a space, which git takes off",
      `--- a/Config.mk 2026-01-01 00:00:00\n+++ b/Config.mk 2026-01-01 00:00:00\n${hunk}`,
      /fix\.patch:2: "a\/Config\.mk 2026-01-01 00:00:00": a path with white space/,
    ],
    ["an absolute path", "--- /etc/passwd\n+++ /etc/passwd\n" + hunk, /absolute path/],
    [
      "a binary hunk",
      `diff --git a/xen/a.bin b/xen/a.bin\nGIT binary patch\nliteral 1\n`,
      /fix\.patch:2: binary changes/,
    ],
    [
      "a symbolic link",
      `diff --git a/xen/l b/xen/l\nnew file mode 120000\n${header("xen/l")}${hunk}`,
      /fix\.patch:2: .*symbolic link/,
    ],
    [
      "a rename",
      `diff --git a/xen/a.c b/xen/b.c\nrename from xen/a.c\nrename to xen/b.c\n`,
      /renames or copies/,
    ],
    [
      "a symbolic link whose mode has git's leading zero",
      `diff --git a/xen/l b/xen/l\nnew file mode 0120000\n${header("xen/l")}${hunk}`,
      /fix\.patch:2: .*symbolic link/,
    ],
    [
      "a change to a symbolic link, named only by its index line",
      `diff --git a/xen/l b/xen/l\nindex 1111111..2222222 120000\n${header("xen/l")}${hunk}`,
      /fix\.patch:2: .*symbolic link/,
    ],
    [
      "a rename in git's older header words, out of xen/",
      `diff --git a/xen/COPYING b/xen/COPYING\nrename old xen/COPYING\nrename new tools/evil\n`,
      /fix\.patch:2: .*renames or copies/,
    ],
    ["no hunks at all", "just a description\n", /no unified diff hunks/],
    [
      "a new empty file outside xen/ that only git's header names",
      `diff --git a/tools/evil.sh b/tools/evil.sh\nnew file mode 100755\nindex 0000000..e69de29\n${header("xen/a.c")}${hunk}`,
      /fix\.patch:1: a\/tools\/evil\.sh is outside xen\//,
    ],
    [
      "a git header whose paths cannot be read",
      `diff --git "a/xen/a b.c" "b/xen/a b.c"\n${header("xen/a.c")}${hunk}`,
      /fix\.patch:1: a diff --git header whose paths cannot be read/,
    ],
  ])("refuses %s, naming the patch and the line", (_what, text, message) => {
    expect(refusal(text)).toMatch(message);
  });

  it("leaves out the files outside xen/ an advisory's patch also changes, listing them", () => {
    const p = parsePatch(
      "/p/xsa.patch",
      `diff --git a/tools/evil.sh b/tools/evil.sh\nnew file mode 100755\nindex 0000000..e69de29\n${header("SUPPORT.md")}${hunk}${header("xen/common/a.c")}${hunk}${header("tools/flask/policy/modules/dom0.te")}${hunk}`,
    );
    expect(p.files.map((f) => f.path)).toEqual(["xen/common/a.c"]);
    expect(p.leftOut).toEqual([
      "tools/evil.sh",
      "SUPPORT.md",
      "tools/flask/policy/modules/dom0.te",
    ]);
    // Only the hypervisor's part is left: a patch with none is refused, naming what it has.
    expect(() => parsePatch("/p/docs.patch", header("docs/misc/a.md") + hunk)).toThrow(
      /^patches: \/p\/docs\.patch changes no file under xen\/ \(only docs\/misc\/a\.md\): a livepatch changes only the hypervisor$/,
    );
  });

  it("names the hunk git apply could not apply", () => {
    const p = parsePatch(
      "/p/fix.patch",
      header("xen/common/a.c") + hunk + hunk.replace("-10,3 +10,3", "-40,3 +40,3"),
    );
    const message = applyFailure(
      p,
      "error: patch failed: xen/common/a.c:40\nerror: xen/common/a.c: patch does not apply\n",
    );
    expect(message).toMatch(
      /^\/p\/fix\.patch:8: hunk 2 of xen\/common\/a\.c \(@@ -40,3 \+40,3 @@\) does not apply/,
    );
  });

  it("names payloads after the patch file", () => {
    expect(patchPayloadName("/x/0001-Fix XSA-123.patch")).toBe("0001-Fix_XSA-123");
    expect(patchPayloadName("/x/fix.diff")).toBe("fix");
    expect(() => patchPayloadName("/x/.patch")).toThrow(ConfigurationError);
  });

  it("applies only what git itself reads as under xen/, whatever the parser listed", async () => {
    const tree = mkdtempSync(join(tmpdir(), "xlci-apply-"));
    mkdirSync(join(tree, "xen"));
    writeFileSync(join(tree, "xen", "a.c"), "ctx\nold\nctx\n");
    writeFileSync(join(tree, "Config.mk"), "ctx\nold\nctx\n");
    const change = "@@ -1,3 +1,3 @@\n ctx\n-old\n+new\n ctx\n";
    const path = join(tree, "both.patch");
    writeFileSync(path, header("Config.mk") + change + header("xen/a.c") + change);
    // As if the parser had missed Config.mk (it lists it; git decides).
    const patch = { ...parsePatch(path, readFileSync(path, "latin1")), leftOut: [] };
    await applyPatch(patch, tree);
    expect(readFileSync(join(tree, "xen", "a.c"), "utf8")).toBe("ctx\nnew\nctx\n");
    expect(readFileSync(join(tree, "Config.mk"), "utf8")).toBe("ctx\nold\nctx\n");
  });
});
