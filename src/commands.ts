/**
 * The command-line commands: parses argv into the same options the action builds and
 * calls the same code. Exit codes: 0 success, 1 a failed verdict (an error finding),
 * 2 bad usage, a configuration mistake or an unreadable file, 130 and 143 a run ended by
 * SIGINT or SIGTERM (128 + the signal's number, as a shell reports it).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { closestInput, readConfigFile } from "./cli-config.js";
import { progressLogger } from "./cli-progress.js";
// The command line is a user of the library's API (src/api.ts), like the action.
import {
  INPUT_DEFAULTS,
  type InputName,
  type RawInputs,
  defaultCacheDir,
  parseOptions,
  partialResultOf,
  run,
  verdictFor,
} from "./api.js";
import { toSarif } from "./report/sarif.js";
import { runReportText } from "./report/run-text.js";
import { findingsText } from "./report/text.js";
import { checkSignatures, signatureCheckText } from "./sign/check.js";
import { DEFAULT_DEBIAN_XEN_VERSION } from "./source/debian.js";
import { ChangeFailure, ConfigurationError, InputFileError } from "./util/errors.js";
import { InterruptedError, interruptedExitCode, withInterruptHandling } from "./util/interrupt.js";
import { withRunTemp } from "./util/run-temp.js";
import { safeLines } from "./util/untrusted.js";
import { verifyPayloadSet } from "./verify/payload-set.js";
import { RULES, ruleVersions } from "./verify/rules.js";
import { changesMarkdown, changesText } from "./xen/changes-table.js";
import { TOOL_NAME, TOOL_VERSION } from "./version.js";

const INPUT_FLAGS_HELP = `  --example          the built-in example: Xen 4.17.5 from Debian's source package, its
                     in-tree test payloads, verified and boot-tested in QEMU
                     (xen-source: debian:4.17.5+72-g01140da4e8-1, self-test: true,
                     scenario: self-test)
  --config FILE      a YAML mapping of action input names to values, like a workflow
                     step's "with:" (lists become one item a line; relative paths are
                     relative to the current directory, as to the workspace in the action)
  --INPUT VALUE      any input of the action, e.g. --xen-source debian --scenario default
                     (flags win over --config, which wins over --example)
  --json             print the run's JSON report on stdout instead of the text report

Progress goes to stderr: each stage with its time, a line every 15 s while a build runs
(its full output is in OUTPUT-DIR/logs), and the boot's timeline.

inputs: ${Object.keys(INPUT_DEFAULTS).join(", ")}
(described in action.yml and the README)`;

const USAGE: Record<string, string> = {
  main: `${TOOL_NAME} ${TOOL_VERSION}: build, verify and test Xen livepatch payloads

usage: ${TOOL_NAME} <command> [options]

commands:
  run      run the pipeline: source, base build, payloads, verification, boot test
  boot     the same, with the boot test required (default scenario: default)
  verify   statically verify payload files
  rules    list the verifier's rules
  xen-versions  list what each Xen version changes for the builder and verifier
  check-signature  check payload signatures (minisign, experimental Xen note)
  help     show help for a command

'${TOOL_NAME} <command> --help' shows a command's options.`,
  verify: `usage: ${TOOL_NAME} verify [--xen-syms FILE] [--stack EARLIER.livepatch]... [--format text|json|sarif] [--fail-on error|warning|never] PAYLOAD...

Checks each payload against what Xen's livepatch loader accepts and for the relocation and
read-only data defects it does not catch.

  --xen-syms FILE    the hypervisor's xen-syms (build-id, symbols, function bytes)
  --stack FILE       a payload applied before these (repeat, oldest first)
  --format FORMAT    text (default), json or sarif, on stdout
  --fail-on LEVEL    lowest severity that gives exit 1 (default: error)

exit status: 0 no finding at the fail-on level, 1 some, 2 bad usage or an unreadable file`,
  run: `usage: ${TOOL_NAME} run [--example] [--config FILE.yml] [--INPUT VALUE]... [--json]

Runs the pipeline with the action's inputs (see action.yml), as the action would.

${INPUT_FLAGS_HELP}

Signing keys come from the environment, never from flags or the config file:
XLCI_SIGNING_KEY (Ed25519, minisign signatures) and XLCI_XEN_SIGNATURE_KEY (RSA,
EXPERIMENTAL .note.Xen.signature).

exit status: 0 pass, 1 fail (a patch that does not apply or is refused included), 2 bad
usage or a mistake in the inputs, 130 or 143 when
SIGINT or SIGTERM interrupted it (its report says "interrupted" and in which stage)`,
  "check-signature": `usage: ${TOOL_NAME} check-signature [--minisign-key minisign.pub] [--xen-key RSA.pub.pem] FILE...

Checks each FILE's detached FILE.minisig against a minisign public key, and/or the
.note.Xen.signature embedded in a payload (EXPERIMENTAL: Xen's 2025 proposal, RSA/SHA-256)
against an RSA public key in PEM. Give at least one key.

exit status: 0 every signature checked is good, 1 one is not, 2 bad usage or an unreadable file`,
  boot: `usage: ${TOOL_NAME} boot [--example] [--config FILE.yml] [--INPUT VALUE]... [--json]

Builds (or reuses from the cache) the base and the payloads, verifies them, and boots the
base with a dom0 in QEMU to run a scenario, showing the boot's timeline as it goes. The
same inputs as 'run'; the scenario defaults to "default" (your payloads: upload, apply,
revert, replace, unload), or "self-test" with --example. KVM is used when /dev/kvm is
usable (--kvm auto), else software emulation; the report says which and why.

${INPUT_FLAGS_HELP}

Signing keys come from the environment, as for 'run'.

exit status: 0 pass, 1 fail (a patch that does not apply or is refused included), 2 bad
usage or a mistake in the inputs, 130 or 143 when
SIGINT or SIGTERM interrupted it (its report says "interrupted" and in which stage)`,
  rules: `usage: ${TOOL_NAME} rules [--json]

Lists the verifier's rules: id, severity, what Xen 4.17's loader does, title; below a
rule, the Xen releases where it differs (its verdict, errno, message or order) and the
releases a rule is limited to.`,
  "xen-versions": `usage: ${TOOL_NAME} xen-versions [--markdown]

Lists, per maintained Xen version (4.17 to master), the upstream changes that change what
the builder or the verifier does, from the point release that has each (backports
included); --markdown prints the table README.md and docs/xen-versions.md carry.`,
};

class UsageError extends Error {}

/** The key inputs and the variables the command line takes them from. */
const KEY_VARIABLES = [
  ["signing-key", "XLCI_SIGNING_KEY"],
  ["xen-signature-key", "XLCI_XEN_SIGNATURE_KEY"],
] as const;

function inputFlags(): Record<string, { type: "string" }> {
  return Object.fromEntries(
    Object.keys(INPUT_DEFAULTS).map((name) => [name, { type: "string" as const }]),
  );
}

async function verifyCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "xen-syms": { type: "string" },
      stack: { type: "string", multiple: true },
      format: { type: "string", default: "text" },
      "fail-on": { type: "string", default: "error" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return usage("verify", 0);
  if (positionals.length === 0) throw new UsageError("verify: give at least one PAYLOAD file");
  const format = values.format;
  if (!["text", "json", "sarif"].includes(format))
    throw new UsageError(`--format: "${format}" is not text, json or sarif`);
  const failOn = values["fail-on"];
  if (failOn !== "error" && failOn !== "warning" && failOn !== "never") {
    throw new UsageError(`--fail-on: "${failOn}" is not error, warning or never`);
  }
  const result = await verifyPayloadSet({
    payloads: positionals,
    xenSyms: values["xen-syms"],
    applied: values.stack ?? [],
  });
  const findings = result.payloads.flatMap((p) => p.findings);
  if (format === "json") process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else if (format === "sarif")
    process.stdout.write(JSON.stringify(toSarif(findings, process.cwd()), null, 2) + "\n");
  else process.stdout.write(findingsText(result.payloads, process.cwd()));
  return verdictFor(findings, failOn).pass ? 0 : 1;
}

export interface PipelineArgs {
  help: boolean;
  json: boolean;
  /** The inputs, as the action would receive them. */
  raw: RawInputs;
}

/** argv of `run` and `boot`: --example, then --config, then --INPUT flags, later winning. */
export function parsePipelineArgs(command: "run" | "boot", args: string[]): PipelineArgs {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...inputFlags(),
      example: { type: "boolean" },
      config: { type: "string" },
      json: { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return { help: true, json: false, raw: {} };
  if (positionals.length > 0) {
    throw new UsageError(
      `${command}: unexpected argument "${positionals[0]}"; inputs are given as --INPUT VALUE or in --config FILE`,
    );
  }
  const raw: RawInputs = {};
  if (values.example) {
    Object.assign(raw, {
      "xen-source": `debian:${DEFAULT_DEBIAN_XEN_VERSION}`,
      "self-test": "true",
      scenario: "self-test",
    });
  }
  if (values.config) Object.assign(raw, readConfigFile(values.config));
  for (const name of Object.keys(INPUT_DEFAULTS) as InputName[]) {
    const v = (values as Record<string, unknown>)[name];
    if (typeof v === "string") raw[name] = v;
  }
  // A key on the command line shows in the process list, one in a file gets committed.
  for (const [input, variable] of KEY_VARIABLES) {
    if (raw[input] !== undefined)
      throw new UsageError(`${input}: give the key in the ${variable} variable instead`);
    const value = process.env[variable];
    if (value) raw[input] = value;
  }
  if (command === "boot") {
    if (raw.scenario === undefined) raw.scenario = "default";
    if (raw.scenario.trim() === "none") {
      throw new UsageError(
        `boot: --scenario none boots nothing; use 'run' to build and verify only`,
      );
    }
  }
  return { help: values.help ?? false, json: values.json ?? false, raw };
}

async function pipelineCommand(command: "run" | "boot", args: string[]): Promise<number> {
  const parsed = parsePipelineArgs(command, args);
  if (parsed.help) return usage(command, 0);
  const options = parseOptions(parsed.raw, process.cwd(), defaultCacheDir(process.env));
  const log = progressLogger(process.stderr, { logsDir: join(options.outputDir, "logs") });
  try {
    // SIGINT and SIGTERM end the run cleanly: report, logs, no temporary tree, no child left.
    const result = await withInterruptHandling(() => withRunTemp(() => run(options, log)));
    if (parsed.json) process.stdout.write(JSON.stringify(result, null, 2) + "\n");
    else process.stdout.write(runReportText(result, options.workspace));
    return result.verdict === "pass" ? 0 : 1;
  } catch (e) {
    const partial = partialResultOf(e);
    for (const d of partial?.diagnostics ?? []) {
      const column = d.column ? `${d.column}:` : "";
      const text = `${d.file}:${d.line}:${column} ${d.severity}: ${d.message}`;
      process.stderr.write(`${safeLines(text)}\n`);
    }
    if (partial && parsed.json) process.stdout.write(JSON.stringify(partial, null, 2) + "\n");
    if (e instanceof InterruptedError) {
      process.stderr.write(
        `${TOOL_NAME}: ${partial?.reason ?? e.message}; the report and logs of what ran are in ${options.outputDir}\n`,
      );
      return interruptedExitCode(e.signal);
    }
    if (partial)
      process.stderr.write(`the run failed; its report and logs are in ${options.outputDir}\n`);
    throw e;
  }
}

async function checkSignatureCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "minisign-key": { type: "string" },
      "xen-key": { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help) return usage("check-signature", 0);
  if (positionals.length === 0) throw new UsageError("check-signature: give at least one FILE");
  const key = (flag: string, path: string | undefined) => {
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, "utf8");
    } catch (e) {
      throw new InputFileError(path, `cannot be read (${flag}): ${(e as Error).message}`);
    }
  };
  const minisignKey = key("--minisign-key", values["minisign-key"]);
  const xenKey = key("--xen-key", values["xen-key"]);
  if (minisignKey === undefined && xenKey === undefined)
    throw new UsageError("check-signature: give --minisign-key, --xen-key or both");
  const lines = await checkSignatures({
    files: positionals,
    ...(minisignKey !== undefined ? { minisignKey } : {}),
    ...(xenKey !== undefined ? { xenKey } : {}),
  });
  process.stdout.write(signatureCheckText(lines));
  return lines.every((l) => l.ok) ? 0 : 1;
}

function rulesCommand(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { json: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) return usage("rules", 0);
  if (values.json)
    process.stdout.write(
      JSON.stringify(
        RULES.map((r) => ({ ...r, versions: ruleVersions(r) })),
        null,
        2,
      ) + "\n",
    );
  else
    for (const r of RULES) {
      process.stdout.write(
        `${r.id.padEnd(24)} ${r.severity.padEnd(8)} ${r.loader.padEnd(15)} ${r.title}\n`,
      );
      // Where later Xen versions differ from 4.17's loader (the verdict column).
      for (const line of ruleVersions(r)) process.stdout.write(`${" ".repeat(26)}${line}\n`);
    }
  return 0;
}

function xenVersionsCommand(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { markdown: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help) return usage("xen-versions", 0);
  process.stdout.write(values.markdown ? `${changesMarkdown()}\n` : changesText());
  return 0;
}

function usage(command: string, code: number): number {
  (code === 0 ? process.stdout : process.stderr).write(`${USAGE[command] ?? USAGE.main}\n`);
  return code;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "verify":
        return await verifyCommand(rest);
      case "run":
      case "boot":
        return await pipelineCommand(command, rest);
      case "rules":
        return rulesCommand(rest);
      case "xen-versions":
        return xenVersionsCommand(rest);
      case "check-signature":
        return await checkSignatureCommand(rest);
      case "help":
        if (rest[0] !== undefined && !(rest[0] in USAGE))
          throw new UsageError(`help: unknown command "${rest[0]}"`);
        return usage(rest[0] ?? "main", 0);
      case "--help":
      case "-h":
        return usage("main", 0);
      case "--version":
        process.stdout.write(`${TOOL_VERSION}\n`);
        return 0;
      case undefined:
        return usage("main", 2);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(
        `${TOOL_NAME}: ${usageMessage(e as Error)}\n(see '${TOOL_NAME} ${command ?? ""} --help')\n`,
      );
      return 2;
    }
    // Messages quote what the inputs hold (names, a command's output): escaped.
    if (e instanceof ChangeFailure) {
      process.stderr.write(`${TOOL_NAME}: ${safeLines(e.message)}\n`);
      return 1;
    }
    if (e instanceof ConfigurationError || e instanceof InputFileError) {
      process.stderr.write(`${TOOL_NAME}: ${safeLines(e.message)}\n`);
      return 2;
    }
    if (partialResultOf(e)) {
      // A stage failed (a build error, a missing tool): its message says what; the report has the rest.
      process.stderr.write(`${TOOL_NAME}: ${safeLines((e as Error).message)}\n`);
      return 1;
    }
    process.stderr.write(`${TOOL_NAME}: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

/** node:util's message for a mistyped flag, with the input it most likely meant. */
function usageMessage(e: Error): string {
  const flag = /Unknown option '--([^']+)'/.exec(e.message)?.[1];
  const near = flag ? closestInput(flag) : undefined;
  return near ? `unknown option --${flag}; did you mean --${near}?` : e.message;
}
