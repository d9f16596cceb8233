import { Payload } from "../livepatch/payload.js";
import type { Finding, LoaderVerdict, RuleId } from "./rules.js";
export interface PayloadReport {
    readonly file: string;
    readonly name: string;
    readonly size: number;
    readonly buildId: string | undefined;
    readonly depends: string | undefined;
    readonly xenDepends: string | undefined;
    /** The payloads this one was checked on top of, oldest first. */
    readonly stack: readonly string[];
    readonly findings: readonly Finding[];
    /**
     * What the loader of the hypervisor's version (xen-syms', else Xen 4.17's) does with the
     * payload: the verdict of the first defect it meets in its order of checks, and that
     * defect's rule (loader-order.ts); "accepts" without a rule when nothing stops it.
     */
    readonly loader?: {
        readonly version: string;
        readonly verdict: LoaderVerdict;
        readonly ruleId?: RuleId;
    };
}
export interface PayloadSetInput {
    readonly payloads: readonly string[];
    readonly xenSyms: string | undefined;
    readonly applied: readonly string[];
    /** Check what each patch overwrites as instructions (default true); see VerifyTarget. */
    readonly instructions?: boolean;
}
export interface PayloadSetResult {
    readonly xenBuildId: string | undefined;
    readonly payloads: readonly PayloadReport[];
}
/**
 * The payloads `payload` will sit on, oldest first: the chain its depends note leads to
 * through `byId`. A payload with nothing below it in the set is checked on top of the
 * applied payloads: what will really be loaded below it when it is applied.
 */
export declare function stackOf(payload: Payload, byId: ReadonlyMap<string, Payload>, applied: readonly Payload[]): Payload[];
export declare function verifyPayloadSet(input: PayloadSetInput): Promise<PayloadSetResult>;
