import type { Log } from "sarif";
import { type Finding, type FindingLocation } from "../verify/rules.js";
export declare function locationText(l: FindingLocation): string;
/**
 * A file URI relative to `root` when inside it (what code scanning links), else absolute;
 * either percent-encoded as RFC 3986 wants (a space, `#`, `%` or `?` in a name would
 * otherwise end or change the URI). pathToFileURL encodes the absolute form itself.
 */
export declare function artifactUri(file: string, root: string): string;
export declare function toSarif(findings: readonly Finding[], root: string): Log;
