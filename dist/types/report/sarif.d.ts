import type { Log } from "sarif";
import { type Finding, type FindingLocation } from "../verify/rules.js";
export declare function locationText(l: FindingLocation): string;
export declare function toSarif(findings: readonly Finding[], root: string): Log;
