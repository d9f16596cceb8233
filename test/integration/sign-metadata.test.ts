// metadata.json and the minisign signatures of a real run: payloads built from the
// fixtures and Xen's in-tree test payloads on the cached Xen 4.17.5 base, signed with a key
// from XLCI_SIGNING_KEY, checked with the real minisign and against the JSON Schema.
import { createHash, generateKeyPairSync } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Metadata } from "../../src/report/metadata.js";
import { runCli as cli } from "../helpers/cli.js";
import { minisignVerify } from "../helpers/minisign.js";
import { EXAMPLE_XEN_SOURCE, getXenBase, integrationCacheDir } from "./xen-base.js";

const root = join(import.meta.dirname, "..", "..");
const fixtures = join(root, "test", "fixtures", "payload-sources");
const tmp = () => mkdtempSync(join(tmpdir(), "xlci-sign-"));
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function validateMetadata(metadata: unknown): string {
  const schema = JSON.parse(
    readFileSync(join(root, "docs", "metadata.schema.json"), "utf8"),
  ) as object;
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  return validate(metadata) ? "" : JSON.stringify(validate.errors, null, 2);
}

const pem = () =>
  generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();

describe("a signed run", () => {
  let out: string;
  let metadata: Metadata;
  let stdout: string;
  const key = pem();

  beforeAll(async () => {
    await getXenBase();
    out = tmp();
    const run = await cli(
      [
        "run",
        "--xen-source",
        EXAMPLE_XEN_SOURCE,
        "--self-test",
        "true",
        "--payload-sources",
        `${fixtures}/stack_a\n${fixtures}/stack_b`,
        "--expectations",
        "auto",
        "--output-dir",
        out,
        "--cache-dir",
        integrationCacheDir(),
      ],
      { XLCI_SIGNING_KEY: key },
    );
    stdout = run.stdout;
    expect(run.code, run.stdout + run.stderr).toBe(0);
    metadata = JSON.parse(readFileSync(join(out, "metadata.json"), "utf8")) as Metadata;
  }, 900_000);
  afterEach(() => vi.restoreAllMocks());

  it("writes metadata.json that the documented schema accepts", () => {
    expect(validateMetadata(metadata)).toBe("");
    expect(metadata.schemaVersion).toBe(1);
    expect(metadata.verdict).toBe("pass");
    expect(metadata.base!.source).toMatchObject({ kind: "debian", package: "xen" });
    expect(metadata.base!.xenSymsBuildId).toMatch(/^[0-9a-f]{40}$/);
    expect(metadata.base!.compiler).toMatch(/gcc/i);
    expect(metadata.base!.buildValues.xen_compile_date).toBeTruthy();
    expect(metadata.base!.config.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(metadata.payloads).toHaveLength(16);
  });

  it("describes each payload: its file's digest, its place in the stack and where it came from", () => {
    for (const p of metadata.payloads) {
      expect(sha256(join(out, p.file)), p.name).toBe(p.sha256);
      expect(readFileSync(join(out, p.file)).length).toBe(p.size);
      expect(p.stack).toHaveLength(p.position);
    }
    const byName = new Map(metadata.payloads.map((p) => [p.name, p]));
    const a = byName.get("stack_a")!;
    const b = byName.get("stack_b")!;
    expect(a.origin).toMatchObject({ kind: "sources", path: join(fixtures, "stack_a") });
    expect(a.origin?.kind === "sources" && a.origin.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.position).toBe(0);
    expect(a.depends).toBe(metadata.base!.xenSymsBuildId);
    expect(b.position).toBe(1);
    expect(b.stack).toEqual(["stack_a"]);
    expect(b.depends).toBe(a.buildId);
    const bye = byName.get("xen_bye_world")!;
    expect(bye.origin).toEqual({
      kind: "xen-tests",
      path: "xen/test/livepatch/xen_bye_world.livepatch",
    });
    expect(bye.stack).toEqual(["xen_hello_world"]);
    // The deliberately defective self-test payloads keep their findings, marked expected.
    const expected = metadata.payloads.flatMap((p) =>
      p.verifier.findings.filter((f) => f.expected),
    );
    // xen_nop's NOPs end inside a jump on this build; xen_no_xen_buildid is xen_nop too.
    expect(expected.map((f) => f.ruleId).sort()).toEqual([
      "expect-mismatch",
      "nop-insn-boundary",
      "nop-insn-boundary",
      "section-missing",
    ]);
  });

  it("signs every payload and metadata.json so that the real minisign verifies them", () => {
    expect(metadata.signing.status).toBe("signed");
    if (metadata.signing.status !== "signed") return;
    const publicKey = join(out, metadata.signing.minisign.publicKey);
    expect(readFileSync(publicKey, "utf8")).toContain(metadata.signing.minisign.keyId);
    for (const p of metadata.payloads) {
      expect(p.signature!.keyId).toBe(metadata.signing.minisign.keyId);
      const checked = minisignVerify(join(out, p.file), publicKey);
      expect(checked.ok, checked.output).toBe(true);
      expect(checked.output).toContain(`sha256:${p.sha256}`);
      expect(join(out, p.signature!.file)).toBe(`${join(out, p.file)}.minisig`);
    }
    const meta = minisignVerify(join(out, "metadata.json"), publicKey);
    expect(meta.ok, meta.output).toBe(true);
    expect(metadata.signing.metadataSignature).toBe("metadata.json.minisig");
  });

  it("a changed payload no longer verifies", () => {
    if (metadata.signing.status !== "signed") throw new Error("not signed");
    const p = metadata.payloads[0]!;
    const dir = tmp();
    const copy = join(dir, "p.livepatch");
    copyFileSync(join(out, p.file), copy);
    copyFileSync(join(out, p.signature!.file), `${copy}.minisig`);
    const bytes = readFileSync(copy);
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(copy, bytes);
    expect(minisignVerify(copy, join(out, metadata.signing.minisign.publicKey)).ok).toBe(false);
  });

  it("never writes the key into the output directory", () => {
    const body = key.split("\n")[1]!;
    for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      expect(readFileSync(join(entry.parentPath, entry.name), "latin1")).not.toContain(body);
    }
  });

  it("prints the payload, step and stage tables on the terminal", () => {
    expect(stdout).toContain("verdict: pass");
    expect(stdout).toMatch(
      /Payloads:\n\s+Payload\s+Build-id\s+Size\s+Verifier\s+Boot test\s+Signature/,
    );
    expect(stdout).toMatch(
      new RegExp(
        `stack_b\\s+[0-9a-f]{12}\\s+\\d+\\s+clean\\s+not booted\\s+minisign ${metadata.signing.status === "signed" ? metadata.signing.minisign.keyId : "x"}`,
      ),
    );
    expect(stdout).toMatch(
      /Stages:[\s\S]*sign\s+ok\s+[\d.]+\s+16 payload\(s\) and metadata.json signed/,
    );
  });
});

describe("a failed run", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is not signed: metadata.json says why, and no signature is written", async () => {
    const base = await getXenBase();
    const defective = base.testPayloads.find((p) => p.endsWith("/xen_no_xen_buildid.livepatch"))!;
    const out = tmp();
    const run = await cli(
      ["run", "--payloads", defective, "--xen-syms", base.xenSyms, "--output-dir", out],
      { XLCI_SIGNING_KEY: pem() },
    );
    expect(run.code, run.stdout + run.stderr).toBe(1);
    const metadata = JSON.parse(readFileSync(join(out, "metadata.json"), "utf8")) as Metadata;
    expect(validateMetadata(metadata)).toBe("");
    expect(metadata.verdict).toBe("fail");
    expect(metadata.signing.status).toBe("unsigned");
    expect(metadata.signing.status === "unsigned" && metadata.signing.reason).toMatch(
      /^not signed: the run failed/,
    );
    expect(metadata.payloads[0]!.verifier.verdict).toBe("errors");
    expect(metadata.payloads[0]!.origin).toEqual({ kind: "prebuilt", path: defective });
    const names = readdirSync(out, { recursive: true }).map(String);
    expect(names.filter((n) => n.endsWith(".minisig") || n.endsWith(".pub"))).toEqual([]);
    expect(run.stdout).toMatch(/sign\s+skipped\s+[\d.]+\s+not signed: the run failed/);
  }, 120_000);
});
