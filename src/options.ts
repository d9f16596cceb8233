/**
 * The one options type both front doors build, and its validation: the type and the
 * inputs' defaults are option-types.ts (re-exported here), the parsing is this module.
 *
 * The action and the command line both hand over the inputs as a map of action.yml input
 * names to strings; `parseOptions` turns that into typed options or throws a
 * ConfigurationError naming the input (ConfigurationErrors naming each, when several
 * inputs are wrong). Inputs of stages that are not built yet are rejected when set, never
 * silently ignored. What the inputs' files hold is checked next, by preflight.ts.
 */
// A namespace import: an older Node then fails at the version check in cli.ts, not at load.
import * as fs from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { ConfigurationError, ConfigurationErrors, collectMistake } from "./util/errors.js";
import { checkBuildValues } from "./base/build-values.js";
import { loadSigningKey } from "./sign/minisign.js";
import { loadXenSignatureKey } from "./sign/xen-note.js";
import { runDirectoryMistakes } from "./run-directories.js";
import {
  type BuildValueOverrides,
  type GitHubJob,
  INPUT_DEFAULTS,
  type InputName,
  type Options,
  type RawInputs,
  type XenSourceSpec,
} from "./option-types.js";

export {
  type BuildValueOverrides,
  type FailOn,
  type GitHubJob,
  INPUT_DEFAULTS,
  type InputName,
  type Options,
  type RawInputs,
  type SeriesMode,
  type UploadTarget,
  type XenSourceSpec,
} from "./option-types.js";

const BUILD_VALUE_KEYS = [
  "XEN_BUILD_DATE",
  "XEN_BUILD_TIME",
  "XEN_BUILD_HOST",
  "XEN_WHOAMI",
  "XEN_DOMAIN",
  "XEN_CHANGESET",
] as const;

function oneOf<T extends string>(input: InputName, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new ConfigurationError(
    input,
    `"${value}" is not one of ${allowed.map((a) => `"${a}"`).join(", ")}`,
  );
}

function boolean(input: InputName, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false" || v === "") return false;
  throw new ConfigurationError(input, `"${value}" is not "true" or "false"`);
}

/**
 * One item a line (commas also separate), blank lines and `#` comments dropped. A line
 * for which `whole` is true is one item, commas and all (a file named `fix,1.patch`).
 */
export function listInput(value: string, whole: (line: string) => boolean = () => false): string[] {
  return value
    .split("\n")
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith("#"))
    .flatMap((line) => (whole(line) ? [line] : line.split(",")))
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith("#"));
}

function xenSource(value: string, ref: string, cwd: string): XenSourceSpec | undefined {
  const v = value.trim();
  if (v === "") return undefined;
  if (v === "debian" || v.startsWith("debian:")) {
    const version = v.slice("debian:".length) || undefined;
    return { kind: "debian", version: v === "debian" ? undefined : version };
  }
  if (/^(https?|git|ssh|file):\/\//.test(v) || /^[\w.-]+@[\w.-]+:/.test(v)) {
    return { kind: "git", url: v, ref };
  }
  return { kind: "path", path: resolve(cwd, v) };
}

function buildValues(value: string): BuildValueOverrides {
  const result: BuildValueOverrides = {};
  for (const line of value.split("\n").map((l) => l.trim())) {
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    const key = line.slice(0, eq).trim();
    if (eq <= 0 || !(BUILD_VALUE_KEYS as readonly string[]).includes(key)) {
      throw new ConfigurationError(
        "build-values",
        `"${line}" is not KEY=VALUE with KEY one of ${BUILD_VALUE_KEYS.join(", ")}`,
      );
    }
    result[key as keyof BuildValueOverrides] = line.slice(eq + 1).trim();
  }
  // Here, not 7 s into the base stage: the characters the build cannot take.
  checkBuildValues(result);
  return result;
}

/** Paths as given, globs expanded (sorted); a glob that matches nothing is a mistake. */
function expandPaths(input: InputName, patterns: string[], cwd: string): string[] {
  return patterns.flatMap((p) => {
    if (!/[*?[{]/.test(p)) return [isAbsolute(p) ? p : resolve(cwd, p)];
    const matches = fs.globSync(p, { cwd }).map((m) => resolve(cwd, m));
    if (matches.length === 0) throw new ConfigurationError(input, `"${p}" matches no file`);
    return matches.sort();
  });
}

/** The cache location when cache-dir is not given: $XLCI_CACHE, else ~/.cache/xen-livepatch-ci. */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  return env.XLCI_CACHE ?? join(homedir(), ".cache", "xen-livepatch-ci");
}

/** An input's value (trimmed, its default when not given). */
type InputValue = (name: InputName) => string;
/** Runs an input's check, collecting its mistake (collectMistake) and taking the fallback. */
type Checked = <T>(fn: () => T, fallback: T) => T;

/**
 * Validates the inputs (action.yml names, string values) into Options.
 * `cwd` (the workspace) resolves relative paths; `cacheDir` is the front door's default cache.
 * Each input is checked even after another was wrong, so all mistakes show at once, group
 * by group (source, payloads, verify, boot, publish, locations); the checks that relate
 * inputs (checkCombinations) come after, on inputs that are each right.
 */
export function parseOptions(
  raw: RawInputs,
  cwd: string,
  cacheDir: string,
  metadata: Readonly<Record<string, string>> = {},
  github?: GitHubJob,
): Options {
  const input: InputValue = (name) => (raw[name] ?? INPUT_DEFAULTS[name]).trim();
  // A wrong input stands in with a harmless value until the mistakes are thrown, below.
  const problems: ConfigurationError[] = [];
  const checked: Checked = (fn, fallback) => collectMistake(problems, fn, fallback);
  const options: Options = {
    ...sourceOptions(input, cwd, problems, checked),
    ...payloadOptions(input, cwd, checked),
    metadata,
    ...verifyOptions(input, cwd, checked),
    ...bootOptions(input, cwd, checked),
    ...publishOptions(input, github, checked),
    ...locationOptions(input, cwd, cacheDir),
    github,
  };
  problems.push(...runDirectoryMistakes(options.outputDir, options.cacheDir, inputFiles(options)));
  // The combinations relate inputs to each other: they need every input's own value right.
  const mistakes = ConfigurationErrors.of(problems);
  if (mistakes) throw mistakes;
  checkCombinations(options);
  return options;
}

const inputPath = (cwd: string, p: string) => (isAbsolute(p) ? p : resolve(cwd, p));

/** The path inputs that take lists (globs expanded). */
function pathList(
  name: "patches" | "payloads" | "applied-payloads" | "payload-sources",
  input: InputValue,
  cwd: string,
  checked: Checked,
): string[] {
  return checked(
    () =>
      expandPaths(
        name,
        listInput(input(name), (l) => fs.existsSync(inputPath(cwd, l))),
        cwd,
      ),
    [],
  );
}

/** The Xen tree and how its base is built: xen-source, xen-ref, xen-config, build-values, expected-build-id. */
function sourceOptions(
  input: InputValue,
  cwd: string,
  problems: ConfigurationError[],
  checked: Checked,
): Pick<Options, "xenSource" | "xenConfig" | "buildValues" | "expectedBuildId"> {
  const source = xenSource(input("xen-source"), input("xen-ref"), cwd);
  if (input("xen-ref") && source?.kind !== "git") {
    problems.push(
      new ConfigurationError("xen-ref", "a ref only applies when xen-source is a git URL"),
    );
  }
  const xenConfig = input("xen-config");
  const values = checked(() => buildValues(input("build-values")), {});
  const expected = input("expected-build-id");
  // A hex id is 40 digits (GNU build-id) or 32 (xen.efi's); anything else is a file's path.
  const hex = /^[0-9a-fA-F]+$/.test(expected);
  if (expected && hex && ![32, 40].includes(expected.length)) {
    problems.push(
      new ConfigurationError(
        "expected-build-id",
        `"${expected}" is not a build-id (40 hex digits; 32 for a xen.efi) nor a path to the deployed hypervisor (xen-syms, /boot/xen-*.gz, xen.efi)`,
      ),
    );
  }
  return {
    xenSource: source,
    xenConfig: xenConfig === "defconfig" ? "defconfig" : { path: inputPath(cwd, xenConfig) },
    buildValues: values,
    expectedBuildId: expected
      ? hex
        ? expected.toLowerCase()
        : inputPath(cwd, expected)
      : undefined,
  };
}

/** What the run builds and takes as payloads, and how a series of them stacks. */
function payloadOptions(
  input: InputValue,
  cwd: string,
  checked: Checked,
): Pick<
  Options,
  | "patches"
  | "payloadSources"
  | "selfTest"
  | "stackMode"
  | "builder"
  | "ignoreInitChanges"
  | "refuseOutsideXen"
  | "copyChangedConstants"
  | "allowLayoutChanges"
  | "expectations"
  | "payloads"
> {
  return {
    patches: pathList("patches", input, cwd, checked),
    payloadSources: pathList("payload-sources", input, cwd, checked),
    selfTest: checked(() => boolean("self-test", input("self-test")), false),
    stackMode: checked(
      () => oneOf("stack-mode", input("stack-mode"), ["stacked", "independent", "cumulative"]),
      "stacked",
    ),
    builder: checked(
      () => oneOf("builder", input("builder"), ["native", "livepatch-build-tools"]),
      "native",
    ),
    ignoreInitChanges: checked(
      () => boolean("ignore-init-changes", input("ignore-init-changes")),
      false,
    ),
    copyChangedConstants: checked(
      () => boolean("copy-changed-constants", input("copy-changed-constants")),
      false,
    ),
    refuseOutsideXen: checked(
      () => boolean("refuse-outside-xen", input("refuse-outside-xen")),
      false,
    ),
    allowLayoutChanges: checked(
      () => boolean("allow-layout-changes", input("allow-layout-changes")),
      false,
    ),
    expectations: checked<Options["expectations"]>(
      () => oneOf("expectations", input("expectations"), ["none", "auto"]),
      "none",
    ),
    payloads: pathList("payloads", input, cwd, checked),
  };
}

/** What the payloads are verified against: xen-syms, applied-payloads, fail-on. */
function verifyOptions(
  input: InputValue,
  cwd: string,
  checked: Checked,
): Pick<Options, "xenSyms" | "appliedPayloads" | "failOn"> {
  return {
    xenSyms: input("xen-syms") ? inputPath(cwd, input("xen-syms")) : undefined,
    appliedPayloads: pathList("applied-payloads", input, cwd, checked),
    failOn: checked(
      () => oneOf("fail-on", input("fail-on"), ["error", "warning", "never"]),
      "error",
    ),
  };
}

/** The boot test: scenario, kvm, dom0-kernel, checks. */
function bootOptions(
  input: InputValue,
  cwd: string,
  checked: Checked,
): Pick<Options, "scenario" | "kvm" | "dom0Kernel" | "checks"> {
  const scenario = input("scenario");
  return {
    scenario:
      scenario === "none" || scenario === "default" || scenario === "self-test"
        ? scenario
        : { path: inputPath(cwd, scenario) },
    kvm: checked(() => oneOf("kvm", input("kvm"), ["auto", "true", "false"]), "auto"),
    dom0Kernel: input("dom0-kernel") ? inputPath(cwd, input("dom0-kernel")) : undefined,
    checks: input("checks")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  };
}

/** Where the run writes and caches: output-dir, cache-dir (`cacheDir` when not given). */
function locationOptions(
  input: InputValue,
  cwd: string,
  cacheDir: string,
): Pick<Options, "outputDir" | "cacheDir" | "workspace"> {
  return {
    // Empty is the default, never the current directory (whose payloads/ a run would clear).
    outputDir: inputPath(cwd, input("output-dir") || INPUT_DEFAULTS["output-dir"]),
    cacheDir: input("cache-dir") ? inputPath(cwd, input("cache-dir")) : cacheDir,
    workspace: cwd,
  };
}

/** The inputs that only work together, or not at all (each input right by itself). */
function checkCombinations(options: Options): void {
  const needsTree = (input: InputName, why: string) => {
    if (!options.xenSource) throw new ConfigurationError(input, why);
  };
  if (options.selfTest)
    needsTree("self-test", "the in-tree test payloads need a Xen tree: set xen-source too");
  if (options.payloadSources.length > 0)
    needsTree("payload-sources", "payloads are built against a Xen tree: set xen-source too");
  if (options.builder === "livepatch-build-tools") {
    throw new ConfigurationError(
      "builder",
      `the livepatch-build-tools builder is not available in this version yet; use "native"`,
    );
  }
  if (options.patches.length > 0)
    needsTree(
      "patches",
      "patches are built against a Xen tree: set xen-source to the tree they apply to",
    );
  if (options.payloadSources.length > 0 && options.stackMode === "cumulative") {
    throw new ConfigurationError(
      "stack-mode",
      `"cumulative" makes one payload of a patch series; payload-sources are built one payload per directory: use "stacked" or "independent"`,
    );
  }
  const built = options.payloadSources.length + options.patches.length;
  if (options.expectations === "auto" && built === 0) {
    throw new ConfigurationError(
      "expectations",
      `"auto" fills in the expectations of payloads this run builds: give patches or payload-sources`,
    );
  }
  checkBootCombinations(options, built + options.payloads.length);
  if (!options.xenSource && options.payloads.length === 0) {
    throw new ConfigurationError(
      "payloads",
      "nothing to do: give xen-source (to build) or payloads (to verify)",
    );
  }
}

/** The boot test's inputs against the rest; `payloads` counts the user's payloads. */
function checkBootCombinations(options: Options, payloads: number): void {
  if (options.scenario !== "none" && !options.xenSource) {
    throw new ConfigurationError(
      "scenario",
      "the boot test boots the base this run builds: set xen-source too",
    );
  }
  if (options.scenario === "self-test" && !options.selfTest) {
    throw new ConfigurationError(
      "scenario",
      `"self-test" runs Xen's in-tree payloads: set self-test: true too`,
    );
  }
  if (options.checks.length > 0 && options.scenario !== "default") {
    throw new ConfigurationError(
      "checks",
      `checks run in the default scenario: set scenario: default (a scenario file has its own run steps)`,
    );
  }
  if (options.dom0Kernel && options.scenario === "none") {
    throw new ConfigurationError(
      "dom0-kernel",
      "a dom0 kernel is only booted by the boot test: set scenario too",
    );
  }
  if (options.scenario === "default" && payloads === 0) {
    throw new ConfigurationError(
      "scenario",
      `"default" tests your payloads: give patches, payload-sources or payloads`,
    );
  }
}

/** The files the inputs name, with the input naming each. */
function inputFiles(o: Options): Array<[InputName, string]> {
  const named = (input: InputName, files: readonly (string | undefined)[]) =>
    files.filter((f) => f !== undefined).map((f) => [input, f] as [InputName, string]);
  return [
    ...named("patches", o.patches),
    ...named("payloads", o.payloads),
    ...named("applied-payloads", o.appliedPayloads),
    ...named("payload-sources", o.payloadSources),
    ...named("xen-syms", [o.xenSyms]),
    ...named("xen-config", [o.xenConfig === "defconfig" ? undefined : o.xenConfig.path]),
    ...named("scenario", [typeof o.scenario === "object" ? o.scenario.path : undefined]),
    ...named("dom0-kernel", [o.dom0Kernel]),
  ];
}

/** Characters the artifact service refuses in a name. */
const ARTIFACT_NAME_FORBIDDEN = /["':<>|*?\\/\r\n]/g;

/**
 * The signing and publishing inputs. Signing is refused (not failed) on an untrusted event:
 * the run goes on and publishes unsigned. Everything else that cannot work is an error.
 */
function publishOptions(
  input: InputValue,
  github: GitHubJob | undefined,
  checked: Checked,
): Pick<
  Options,
  | "signingKey"
  | "xenSignatureKey"
  | "signingRefused"
  | "attest"
  | "upload"
  | "artifactName"
  | "retentionDays"
> {
  const upload = checked(() => {
    const value = oneOf("upload", input("upload"), ["artifact", "release", "both", "none"]);
    if (value !== "none" && !github) {
      throw new ConfigurationError(
        "upload",
        `"${value}" uploads to GitHub from a workflow job; outside one use "none" (the output directory has everything)`,
      );
    }
    return value;
  }, "none");
  const retention = input("retention-days");
  // The artifact client caps it at the repository's maximum itself (with a warning).
  checked(() => {
    if (!/^\d+$/.test(retention)) {
      throw new ConfigurationError(
        "retention-days",
        `"${retention}" is not a whole number of days (0: the repository's default)`,
      );
    }
  }, undefined);
  const artifactName = input("artifact-name").replace(ARTIFACT_NAME_FORBIDDEN, "-");
  checked(() => {
    if (upload !== "none" && upload !== "release" && artifactName === "") {
      throw new ConfigurationError("artifact-name", "is empty; name the workflow artifact");
    }
  }, undefined);
  const trust = github?.trust ?? { trusted: true };
  const pem = input("signing-key");
  // Parsed even when it will not be used, so a broken secret shows on the first run.
  const key = checked(() => (pem ? loadSigningKey(pem, "signing-key") : undefined), undefined);
  const xenPem = input("xen-signature-key");
  const xenKey = checked(
    () => (xenPem ? loadXenSignatureKey(xenPem, "xen-signature-key") : undefined),
    undefined,
  );
  const signingRefused =
    (key || xenKey) && !trust.trusted
      ? `not signed: a ${trust.reason} is not trusted with the signing key`
      : undefined;

  const attestInput = checked(() => {
    const value = oneOf("attest", input("attest"), ["auto", "true", "false"]);
    if (value === "true" && !github) {
      throw new ConfigurationError(
        "attest",
        `Sigstore attestations are made in a GitHub workflow job; use "auto" or "false" here`,
      );
    }
    if (value === "true" && github && !github.idToken && trust.trusted) {
      throw new ConfigurationError(
        "attest",
        `"true" needs an OIDC token: give the job \`permissions: id-token: write\` (and attestations: write), or set attest: auto`,
      );
    }
    return value;
  }, "false");
  const attest = attestInput !== "false" && trust.trusted && github !== undefined && github.idToken;
  return {
    signingKey: signingRefused ? undefined : key,
    xenSignatureKey: signingRefused ? undefined : xenKey,
    signingRefused,
    attest,
    upload,
    artifactName,
    retentionDays: Number(retention),
  };
}
