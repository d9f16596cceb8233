/**
 * The pieces of a scenario's YAML every part of the format reads the same way: keys (with a
 * "did you mean" for a misspelt one), texts, lists of texts, regular expressions, errno
 * values and payload references. Each mistake is collected with its line; parseScenario
 * (format.ts) reports them all at once.
 */
import { type Pair, type YAMLMap } from "yaml";
export interface Errno {
    /** The symbolic name where it is known (EINVAL). */
    name?: string;
    number: number;
}
export declare function formatErrno(e: Errno): string;
/** A mistake at a line; parseScenario collects them and throws them together. */
export declare class Problems {
    readonly list: Array<{
        line: number;
        message: string;
    }>;
    add(line: number, message: string): void;
}
export declare function isEmptyScalar(node: unknown): boolean;
/** Reads YAML nodes, reporting to `problems` what is not what the format says. */
export declare class Validator {
    private readonly problems;
    /** The 1-based line a node starts on (1 for a missing node). */
    readonly lineOf: (node: unknown) => number;
    constructor(problems: Problems, 
    /** The 1-based line a node starts on (1 for a missing node). */
    lineOf: (node: unknown) => number);
    /** How many problems are known so far: a part that adds none is valid. */
    get problemCount(): number;
    /** Reports a problem at `node`'s line, or at `line` when given. */
    add(node: unknown, message: string, line?: number): void;
    key(pair: Pair): string | undefined;
    /** The pairs of a mapping by key, reporting keys outside `allowed`. */
    keys<K extends string>(map: YAMLMap, allowed: readonly K[], where: string): Partial<Record<K, Pair<unknown, unknown>>>;
    /** A non-empty string (numbers and booleans written in YAML are taken as their text). */
    string(node: unknown, what: string, line?: number): string | undefined;
    /** One string or a list of strings. */
    strings(node: unknown, what: string, line: number): string[];
    regex(source: string, node: unknown, what: string): boolean;
    errno(node: unknown, line: number): Errno | undefined;
    /** A payload name `action` refers to, which the scenario's `payloads` must declare. */
    payloadRef(node: unknown, action: string, payloads: Readonly<Record<string, unknown>>): string | undefined;
}
