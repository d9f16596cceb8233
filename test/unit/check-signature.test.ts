// check-signature with keys and signatures that are not what they claim (issue 19): a key
// of the wrong kind is a usage mistake (exit 2), never a stack trace or "does not match",
// and the trusted comment binds the file's name and sha256 and is shown.
import { generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/commands.js";
import { loadSigningKey, minisignPublicKey } from "../../src/sign/minisign.js";
import { signOne } from "../../src/sign/outputs.js";

const work = mkdtempSync(join(tmpdir(), "xlci-check-sig-"));
// A throw-away key made for the test.
const pem = generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" });
const key = loadSigningKey(pem.toString());
const pub = join(work, "minisign.pub");
writeFileSync(pub, minisignPublicKey(key));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((s) => ((stderr += String(s)), true));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stdout, stderr };
}

afterEach(() => vi.restoreAllMocks());

describe("check-signature", () => {
  const payload = join(work, "p.livepatch");
  writeFileSync(payload, "payload bytes");

  it("an Ed25519 key given as --xen-key is a clear mistake, not a stack trace", async () => {
    const edPub = join(work, "ed.pub.pem");
    writeFileSync(
      edPub,
      generateKeyPairSync("ed25519").publicKey.export({ format: "pem", type: "spki" }),
    );
    const r = await cli(["check-signature", "--xen-key", edPub, payload]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "--xen-key: is a ED25519 public key; Xen's payload signature note takes RSA",
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a garbage minisign key exits 2 saying it is not a public key", async () => {
    const garbage = join(work, "garbage.pub");
    writeFileSync(garbage, "untrusted comment: not really\nAAAA\n");
    await signOne(key, payload, work);
    const r = await cli(["check-signature", "--minisign-key", garbage, payload]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--minisign-key: is not a minisign public key");
  });

  it("a good signature is ok and shows its trusted comment", async () => {
    await signOne(key, payload, work);
    const r = await cli(["check-signature", "--minisign-key", pub, payload]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      new RegExp(
        `^${payload}: minisign ok \\(trusted comment: file:p\\.livepatch sha256:[0-9a-f]{64} signer:`,
      ),
    );
  });

  it("a signature of metadata.json renamed onto a payload is refused by its trusted comment", async () => {
    const metadata = join(work, "metadata.json");
    writeFileSync(metadata, "{}\n");
    await signOne(key, metadata, work);
    const renamed = join(work, "renamed.livepatch");
    copyFileSync(metadata, renamed);
    copyFileSync(`${metadata}.minisig`, `${renamed}.minisig`);
    const r = await cli(["check-signature", "--minisign-key", pub, renamed]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${renamed}: minisign BAD: the trusted comment names metadata.json, not renamed.livepatch`,
    );
  });
});
