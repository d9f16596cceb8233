// The smaller hostile inputs of issue 19: each is refused or taken as meant, at once.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { configInputs } from "../../src/cli-config.js";
import { main } from "../../src/commands.js";
import { parseOptions } from "../../src/options.js";
import { ConfigurationError } from "../../src/util/errors.js";

const work = mkdtempSync(join(tmpdir(), "xlci-small-"));
const file = (name: string) => {
  const path = join(work, name);
  writeFileSync(path, "");
  return path;
};
const options = (raw: Record<string, string>) =>
  parseOptions({ "xen-source": "debian", ...raw }, work, join(work, "cache"));

afterEach(() => vi.restoreAllMocks());

describe("smaller inputs", () => {
  it("a file whose name has a comma can be given; commas still separate other items", () => {
    const comma = file("fix,1.patch");
    const [a, b] = [file("a.patch"), file("b.patch")];
    expect(options({ patches: "fix,1.patch" }).patches).toEqual([comma]);
    expect(options({ patches: "a.patch,b.patch" }).patches).toEqual([a, b]);
  });

  it("a YAML false (or true) in a list is the string the runner would pass", () => {
    expect(configInputs({ checks: [false, true, "xl info"] }, "c.yml")).toEqual({
      checks: "false\ntrue\nxl info",
    });
  });

  it("help for a command that does not exist is a usage mistake (exit 2)", async () => {
    let stderr = "";
    vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
    vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    expect(await main(["help", "nosuchcmd"])).toBe(2);
    expect(await main(["help", "verify"])).toBe(0);
    vi.restoreAllMocks();
    expect(stderr).toContain('help: unknown command "nosuchcmd"');
  });

  it("build-values characters the build cannot take are refused with the inputs", () => {
    expect(() => options({ "build-values": "XEN_BUILD_HOST=a/b" })).toThrow(ConfigurationError);
    expect(() => options({ "build-values": "XEN_BUILD_HOST=a/b" })).toThrow(
      /build-values: XEN_BUILD_HOST="a\/b": must be a string without/,
    );
  });
});
