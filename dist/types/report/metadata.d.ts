import type { PayloadOrigin, RunResult, SignatureRecord, SigningRecord } from "./result.js";
import type { XenSourceIdentity } from "../source/types.js";
import type { Finding } from "../verify/rules.js";
/** Bumped on any change a reader has to know about; documented in docs/metadata.md. */
export declare const METADATA_SCHEMA_VERSION = 1;
export declare const METADATA_SCHEMA_ID = "https://xen-livepatch-ci.invalid/schemas/metadata/v1.schema.json";
export type { PayloadOrigin, SignatureRecord, SigningRecord } from "./result.js";
export interface WorkflowRunRecord {
    url: string;
    repository: string;
    runId: string;
    runAttempt: string;
    workflow: string;
    event: string;
    ref: string;
    sha: string;
}
export interface PayloadMetadata {
    name: string;
    file: string;
    size: number;
    sha256: string;
    buildId: string | null;
    depends: string | null;
    xenDepends: string | null;
    /** 0 for a payload on the hypervisor itself, n for one on top of n others. */
    position: number;
    /** The payloads below this one, oldest first (names). */
    stack: string[];
    origin: PayloadOrigin | null;
    verifier: {
        verdict: "clean" | "notes" | "warnings" | "errors";
        counts: {
            error: number;
            warning: number;
            note: number;
        };
        findings: Array<Pick<Finding, "ruleId" | "severity" | "message"> & {
            expected: boolean;
        }>;
    };
    signature: SignatureRecord | null;
    /** EXPERIMENTAL: the signature note embedded in the payload (Xen's 2025 proposal). */
    xenSignature: {
        section: string;
        algorithm: "rsa-sha256";
        experimental: true;
    } | null;
}
export interface Metadata {
    $schema: string;
    schemaVersion: number;
    verdict: RunResult["verdict"];
    reason: string | null;
    tool: {
        name: string;
        version: string;
    };
    tools: {
        node: string;
        compiler: string | null;
    };
    base: {
        source: XenSourceIdentity;
        config: {
            kind: string;
            digest: string;
        };
        /** xen_compiler() of the built hypervisor: the compiler it was built with. */
        compiler: string | null;
        /** The values Xen embeds (xen_compile_date(), ...), as read back from xen-syms. */
        buildValues: Record<string, string>;
        xenSymsBuildId: string | null;
        /**
         * How the base compares with the hypervisor users run: Debian's package for Debian's
         * source, or the expected-build-id given; null when there was nothing to compare with.
         */
        reference: {
            kind: "debian-package" | "expected-build-id";
            description: string;
            buildId: string;
            identical: boolean;
        } | null;
        /** The image the boot test booted: the distribution's own when identical to it. */
        bootImage: string;
    } | null;
    /** The build-id of the hypervisor the payloads were verified against. */
    xenBuildId: string | null;
    payloads: PayloadMetadata[];
    scenario: {
        name: string;
        ok: boolean;
        counts: {
            passed: number;
            failed: number;
            notRun: number;
        };
        steps: Array<{
            name: string;
            status: string;
            message: string | null;
        }>;
    } | null;
    signing: SigningRecord;
    workflowRun: WorkflowRunRecord | null;
}
export interface MetadataInputs {
    readonly result: RunResult;
    readonly outputDir: string;
    /** Where a payload is in the output directory (a prebuilt one is copied there). */
    readonly publishedFile: (file: string) => string;
    /** Signatures by the absolute path of the file they sign. */
    readonly signatures: ReadonlyMap<string, SignatureRecord>;
    readonly signing: SigningRecord;
    readonly workflowRun: WorkflowRunRecord | undefined;
}
/** A path inside the output directory as metadata names it; other paths stay absolute. */
export declare function outputPath(file: string, outputDir: string): string;
export declare function buildMetadata(inputs: MetadataInputs): Promise<Metadata>;
/** The file's text: stable key order and a final newline, so it signs and diffs well. */
export declare function metadataJson(metadata: Metadata): string;
