import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  keyId,
  loadSigningKey,
  minisignPublicKey,
  signFile,
  verifyMinisign,
} from "../../src/sign/minisign.js";
import type { SigningKey } from "../../src/sign/minisign.js";
import { ConfigurationError } from "../../src/util/errors.js";

// The real tool checks our format; scripts/provision.sh installs it, so a missing tool is
// a broken machine, not a reason to skip.
function minisignVerifies(dir: string, file: string, bytes: Uint8Array, sig: string, pub: string) {
  writeFileSync(join(dir, file), bytes);
  writeFileSync(join(dir, `${file}.minisig`), sig);
  writeFileSync(join(dir, "key.pub"), pub);
  const result = spawnSync("minisign", ["-Vm", join(dir, file), "-p", join(dir, "key.pub")], {
    encoding: "utf8",
  });
  if (result.error)
    throw new Error(`minisign could not run (run scripts/provision.sh): ${result.error.message}`);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

/** Bytes shaped like a payload: an ELF header and varied content, not all zeroes. */
function payloadBytes(): Buffer {
  const header = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  return Buffer.concat([header, randomBytes(70_000)]);
}

describe("minisign signatures", () => {
  let dir: string;
  let key: SigningKey;
  let pub: string;
  const bytes = payloadBytes();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "xlci-minisign-"));
    const { privateKey } = generateKeyPairSync("ed25519");
    key = loadSigningKey(privateKey.export({ format: "pem", type: "pkcs8" }).toString());
    pub = minisignPublicKey(key);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("derives the key id from the public key", () => {
    expect(key.keyId).toHaveLength(8);
    expect(keyId(key.publicKey).equals(key.keyId)).toBe(true);
    expect(pub).toMatch(/^untrusted comment: .*\n[A-Za-z0-9+/]{56}\n$/);
  });

  it("writes a signature the real minisign accepts, showing the trusted comment", () => {
    const sig = signFile(key, bytes, { trustedComment: "file:fix.livepatch xen:4.17" });
    const real = minisignVerifies(dir, "fix.livepatch", bytes, sig, pub);
    expect(real.output).toContain("Signature and comment signature verified");
    expect(real.output).toContain("file:fix.livepatch xen:4.17");
    expect(real.ok).toBe(true);
    expect(verifyMinisign(pub, bytes, sig)).toBe(true);
  });

  it("fails, with minisign and with us, on a tampered file", () => {
    const sig = signFile(key, bytes, { trustedComment: "tamper test" });
    const tampered = Buffer.from(bytes);
    tampered[1000] = (tampered[1000] ?? 0) ^ 1;
    expect(minisignVerifies(dir, "file.livepatch", tampered, sig, pub).ok).toBe(false);
    expect(verifyMinisign(pub, tampered, sig)).toBe(false);
  });

  it("fails, with minisign and with us, on a tampered trusted comment", () => {
    const sig = signFile(key, bytes, { trustedComment: "version:1.0" });
    const tampered = sig.replace("trusted comment: version:1.0", "trusted comment: version:2.0");
    expect(tampered).not.toBe(sig);
    expect(minisignVerifies(dir, "tc.livepatch", bytes, tampered, pub).ok).toBe(false);
    expect(verifyMinisign(pub, bytes, tampered)).toBe(false);
  });

  it("still verifies after the untrusted comment is edited (it is not signed)", () => {
    const sig = signFile(key, bytes, { trustedComment: "uc" });
    const edited = sig.replace(/^untrusted comment: .*$/m, "untrusted comment: edited");
    expect(minisignVerifies(dir, "uc.livepatch", bytes, edited, pub).ok).toBe(true);
    expect(verifyMinisign(pub, bytes, edited)).toBe(true);
  });

  it("fails, with minisign and with us, under another key", () => {
    const sig = signFile(key, bytes, { trustedComment: "other key" });
    const other = loadSigningKey(
      generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    );
    const otherPub = minisignPublicKey(other);
    expect(minisignVerifies(dir, "other.livepatch", bytes, sig, otherPub).ok).toBe(false);
    expect(verifyMinisign(otherPub, bytes, sig)).toBe(false);
  });

  it("rejects a multi-line trusted comment instead of writing a broken file", () => {
    expect(() => signFile(key, bytes, { trustedComment: "a\nb" })).toThrow(ConfigurationError);
  });

  it("treats garbage signature text as invalid", () => {
    expect(verifyMinisign(pub, bytes, "not a signature")).toBe(false);
    expect(verifyMinisign("garbage", bytes, signFile(key, bytes, { trustedComment: "x" }))).toBe(
      false,
    );
  });
});

describe("loadSigningKey errors", () => {
  function errorFor(pem: string, input?: string): ConfigurationError {
    try {
      loadSigningKey(pem, input);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      return error as ConfigurationError;
    }
    throw new Error("expected loadSigningKey to throw");
  }

  it("names an RSA key as RSA, without echoing the key", () => {
    const pem = generateKeyPairSync("rsa", { modulusLength: 2048 })
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    const error = errorFor(pem, "signing-key");
    expect(error.input).toBe("signing-key");
    expect(error.message).toMatch(/^signing-key: is a RSA private key/);
    expect(error.message).toContain("Ed25519");
    const body = pem.split("\n")[1] ?? "";
    expect(body.length).toBeGreaterThan(20);
    expect(error.message).not.toContain(body.slice(0, 20));
  });

  it("names an EC key as EC", () => {
    const pem = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ format: "pem", type: "pkcs8" })
      .toString();
    expect(errorFor(pem, "SIGNING_KEY").message).toMatch(/^SIGNING_KEY: is a EC private key/);
  });

  it("calls garbage unreadable, without echoing it", () => {
    const garbage =
      "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LXNlY3JldC1zZWNyZXQ=\n-----END PRIVATE KEY-----\n";
    const error = errorFor(garbage, "--signing-key");
    expect(error.input).toBe("--signing-key");
    expect(error.message).toContain("not a readable");
    expect(error.message).not.toContain("c2VjcmV0");
    expect(errorFor("hello world").message).toMatch(/^signing-key: /);
  });
});
