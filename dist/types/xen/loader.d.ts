import { type XenChangeRecord } from "./changes.js";
import { type LoaderVersion } from "./loader-version.js";
import { type XenVersion } from "./version.js";
type Release = Pick<XenVersion, "major" | "minor" | "patch">;
/** Whether `release` has the change: by its releases, or carried by its distribution base. */
export declare function releaseHas(release: Release, change: XenChangeRecord): boolean;
/** The model for 4.17 (and for anything older or unknown): loaderFor(undefined). */
export declare const XEN_4_17: LoaderVersion;
/**
 * The loader model for a hypervisor of `version` (see XenSyms.version()), to the point
 * release: 4.17.0's model with each change of changes.ts the release has. XEN_4_17 for
 * anything older or unknown; an unknown point release counts as the minor's first.
 */
export declare function loaderFor(version: (Pick<XenVersion, "major" | "minor"> & Partial<XenVersion>) | undefined): LoaderVersion;
/** What loaderFor() returns for 4.20.0 and 4.21.0. */
export declare const XEN_4_20: LoaderVersion;
export declare const XEN_4_21: LoaderVersion;
export {};
