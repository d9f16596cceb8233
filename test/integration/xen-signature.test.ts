// EXPERIMENTAL: the `.note.Xen.signature` of Xen's 2025 proposal on a real payload (Xen's
// in-tree hello world from the cached base), checked by our code, by readelf, by openssl
// (an independent RSA/SHA-256 implementation) and by our verifier, which must still accept it.
import { spawnSync } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseElf } from "../../src/elf/reader.js";
import type { Metadata } from "../../src/report/metadata.js";
import {
  XEN_SIGNATURE_SECTION,
  checkXenSignature,
  embedXenSignature,
  loadXenSignatureKey,
} from "../../src/sign/xen-note.js";
import { ConfigurationError } from "../../src/util/errors.js";
import { verifyPayloadSet } from "../../src/verify/payload-set.js";
import { TOOL_NAME, TOOL_VERSION } from "../../src/version.js";
import { runCli as cli } from "../helpers/cli.js";
import { getXenBase, integrationCacheDir } from "./xen-base.js";

const tmp = () => mkdtempSync(join(tmpdir(), "xlci-xen-sig-"));
const rsa = (bits: number) => {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: bits });
  return {
    private: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    public: publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
};
const key = rsa(3072);

let hello: string;
let xenSyms: string;

beforeAll(async () => {
  const base = await getXenBase();
  hello = base.testPayloads.find((p) => p.endsWith("/xen_hello_world.livepatch"))!;
  xenSyms = base.xenSyms;
}, 900_000);
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

async function signedCopy(): Promise<string> {
  const file = join(tmp(), "xen_hello_world.livepatch");
  copyFileSync(hello, file);
  await embedXenSignature(file, loadXenSignatureKey(key.private, "xen-signature-key"));
  return file;
}

describe("the Xen signature note", () => {
  it("is one Xen note of type version 1 | RSA | SHA-256, as readelf sees it", async () => {
    const file = await signedCopy();
    const sections = spawnSync("readelf", ["-SW", file], { encoding: "utf8" }).stdout;
    expect(sections).toMatch(/\.note\.Xen\.signature\s+NOTE\s/);
    const notes = spawnSync("readelf", ["-nW", file], { encoding: "utf8" }).stdout;
    // readelf names type 1 after the generic NT_VERSION; 0x180 bytes: an RSA-3072 signature.
    expect(notes).toMatch(
      /Displaying notes found in: \.note\.Xen\.signature\s+Owner\s+Data size\s+Description\s+Xen\s+0x00000180\s+NT_VERSION/,
    );
  });

  it("verifies with openssl over the file with the signature zeroed", async () => {
    const file = await signedCopy();
    const bytes = readFileSync(file);
    const elf = parseElf(bytes, file);
    const section = elf.sectionNamed(XEN_SIGNATURE_SECTION)!;
    const [note] = elf.notes(section);
    const at = section.offset + 16;
    const dir = tmp();
    writeFileSync(join(dir, "sig"), note!.desc);
    const zeroed = Buffer.from(bytes);
    zeroed.fill(0, at, at + note!.desc.length);
    writeFileSync(join(dir, "zeroed"), zeroed);
    writeFileSync(join(dir, "pub.pem"), key.public);
    const r = spawnSync(
      "openssl",
      [
        "dgst",
        "-sha256",
        "-verify",
        join(dir, "pub.pem"),
        "-signature",
        join(dir, "sig"),
        join(dir, "zeroed"),
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout.trim()).toBe("Verified OK");
    expect(checkXenSignature(bytes, file, key.public)).toEqual({ ok: true });
  });

  it("fails for a changed byte, another key, or an unsigned payload", async () => {
    const file = await signedCopy();
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes);
    changed[100]! ^= 1;
    expect(checkXenSignature(changed, file, key.public).ok).toBe(false);
    expect(checkXenSignature(bytes, file, rsa(2048).public).ok).toBe(false);
    expect(checkXenSignature(readFileSync(hello), hello, key.public)).toEqual({
      ok: false,
      reason: "no .note.Xen.signature section",
    });
  });

  it("leaves a payload the verifier accepts, and can be signed again", async () => {
    const file = await signedCopy();
    // The same findings as the unsigned payload (Xen's hello world has a note of its own).
    const findings = async (f: string) =>
      (await verifyPayloadSet({ payloads: [f], xenSyms, applied: [] })).payloads[0]!.findings.map(
        (x) => [x.ruleId, x.severity, x.message],
      );
    const before = await findings(hello);
    expect(before.every(([, severity]) => severity === "note")).toBe(true);
    expect(await findings(file)).toEqual(before);
    await embedXenSignature(file, loadXenSignatureKey(key.private, "k"));
    const elf = parseElf(readFileSync(file), file);
    expect(elf.sectionsNamed(XEN_SIGNATURE_SECTION)).toHaveLength(1);
    expect(checkXenSignature(readFileSync(file), file, key.public).ok).toBe(true);
  });

  it("refuses keys that are not RSA of 2048 bits or more, naming the input", () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    for (const [pem, message] of [
      [ec, /EC private key/],
      [rsa(1024).private, /1024-bit RSA key/],
      ["nonsense", /not a readable/],
    ] as const) {
      const e = (() => {
        try {
          loadXenSignatureKey(pem, "xen-signature-key");
        } catch (err) {
          return err;
        }
      })();
      expect(e).toBeInstanceOf(ConfigurationError);
      expect((e as ConfigurationError).input).toBe("xen-signature-key");
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe("signing a run with both keys, and check-signature", () => {
  it("embeds the note, then signs with minisign; check-signature accepts both and refuses a bad file", async () => {
    const out = tmp();
    const minisignKey = generateKeyPairSync("ed25519")
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    const run = await cli(
      [
        "run",
        "--payloads",
        hello,
        "--xen-syms",
        xenSyms,
        "--output-dir",
        out,
        "--cache-dir",
        integrationCacheDir(),
      ],
      { XLCI_SIGNING_KEY: minisignKey, XLCI_XEN_SIGNATURE_KEY: key.private },
    );
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain("EXPERIMENTAL");
    const metadata = JSON.parse(readFileSync(join(out, "metadata.json"), "utf8")) as Metadata;
    const [p] = metadata.payloads;
    expect(p!.xenSignature).toEqual({
      section: ".note.Xen.signature",
      algorithm: "rsa-sha256",
      experimental: true,
    });
    // The user's file is untouched; the signed copy is in the output directory.
    expect(readFileSync(hello).equals(readFileSync(join(out, p!.file)))).toBe(false);
    expect(checkXenSignature(readFileSync(hello), hello, key.public).ok).toBe(false);

    const dir = tmp();
    writeFileSync(join(dir, "xen.pub.pem"), key.public);
    const payload = join(out, p!.file);
    const good = await cli([
      "check-signature",
      "--minisign-key",
      join(out, "minisign.pub"),
      "--xen-key",
      join(dir, "xen.pub.pem"),
      payload,
    ]);
    // The trusted comment is shown: it names this file and its sha256 (issue 19).
    const sha = createHash("sha256").update(readFileSync(payload)).digest("hex");
    expect(good.stdout).toBe(
      `${payload}: minisign ok (trusted comment: file:${basename(payload)} sha256:${sha} signer:${TOOL_NAME} ${TOOL_VERSION})\n${payload}: xen-note ok\n`,
    );
    expect(good.code).toBe(0);

    const bytes = readFileSync(payload);
    bytes[200]! ^= 1;
    const bad = join(dir, "bad.livepatch");
    writeFileSync(bad, bytes);
    copyFileSync(`${payload}.minisig`, `${bad}.minisig`);
    const refused = await cli([
      "check-signature",
      "--minisign-key",
      join(out, "minisign.pub"),
      "--xen-key",
      join(dir, "xen.pub.pem"),
      bad,
    ]);
    expect(refused.stdout).toMatch(/minisign BAD: .*\n.*xen-note BAD: /);
    expect(refused.code).toBe(1);
    expect((await cli(["check-signature", bad])).code).toBe(2);
  }, 120_000);

  it("refuses a key given as a flag on the command line", async () => {
    const r = await cli(["run", "--payloads", hello, "--xen-signature-key", "x"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("XLCI_XEN_SIGNATURE_KEY");
  });
});
