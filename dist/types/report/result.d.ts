/**
 * The run's result model: what the pipeline makes of the stages' results, what report.json
 * holds (its JSON Schema is docs/report.schema.json: a field added here is added there) and
 * what the reports (summary, metadata, JUnit, SARIF) and the publish stage read. It sits
 * below the stages so that they and the reports import it, not the pipeline.
 */
import type { Attestation } from "../publish/attest.js";
import type { UploadedArtifact } from "../publish/artifact.js";
import type { PublishedRelease } from "../publish/release.js";
import type { KvmUse } from "../boot/kvm.js";
import type { BaseReference } from "../base/reference.js";
import type { XenBase } from "../base/xen.js";
import type { ScenarioResult } from "../scenario/run.js";
import type { XenSourceIdentity } from "../source/types.js";
import type { CacheUse } from "../util/cache.js";
import type { PayloadReport } from "../verify/payload-set.js";
import type { CompilerDiagnostic } from "./compiler.js";
export type StageName = "source" | "base" | "payloads" | "verify" | "boot" | "sign" | "publish";
export interface StageRecord {
    readonly name: StageName;
    /** "interrupted": a signal ended the run while this stage ran (src/util/interrupt.ts). */
    status: "ok" | "failed" | "skipped" | "interrupted";
    seconds: number;
    detail?: string;
}
export interface BaseRecord {
    readonly source: XenSourceIdentity;
    readonly xenSyms: string;
    readonly xenImage: string;
    readonly buildId: string | undefined;
    /** The build values the hypervisor embeds, read back from xen-syms (compiler, date, ...). */
    readonly buildInfo: Record<string, string>;
    readonly config: XenBase["config"];
    readonly cached: boolean;
    /**
     * How the base compares with the hypervisor users run (Debian's package for Debian's
     * source, or the expected-build-id given); absent when there was nothing to compare with.
     */
    readonly reference?: BaseReference;
    /** The image the boot test boots: the distribution's own when the base is identical to it. */
    readonly bootImage: string;
}
export interface RunResult {
    readonly tool: {
        name: string;
        version: string;
    };
    /** "interrupted": a signal ended the run (`interrupted` says which, and in what stage). */
    verdict: "pass" | "fail" | "interrupted";
    /** Why the verdict is "fail" (or "interrupted"), in one line. */
    reason?: string;
    /** The signal that ended the run, and the stage that was running. */
    interrupted?: {
        signal: NodeJS.Signals;
        stage?: StageName;
    };
    readonly stages: StageRecord[];
    base?: BaseRecord;
    xenBuildId?: string;
    payloads: PayloadReport[];
    /** Compiler errors and warnings of a failed build, at their place in the user's tree. */
    diagnostics?: CompilerDiagnostic[];
    /** The boot test's steps and how the boot went. */
    scenario?: ScenarioResult;
    /** The boot test's payload IDs and the files they were (ID -> file). */
    scenarioPayloads?: Record<string, string>;
    /** What each payload was made from, by its file. */
    readonly origins: Record<string, PayloadOrigin>;
    /** How the outputs were signed, or why not (metadata.json says the same). */
    signing?: SigningRecord;
    /** Payloads (by file) that carry the experimental embedded Xen signature note. */
    xenSignatures?: string[];
    /** Where the outputs went besides the output directory. */
    published?: Published;
    /** Whether the boot test ran under KVM and, if not, why. */
    kvm?: KvmUse;
    /** What was restored from and saved to GitHub's cache (the action only). */
    readonly cache: CacheUse[];
    readonly files: {
        metadata: string;
        report: string;
        sarif: string;
        findings: string;
        logs: string;
        scenario: string;
        junit: string;
    };
}
/** What a payload was made from. */
export type PayloadOrigin = 
/** Built from a directory of C/assembly sources (payload-sources). */
{
    kind: "sources";
    path: string;
    sha256: string;
}
/** Built from patch files (patches): one, or a whole series for a cumulative payload. */
 | {
    kind: "patch";
    patches: Array<{
        path: string;
        sha256: string;
    }>;
    /** The hypervisor functions it replaces (`file#name` when static), and why each changed. */
    functions: Array<{
        name: string;
        why: string;
    }>;
    /** New functions it carries. */
    added: string[];
    /** Init changes of the patches left out on request (ignore-init-changes). */
    ignored: Array<{
        name: string;
        object: string;
        why: string;
    }>;
    /** Files the patches change outside xen/, left out of the build (`patch: path`); absent when none. */
    leftOut?: string[];
}
/** One of Xen's in-tree test payloads (xen/test/livepatch), built with the base. */
 | {
    kind: "xen-tests";
    path: string;
}
/** Given ready-made (payloads). */
 | {
    kind: "prebuilt";
    path: string;
};
/** A detached signature of one file, as written next to it. */
export interface SignatureRecord {
    format: "minisign";
    /** The `.minisig` file, relative to the output directory. */
    file: string;
    /** minisign's key id (16 hex digits, as `minisign -V` prints it). */
    keyId: string;
}
/** How the run signed its outputs, or why it did not. */
export type SigningRecord = {
    status: "signed";
    minisign: {
        keyId: string;
        publicKey: string;
    };
    /** The `.minisig` of metadata.json itself (it cannot carry its own signature). */
    metadataSignature: string;
} | {
    status: "unsigned";
    reason: string;
};
/** Where the outputs went besides the output directory. */
export interface Published {
    artifact?: UploadedArtifact;
    release?: PublishedRelease;
    /** Why there is no release although one was asked for. */
    releaseSkipped?: string;
    attestations?: Attestation[];
}
