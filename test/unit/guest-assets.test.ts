// Finding dom0's kernel modules: the versioned kernel package, modules.dep, `.modinfo`
// dependencies and compressed modules. The modules here are tiny objects compiled with gcc,
// carrying only a `.modinfo` section like a real `.ko`.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  modinfoDepends,
  moduleLoadOrder,
  moduleReader,
  parseKernelDependency,
  parseModulesDep,
} from "../../src/boot/guest-assets.js";

const work = mkdtempSync(join(tmpdir(), "xlci-guest-assets-"));
const read = moduleReader(join(work, "scratch"));

/** An ELF object whose .modinfo holds `name=` and `depends=` like a kernel module's. */
function fakeModule(name: string, depends: string[]): Buffer {
  const src = join(work, `${name}.c`);
  const obj = join(work, `${name}.o`);
  const info = `name=${name}\\0depends=${depends.join(",")}\\0vermagic=6.1.0-test SMP\\0`;
  writeFileSync(
    src,
    `__attribute__((section(".modinfo"), used)) static const char info[] = "${info}";\n`,
  );
  execFileSync("gcc", ["-c", "-o", obj, src]);
  return readFileSync(obj);
}

function tree(files: Record<string, Buffer | string>): string {
  const root = mkdtempSync(join(work, "modules-"));
  for (const [rel, data] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), data);
  }
  return root;
}

describe("parseKernelDependency", () => {
  it("finds the versioned kernel package of the meta package", () => {
    const out = "linux-image-amd64\n  Depends: linux-image-6.1.0-56-amd64\n";
    expect(parseKernelDependency(out)).toBe("linux-image-6.1.0-56-amd64");
    const trixie =
      "linux-image-amd64\n |Depends: linux-image-6.12.48+deb13-amd64\n  Depends: linux-image-6.12.48+deb13-amd64-unsigned\n";
    expect(parseKernelDependency(trixie)).toBe("linux-image-6.12.48+deb13-amd64");
    expect(parseKernelDependency("linux-image-amd64\n  Recommends: firmware\n")).toBeUndefined();
  });
});

describe("parseModulesDep", () => {
  it("reads module paths and their dependencies", () => {
    const deps = parseModulesDep(
      "kernel/drivers/xen/xen-privcmd.ko:\nkernel/drivers/xen/xenfs/xenfs.ko: kernel/drivers/xen/xen-privcmd.ko\n",
    );
    expect(deps.get("kernel/drivers/xen/xenfs/xenfs.ko")).toEqual([
      "kernel/drivers/xen/xen-privcmd.ko",
    ]);
    expect(deps.get("kernel/drivers/xen/xen-privcmd.ko")).toEqual([]);
  });
});

describe("moduleLoadOrder", () => {
  it("follows .modinfo depends= (with '-' and '_' alike) and puts dependencies first", async () => {
    const root = tree({
      "kernel/drivers/xen/xenfs/xenfs.ko": fakeModule("xenfs", ["xen-privcmd"]),
      "kernel/drivers/xen/xen-privcmd.ko": fakeModule("xen_privcmd", ["base_helper"]),
      "kernel/lib/base-helper.ko": fakeModule("base_helper", []),
      "kernel/lib/unrelated.ko": fakeModule("unrelated", []),
    });
    expect(await moduleLoadOrder(root, ["xen-privcmd", "xenfs"], read)).toEqual([
      "kernel/lib/base-helper.ko",
      "kernel/drivers/xen/xen-privcmd.ko",
      "kernel/drivers/xen/xenfs/xenfs.ko",
    ]);
  });

  it("leaves out built-in modules", async () => {
    const root = tree({
      "modules.builtin": "kernel/drivers/xen/xen-privcmd.ko\n",
      "kernel/drivers/xen/xenfs/xenfs.ko": fakeModule("xenfs", ["xen_privcmd"]),
    });
    expect(await moduleLoadOrder(root, ["xen-privcmd", "xenfs"], read)).toEqual([
      "kernel/drivers/xen/xenfs/xenfs.ko",
    ]);
  });

  it("uses modules.dep when there is one", async () => {
    const root = tree({
      "modules.dep":
        "kernel/a.ko.xz:\nkernel/b.ko.xz: kernel/a.ko.xz\nkernel/xenfs.ko.xz: kernel/b.ko.xz kernel/a.ko.xz\n",
    });
    expect(await moduleLoadOrder(root, ["xenfs"], read)).toEqual([
      "kernel/a.ko.xz",
      "kernel/b.ko.xz",
      "kernel/xenfs.ko.xz",
    ]);
  });

  it("names a module that is missing", async () => {
    const root = tree({ "kernel/xenfs.ko": fakeModule("xenfs", ["xen-privcmd"]) });
    await expect(moduleLoadOrder(root, ["xenfs"], read)).rejects.toThrow(
      /kernel module 'xen-privcmd' is not in/,
    );
  });
});

describe("moduleReader", () => {
  const plain = fakeModule("xenfs", ["xen-privcmd"]);

  it("reads .ko, .ko.gz, .ko.xz and .ko.zst modules", async () => {
    const root = tree({ "a.ko": plain, "b.ko.gz": gzipSync(plain), "c.ko": plain, "d.ko": plain });
    execFileSync("xz", [join(root, "c.ko")]);
    execFileSync("zstd", ["--quiet", "--rm", join(root, "d.ko")]);
    for (const name of ["a.ko", "b.ko.gz", "c.ko.xz", "d.ko.zst"]) {
      const bytes = await read(join(root, name));
      expect(Buffer.from(bytes).equals(plain), name).toBe(true);
      expect(modinfoDepends(bytes, name)).toEqual(["xen-privcmd"]);
    }
  });
});
