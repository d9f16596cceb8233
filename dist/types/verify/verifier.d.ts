/**
 * The static payload verifier: predicts what the loader of the hypervisor's Xen version will
 * refuse (the version xen-syms reports, to the point release; src/xen/loader.ts loaderFor),
 * with that version's errno and console line in the message, and finds the defects the
 * loader does not notice. Which of several defects the loader meets first is
 * loader-order.ts's.
 *
 * The checks are the loader's steps (steps/index.ts STEPS, in Xen's order): each mirrors
 * one step of xen/common/livepatch_elf.c, xen/common/livepatch.c or
 * xen/arch/x86/livepatch.c, or is a check beyond the loader, and reports with the rule ids
 * of rules.ts it owns. A step never throws on a malformed payload: what it cannot read it
 * reports.
 */
import { ElfFormatError } from "../elf/reader.js";
import { Payload } from "../livepatch/payload.js";
import type { Finding } from "./rules.js";
import { type StepOutcome, type VerifyTarget } from "./steps/index.js";
export type { VerifyTarget } from "./steps/index.js";
export type { StepOutcome } from "./steps/index.js";
/** One payload's findings, and what became of each step (a step not run says why). */
export interface Verification {
    readonly findings: Finding[];
    readonly steps: StepOutcome[];
}
/** Verifies one parsed payload against its target, step by step. */
export declare function verifySteps(payload: Payload, target: VerifyTarget): Verification;
/** Verifies one parsed payload against its target: its findings, in the steps' order. */
export declare function verifyPayload(payload: Payload, target: VerifyTarget): Finding[];
/** Verifies one payload file; a file that is not a readable ELF object is one finding. */
export declare function verifyFile(path: string, target: VerifyTarget): Promise<Finding[]>;
/**
 * The one finding for a file that cannot be read as an ELF object at all (the elf-load
 * step's elf-malformed: the steps never see such a file).
 */
export declare function malformedFindings(file: string, error: ElfFormatError): Finding[];
