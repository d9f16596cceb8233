/**
 * The shape of the options both front doors build (Options) and the inputs they come from:
 * every action.yml input with its default. options.ts parses and validates the inputs into
 * Options (and re-exports these names).
 */
import type { KeyObject } from "node:crypto";
import type { BuildValues } from "./base/build-values.js";
import type { WorkflowRunRecord } from "./report/metadata.js";
import type { SigningKey } from "./sign/minisign.js";
import type { EventTrust } from "./sign/trust.js";
export type FailOn = "error" | "warning" | "never";
/**
 * How the patches (or payload-sources) of a series become payloads (the stack-mode input):
 * each on top of the one before, each on the base alone, or the whole series as one
 * cumulative payload (patches only). Not payload/sources.ts's StackMode, which has no
 * cumulative one.
 */
export type SeriesMode = "stacked" | "independent" | "cumulative";
export type XenSourceSpec = {
    kind: "debian";
    version: string | undefined;
} | {
    kind: "path";
    path: string;
} | {
    kind: "git";
    url: string;
    ref: string;
};
export type UploadTarget = "artifact" | "release" | "both" | "none";
/**
 * What the action's front door knows of the job it runs in; the command line has none.
 * Publishing and attesting need it; signing needs to know whether the event is trusted.
 */
export interface GitHubJob {
    readonly run: WorkflowRunRecord;
    readonly trust: EventTrust;
    /** The REST API's base URL (GITHUB_API_URL). */
    readonly apiUrl: string;
    /** github-token, for release uploads and attestations. */
    readonly token: string;
    /** Whether the job may request an OIDC token (`permissions: id-token: write`). */
    readonly idToken: boolean;
}
/** The build-values input: any of the values the base build pins, overriding its defaults. */
export type BuildValueOverrides = Partial<BuildValues>;
export interface Options {
    /** Where the Xen tree comes from; undefined to only verify prebuilt payloads. */
    readonly xenSource: XenSourceSpec | undefined;
    readonly buildValues: BuildValueOverrides;
    /** "defconfig", or a path to a full .config or a fragment (see src/base/config.ts). */
    readonly xenConfig: "defconfig" | {
        path: string;
    };
    /** Hex build-id the rebuilt base must have, or a path to the deployed xen-syms. */
    readonly expectedBuildId: string | undefined;
    /** Build and check Xen's in-tree test payloads. */
    readonly selfTest: boolean;
    /** Directories of C/assembly payload sources, one payload each, in stack order. */
    readonly payloadSources: readonly string[];
    /** Whether built payloads fill in their expectations from the base xen-syms. */
    readonly expectations: "none" | "auto";
    /** Extra `.modinfo` entries of built payloads (the front door adds the workflow run). */
    readonly metadata: Readonly<Record<string, string>>;
    /** Patch files to build into payloads, in series order. */
    readonly patches: readonly string[];
    /** What turns patches into payloads. */
    readonly builder: "native" | "livepatch-build-tools";
    /** Build a patch's runtime part and list its init changes instead of refusing it. */
    readonly ignoreInitChanges: boolean;
    /** Copy changed read-only data into the payload (patching its readers) instead of refusing. */
    readonly copyChangedConstants: boolean;
    /** Refuse a patch that changes files outside xen/, instead of leaving them out (listed). */
    readonly refuseOutsideXen: boolean;
    /** Build a patch that changes a data layout, with a warning instead of the refusal. */
    readonly allowLayoutChanges: boolean;
    /** Prebuilt payload files, in stack order. */
    readonly payloads: readonly string[];
    /** xen-syms to verify against; defaults to the base this run builds. */
    readonly xenSyms: string | undefined;
    /** Payloads already applied on the target, oldest first. */
    readonly appliedPayloads: readonly string[];
    readonly failOn: FailOn;
    /** The boot test: none, a built-in scenario, or a scenario file. */
    readonly scenario: "none" | "default" | "self-test" | {
        path: string;
    };
    readonly kvm: "auto" | "true" | "false";
    /** A dom0 kernel with privcmd and xenfs built in, instead of the distribution's. */
    readonly dom0Kernel: string | undefined;
    /** Commands the default scenario runs with the whole stack applied. */
    readonly checks: readonly string[];
    readonly stackMode: SeriesMode;
    readonly outputDir: string;
    readonly cacheDir: string;
    /** The directory relative paths were resolved from; reports name files relative to it. */
    readonly workspace: string;
    /** The Ed25519 key that signs payloads and metadata; undefined: publish unsigned. */
    readonly signingKey: SigningKey | undefined;
    /** EXPERIMENTAL: the RSA key that embeds Xen's payload signature note. */
    readonly xenSignatureKey: KeyObject | undefined;
    /** Why a given key is not used (an untrusted event), for the report. */
    readonly signingRefused: string | undefined;
    /** Whether to create Sigstore attestations (decided: "auto" resolved against the job). */
    readonly attest: boolean;
    readonly upload: UploadTarget;
    /** The workflow artifact's name, sanitised for the artifact service. */
    readonly artifactName: string;
    /** 0: the repository's default. */
    readonly retentionDays: number;
    /** The GitHub job the action runs in; undefined on the command line. */
    readonly github: GitHubJob | undefined;
}
/** Every input with its default, exactly as in action.yml (a test keeps them equal). */
export declare const INPUT_DEFAULTS: {
    readonly "xen-source": "";
    readonly "xen-ref": "";
    readonly "xen-config": "defconfig";
    readonly "build-values": "";
    readonly "expected-build-id": "";
    readonly patches: "";
    readonly "payload-sources": "";
    readonly "self-test": "false";
    readonly "stack-mode": "stacked";
    readonly builder: "native";
    readonly "ignore-init-changes": "false";
    readonly "refuse-outside-xen": "false";
    readonly "copy-changed-constants": "false";
    readonly "allow-layout-changes": "false";
    readonly expectations: "none";
    readonly payloads: "";
    readonly "xen-syms": "";
    readonly "applied-payloads": "";
    readonly "fail-on": "error";
    readonly scenario: "none";
    readonly kvm: "auto";
    readonly "dom0-kernel": "";
    readonly checks: "";
    readonly "signing-key": "";
    readonly "xen-signature-key": "";
    readonly attest: "auto";
    readonly upload: "none";
    readonly "artifact-name": "xen-livepatch";
    readonly "retention-days": "0";
    readonly "github-token": "${{ github.token }}";
    readonly "output-dir": "xen-livepatch-out";
    readonly "cache-dir": "";
};
export type InputName = keyof typeof INPUT_DEFAULTS;
export type RawInputs = Partial<Record<InputName, string>>;
