// The signing and publishing inputs, the trust decision from the event payload, and the
// GitHub job read from the runner's variables.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GitHubJob, type RawInputs, parseOptions } from "../../src/options.js";
import { githubJob } from "../../src/publish/job.js";
import { keyIdHex } from "../../src/sign/minisign.js";
import { eventTrust } from "../../src/sign/trust.js";
import { ConfigurationError } from "../../src/util/errors.js";

const pem = (type: "ed25519" | "rsa" | "ec") => {
  const pair =
    type === "rsa"
      ? generateKeyPairSync("rsa", { modulusLength: 2048 })
      : type === "ec"
        ? generateKeyPairSync("ec", { namedCurve: "P-256" })
        : generateKeyPairSync("ed25519");
  return pair.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
};

const job = (over: Partial<GitHubJob> = {}): GitHubJob => ({
  run: {
    url: "https://github.invalid/o/r/actions/runs/7",
    repository: "o/r",
    runId: "7",
    runAttempt: "1",
    workflow: "ci",
    event: "push",
    ref: "refs/tags/v1",
    sha: "0".repeat(40),
  },
  trust: { trusted: true },
  apiUrl: "http://127.0.0.1:9",
  token: "t",
  idToken: false,
  ...over,
});

const parse = (raw: RawInputs, github?: GitHubJob) =>
  parseOptions({ payloads: "p.livepatch", ...raw }, "/work/space", "/cache", {}, github);

function configurationError(raw: RawInputs, github?: GitHubJob): ConfigurationError {
  try {
    parse(raw, github);
  } catch (e) {
    if (e instanceof ConfigurationError) return e;
    throw e;
  }
  throw new Error(`no ConfigurationError for ${JSON.stringify(raw)}`);
}

describe("signing options", () => {
  it("loads an Ed25519 key from signing-key", () => {
    const o = parse({ "signing-key": pem("ed25519") });
    expect(keyIdHex(o.signingKey!.keyId)).toMatch(/^[0-9A-F]{16}$/);
    expect(o.signingRefused).toBeUndefined();
  });

  it.each([
    [
      "a malformed key",
      "-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n",
      /not a readable/,
    ],
    ["an RSA key", pem("rsa"), /RSA private key.*Ed25519/],
    ["an EC key", pem("ec"), /EC private key.*Ed25519/],
  ])("refuses %s, naming the input and never quoting it", (_what, key, message) => {
    const e = configurationError({ "signing-key": key });
    expect(e.input).toBe("signing-key");
    expect(e.message).toMatch(message);
    for (const line of key.split("\n").filter((l) => l.length > 20))
      expect(e.message).not.toContain(line);
  });

  it("does not sign on an untrusted event, and says why", () => {
    const o = parse(
      { "signing-key": pem("ed25519") },
      job({ trust: { trusted: false, reason: "pull_request event from the fork a/r" } }),
    );
    expect(o.signingKey).toBeUndefined();
    expect(o.signingRefused).toContain("fork a/r");
  });

  it("still refuses a broken key on an untrusted event, so it shows on the first run", () => {
    const e = configurationError(
      { "signing-key": "garbage" },
      job({ trust: { trusted: false, reason: "fork" } }),
    );
    expect(e.input).toBe("signing-key");
  });
});

describe("publishing options", () => {
  it("refuses uploads outside a GitHub job", () => {
    for (const upload of ["artifact", "release", "both"]) {
      const e = configurationError({ upload });
      expect(e.input).toBe("upload");
      expect(e.message).toContain('"none"');
    }
  });

  it("takes uploads in a GitHub job, with a sanitised artifact name and a retention", () => {
    const o = parse(
      { upload: "both", "artifact-name": 'livepatch: "4.17/x"', "retention-days": "5" },
      job(),
    );
    expect(o.upload).toBe("both");
    expect(o.artifactName).toBe("livepatch- -4.17-x-");
    expect(o.retentionDays).toBe(5);
  });

  it("refuses a retention that is not a whole number of days", () => {
    expect(configurationError({ "retention-days": "-1" }).input).toBe("retention-days");
    expect(configurationError({ "retention-days": "1.5" }).input).toBe("retention-days");
  });

  it("attest: true without the id-token permission is an error naming the permission", () => {
    const e = configurationError({ attest: "true" }, job({ idToken: false }));
    expect(e.input).toBe("attest");
    expect(e.message).toContain("id-token: write");
    expect(configurationError({ attest: "true" }).input).toBe("attest");
  });

  it("attest: auto attests only where a token can be had on a trusted event", () => {
    expect(parse({}, job({ idToken: true })).attest).toBe(true);
    expect(parse({}, job({ idToken: false })).attest).toBe(false);
    expect(parse({}, undefined).attest).toBe(false);
    const fork = job({ idToken: true, trust: { trusted: false, reason: "fork" } });
    expect(parse({}, fork).attest).toBe(false);
    expect(parse({ attest: "true" }, fork).attest).toBe(false);
    expect(parse({ attest: "false" }, job({ idToken: true })).attest).toBe(false);
  });
});

describe("event trust", () => {
  const pr = (head: object | null, base = "o/r") => ({
    pull_request: { head: { repo: head }, base: { repo: { full_name: base } } },
  });

  it("trusts pushes, tags and pull requests from the repository itself", () => {
    expect(eventTrust("push", {})).toEqual({ trusted: true });
    expect(eventTrust("workflow_dispatch", undefined)).toEqual({ trusted: true });
    expect(eventTrust("pull_request", pr({ full_name: "o/r", fork: false }))).toEqual({
      trusted: true,
    });
  });

  it("does not trust a pull request from a fork, or one whose head is unknown", () => {
    for (const event of ["pull_request", "pull_request_target"]) {
      const fork = eventTrust(event, pr({ full_name: "someone/r", fork: true }));
      expect(fork).toEqual({ trusted: false, reason: `${event} event from the fork someone/r` });
      expect(eventTrust(event, pr({ full_name: "o/r", fork: true })).trusted).toBe(false);
      expect(eventTrust(event, pr(null)).trusted).toBe(false);
      expect(eventTrust(event, undefined).trusted).toBe(false);
    }
  });

  it("reads the event the runner wrote", () => {
    const dir = mkdtempSync(join(tmpdir(), "xlci-event-"));
    const path = join(dir, "event.json");
    writeFileSync(path, JSON.stringify(pr({ full_name: "fork/r", fork: true })));
    const env = {
      GITHUB_REPOSITORY: "o/r",
      GITHUB_RUN_ID: "3",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: path,
      GITHUB_SERVER_URL: "https://github.invalid",
    };
    const j = githubJob(env, "tok")!;
    expect(j.trust.trusted).toBe(false);
    expect(j.run.url).toBe("https://github.invalid/o/r/actions/runs/3");
    expect(j.idToken).toBe(false);
    expect(
      githubJob(
        { ...env, ACTIONS_ID_TOKEN_REQUEST_URL: "http://x", ACTIONS_ID_TOKEN_REQUEST_TOKEN: "y" },
        "",
      )!.idToken,
    ).toBe(true);
    expect(githubJob({}, "")).toBeUndefined();
  });
});
