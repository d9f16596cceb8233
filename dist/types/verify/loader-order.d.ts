/**
 * The order in which a loader meets a payload's defects, so the verifier can say which one
 * Xen reports: the loader stops at the first refusal (or crash), and a payload with several
 * defects is refused for the one it checks first. The order is load_payload_data()'s
 * (xen/common/livepatch.c), then apply and what runs after it; from fa49f4be41 (4.18.4+,
 * 4.19.1+, 4.20) `.livepatch.xen_depends` is checked right after the ELF load, before
 * placement, symbol resolution and relocations, where 4.17 checks it last at upload.
 */
import type { LoaderVersion } from "./loader-model.js";
import { type Finding, type LoaderVerdict } from "./rules.js";
/** The loader's steps, in order. */
export declare const LOADER_STEPS: readonly ["upload", "elf-load", "xen-build-id", "placement", "symbols", "relocations", "required-sections", "patching-sections", "funcs", "hooks", "build-id", "depends", "xen-depends-note", "bug-frames", "alternatives", "alternatives-apply", "alt-calls", "ex-table", "modinfo", "xen-build-id-late", "symbol-table", "apply", "after-apply"];
export type LoaderStep = (typeof LOADER_STEPS)[number];
/** The step at which `version`'s loader meets the defect of a finding. */
export declare function stepOf(finding: Finding, version: LoaderVersion): LoaderStep;
/** What the loader does first with a payload: the defect it stops at. */
export interface LoaderOutcome {
    readonly verdict: LoaderVerdict;
    /** The finding of that defect; absent when the loader accepts the payload. */
    readonly finding?: Finding;
    readonly step?: LoaderStep;
}
/**
 * What `version`'s loader does with a payload that has these findings: the verdict and
 * finding of the first defect it refuses or crashes on, in its order (a crash after apply
 * counts only when nothing refuses it before), else "accepts". Findings of rules the
 * version does not have count as none.
 */
export declare function loaderOutcome(findings: readonly Finding[], version: LoaderVersion): LoaderOutcome;
