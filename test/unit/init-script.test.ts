// dom0's generated /init, the initramfs around it, and the markers the host reads back.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  debugKeyCommand,
  debugKeyInput,
  guestInitramfs,
  initScript,
  MARKER_KEY_FILE,
  parseMarker,
  shQuote,
} from "../../src/boot/init-script.js";

const modules = ["/lib/modules/xen-privcmd.ko", "/lib/modules/xenfs.ko"];
const steps = [
  "cat /sys/hypervisor/version/extra",
  'xen-livepatch load /payloads/it\'s.livepatch && echo "$HOME"',
  "for f in a b; do\n  echo $f\ndone",
];

describe("initScript", () => {
  const script = initScript({ modules, steps });

  it("sets up /proc/xen: proc, sys, dev, the modules in order, then xenfs", () => {
    const lines = script.split("\n");
    expect(lines[0]).toBe("#!/bin/sh");
    const at = (text: string) => lines.findIndex((l) => l.trim().startsWith(text));
    expect(at("mount -t proc proc /proc")).toBeGreaterThan(0);
    expect(at("mount -t sysfs sysfs /sys")).toBeGreaterThan(at("mount -t proc"));
    expect(at("mount -t devtmpfs devtmpfs /dev")).toBeGreaterThan(at("mount -t sysfs"));
    expect(at("insmod '/lib/modules/xen-privcmd.ko'")).toBeGreaterThan(at("mount -t devtmpfs"));
    expect(at("insmod '/lib/modules/xenfs.ko'")).toBeGreaterThan(
      at("insmod '/lib/modules/xen-privcmd.ko'"),
    );
    expect(at("mount -t xenfs xenfs /proc/xen")).toBeGreaterThan(
      at("insmod '/lib/modules/xenfs.ko'"),
    );
    expect(lines.at(-2)).toBe("poweroff -f");
  });

  it("frames each step with numbered markers carrying its exit status and what it printed", () => {
    for (const [i, step] of steps.entries()) {
      const n = i + 1;
      expect(script).toContain(
        [
          `  xlci_mark step ${n} begin`,
          `  xlci_printed=$(sh -c ${shQuote(step)} </dev/null 2>&1 | tee /dev/console | wc -l -c)`,
          `  xlci_end step ${n} end rc=$? printed $xlci_printed`,
        ].join("\n"),
      );
    }
    expect(script).toContain("set -o pipefail");
    expect(script).toContain("xlci_end setup end rc=$xlci_rc");
  });

  it("is valid sh, and the host side finds no marker in the script's own text", () => {
    execFileSync("sh", ["-n"], { input: script });
    execFileSync("bash", ["-n"], { input: script });
    // A step that prints /init must not fake a marker.
    expect(script.split("\n").filter((l) => parseMarker(l))).toEqual([]);
  });

  it("marks exactly what the host parses", () => {
    // The marker function, as the guest runs it.
    const def = script.split("\n").find((l) => l.startsWith("xlci_mark()"))!;
    const out = execFileSync("sh", [
      "-c",
      `${def}\nxlci_mark setup begin; xlci_mark setup end rc=0; xlci_mark step 12 begin; printf partial; xlci_mark step 12 end rc=3; xlci_mark done`,
    ]).toString();
    expect(out.split("\n").map((l) => parseMarker(l))).toEqual([
      { marker: { kind: "setup-begin" }, before: "" },
      { marker: { kind: "setup-end", rc: 0 }, before: "" },
      { marker: { kind: "step-begin", step: 12 }, before: "" },
      { marker: { kind: "step-end", step: 12, rc: 3 }, before: "partial" },
      { marker: { kind: "done" }, before: "" },
      undefined,
    ]);
  });
});

describe("the boot's marker key", () => {
  const script = initScript({ modules, steps: ["true"] });
  const key = "0123456789abcdef0123456789abcdef";
  const lines = script.split("\n");

  it("is read from its file into an unexported variable, and the file removed before any step", () => {
    const read = lines.findIndex((l) => l.includes(`read -r xlci_key <${MARKER_KEY_FILE}`));
    expect(read).toBeGreaterThan(0);
    expect(lines.findIndex((l) => l === `rm -f ${MARKER_KEY_FILE}`)).toBeGreaterThan(read);
    expect(lines.findIndex((l) => l.includes("step 1 begin"))).toBeGreaterThan(read);
    expect(script).not.toMatch(/export[^\n]*xlci_key/);
    // Only /init may read it.
    const entries = guestInitramfs({
      busybox: "/bin/busybox",
      modules: [],
      steps: ["true"],
      markerKey: key,
    });
    expect(entries).toContainEqual({
      type: "file",
      path: MARKER_KEY_FILE.slice(1),
      mode: 0o400,
      data: `${key}\n`,
    });
  });

  it("is in every marker /init prints, and a line without it is a step's output", () => {
    const def = lines.find((l) => l.startsWith("xlci_mark()"))!;
    const out = execFileSync("bash", [
      "-c",
      `xlci_key=${key}\n${def}\nxlci_mark step 3 end rc=7 printed 2 10`,
    ]).toString();
    expect(out).toBe(`@@XLCI ${key} step 3 end rc=7 printed 2 10\n`);
    expect(parseMarker(out.trimEnd(), key)?.marker).toEqual({
      kind: "step-end",
      step: 3,
      rc: 7,
      printed: { lines: 2, bytes: 10 },
    });
    // What a step can print: the marker as the script spells it, or with a guessed key.
    expect(parseMarker("@@XLCI step 3 end rc=0", key)).toBeUndefined();
    expect(parseMarker(`@@XLCI ${"f".repeat(32)} step 3 end rc=0`, key)).toBeUndefined();
    // A debug-key request comes from the step's own command: never keyed.
    expect(parseMarker("@@XLCI key 2b", key)?.marker).toEqual({ kind: "key", key: "+" });
  });
});

describe("shQuote", () => {
  it.each(["plain", "it's", '$HOME `id` "q" \\', "two\nlines", ""])(
    "passes %j through sh unchanged",
    (s) => {
      expect(execFileSync("sh", ["-c", `printf %s ${shQuote(s)}`]).toString()).toBe(s);
    },
  );
});

describe("parseMarker", () => {
  it("ignores lines that merely mention markers", () => {
    expect(parseMarker("@@XLCI step x begin")).toBeUndefined();
    expect(parseMarker("@@XLCI step 1 begin and more")).toBeUndefined();
    expect(parseMarker("(XEN) nothing here")).toBeUndefined();
  });
});

describe("debug keys", () => {
  it("asks the host for a key with a marker made at run time, and waits for its newline", () => {
    const command = debugKeyCommand("+");
    // The command's own text holds no marker; what it prints is one.
    expect(parseMarker(command)).toBeUndefined();
    expect(parseMarker("@@XLCI key 2b")).toEqual({ marker: { kind: "key", key: "+" }, before: "" });
    expect(command).toMatch(/read -r -t 30 \w+ <\/dev\/console/);
  });

  it("types Xen's input switch (CTRL-a three times, doubled for QEMU's mux), the key, the switch back", () => {
    expect(debugKeyInput("a")).toBe(`${"\x01".repeat(6)}a${"\x01".repeat(6)}\n`);
  });
});

describe("guestInitramfs", () => {
  it("holds busybox, a console device, the modules and /init", () => {
    const entries = guestInitramfs({
      busybox: "/cache/busybox",
      modules: ["/cache/modules/xen-privcmd.ko", "/cache/modules/xenfs.ko"],
      steps: ["true"],
      extra: [{ type: "file", path: "usr/sbin/xen-livepatch", mode: 0o755, source: "/t/xl" }],
    });
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get("bin/busybox")).toEqual({
      type: "file",
      path: "bin/busybox",
      mode: 0o755,
      source: "/cache/busybox",
    });
    expect(byPath.get("bin/sh")).toEqual({ type: "symlink", path: "bin/sh", target: "busybox" });
    expect(byPath.get("dev/console")).toMatchObject({ type: "chardev", major: 5, minor: 1 });
    expect(byPath.get("lib/modules/xenfs.ko")).toMatchObject({ source: "/cache/modules/xenfs.ko" });
    expect(byPath.get("usr/sbin/xen-livepatch")).toMatchObject({ source: "/t/xl" });
    const init = byPath.get("init");
    expect(init).toMatchObject({ type: "file", mode: 0o755 });
    expect(init?.type === "file" && "data" in init && init.data).toBe(
      initScript({ modules, steps: ["true"] }),
    );
  });
});
