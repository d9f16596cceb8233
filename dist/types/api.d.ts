/**
 * xen-livepatch-ci as a library: the pieces the action and the command line are made of,
 * for scripts around livepatches (release tooling, other CI systems). docs/api.md shows
 * them at work; the package's `exports` map points here.
 *
 * - The payload reader: `Payload` (a livepatch payload file: build-id notes, `.livepatch.funcs`
 *   entries, hooks, `.modinfo`) and `XenSyms` (a hypervisor's xen-syms).
 * - The verifier: `verifyPayloadSet` (payload files against a xen-syms and what is already
 *   applied, each on top of the payloads it depends on), `verifyPayload` and `verifyFile`
 *   (one payload), and `RULES` (what each finding's rule checks, and why).
 * - The patch builder: a Xen source (`fetchDebianSource`, `fetchGitSource`, `localSource`),
 *   its base build (`buildXenBase`), and `buildPatchPayloads` (patches in, payloads out,
 *   on that base).
 * - The boot scenarios: `parseScenario`, `defaultScenario`, `selfTestScenario` and
 *   `runScenario` (boots the base in QEMU with a dom0 and runs the scenario's steps), and
 *   below them `bootXen` and `ConsoleReader`.
 * - The whole pipeline, as the action and the command line run it: `parseOptions` (the
 *   action's inputs by name) and `run`; and its stages one by one (`sourceStage`,
 *   `baseStage`, `payloadsStage`, `verifyStage`, `bootStage`).
 *
 * These are the stable names: the ABI's layouts (src/xen/abi.ts), the loader models of each
 * release, the QEMU command line and the other pieces below them are the tool's own and
 * change without notice; import them from their modules at your own risk.
 *
 * Every function here throws `ConfigurationError` (naming the input) for a bad argument
 * (`ConfigurationErrors`, a kind of it, for several found together),
 * `InputFileError` for an unreadable file, `MissingProgramError` (naming the Debian
 * package) for a program that is not installed, and `CommandError` for one that failed.
 */
export { Payload, type LivepatchFuncEntry, type ModinfoEntry, type PointerField, } from "./livepatch/payload.js";
export type { BuildIdNote } from "./livepatch/notes.js";
export { XenSyms, type XenSymbol } from "./livepatch/xen-syms.js";
export { ElfFormatError } from "./elf/reader.js";
export { verifyPayloadSet, type PayloadReport, type PayloadSetInput, type PayloadSetResult, } from "./verify/payload-set.js";
export { verifyFile, verifyPayload, type VerifyTarget } from "./verify/verifier.js";
export { RULES, loaderVerdictFor, ruleVersions, type Finding, type FindingLocation, type LoaderVerdict, type Rule, type RuleChange, type RuleId, type Severity, } from "./verify/rules.js";
export { loaderFor, type LoaderVersion } from "./verify/loader-model.js";
export { type LoaderOutcome, loaderOutcome } from "./verify/loader-order.js";
export { findingsText } from "./report/text.js";
export { DEFAULT_DEBIAN_XEN_VERSION, fetchDebianSource, type FetchDebianSourceOptions, } from "./source/debian.js";
export { debianCandidate, type PolicyVersion } from "./source/debian-policy.js";
export { identifyDebianHypervisor, type IdentifiedHypervisor } from "./source/debian-identify.js";
export { fetchGitSource, type FetchGitSourceOptions } from "./source/git.js";
export { localSource } from "./source/path.js";
export type { XenSourceIdentity, XenSourceTree } from "./source/types.js";
export { buildXenBase, XenBuildError, type BuildXenBaseOptions, type XenBase } from "./base/xen.js";
export type { BuildValues } from "./base/build-values.js";
export type { XenConfig } from "./base/config.js";
export { buildPatchPayloads, type BuildPatchPayloadsOptions, type PatchMode, type PatchPayload, } from "./patch/build.js";
export { PatchRefusal, type PatchedFunction } from "./patch/emit.js";
export { buildSourcePayloads, PayloadCompileError, type ExpectationsMode, type SourcePayload, } from "./payload/sources.js";
export { parseScenario, type Scenario, type ScenarioPayload, type ScenarioStep, } from "./scenario/format.js";
export { defaultScenario, describeStack, selfTestScenario } from "./scenario/builtin.js";
export { runScenario, type RunScenarioOptions, type ScenarioResult, type StepOutcome, } from "./scenario/run.js";
export { junitXml } from "./report/junit.js";
export type { GuestAssets } from "./boot/guest-assets.js";
export { BootError, bootXen, type Accel, type BootOptions, type BootResult, type BootTimeouts, } from "./boot/qemu.js";
export { ConsoleReader, type ConsoleEvent, type StepResult } from "./boot/console.js";
export { ConfigurationError, ConfigurationErrors, InputFileError } from "./util/errors.js";
export { CommandError, MissingProgramError } from "./util/exec.js";
export { TOOL_NAME, TOOL_VERSION } from "./version.js";
export { INPUT_DEFAULTS, type InputName, type Options, type RawInputs, defaultCacheDir, parseOptions, } from "./options.js";
export { allFindings, partialResultOf, run } from "./pipeline.js";
export type { BaseRecord, RunResult, StageName, StageRecord } from "./report/result.js";
export type { StageContext, StageSummary } from "./stage-context.js";
export { type SourceStageResult, sourceStage } from "./source/stage.js";
export { type BaseStageResult, baseStage } from "./base/stage.js";
export { type BuiltBase, type PayloadsStageResult, payloadsStage } from "./payload/stage.js";
export { type VerifyStageResult, verdictFor, verifyStage } from "./verify/stage.js";
export { type BootStageResult, bootStage } from "./boot/stage.js";
