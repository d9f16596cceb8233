import { type XenBase } from "../base/xen.js";
import { type CompilerDiagnostic } from "../report/compiler.js";
import type { XenSourceIdentity } from "../source/types.js";
import { ConfigurationError } from "../util/errors.js";
import { type ExpectationsMode } from "./complete-funcs.js";
export { type ExpectationsMode, completeFuncs, expectationByte, expectationField, } from "./complete-funcs.js";
export type StackMode = "stacked" | "independent";
export interface BuildSourcePayloadsOptions {
    base: XenBase;
    /** Where the base's source came from; recorded in every payload's `.modinfo`. */
    source: XenSourceIdentity;
    /** One payload per directory, in stack order. */
    sourceDirs: readonly string[];
    /** `stacked`: each payload depends on the one before (the first on the base). */
    stackMode: StackMode;
    expectations: ExpectationsMode;
    /** Extra `.modinfo` entries (e.g. the workflow run URL). */
    metadata?: Readonly<Record<string, string>>;
    /** The `version` entry of `.modinfo`; "1" unless given. */
    version?: string;
    outDir: string;
    logFile?: string;
    jobs?: number;
}
export interface SourcePayload {
    /** The upload name: the directory's name, sanitised. */
    name: string;
    /** `<outDir>/<name>.livepatch` */
    file: string;
    sourceDir: string;
    buildId: string;
    /** The build-id in `.livepatch.depends`: the base's, or the previous payload's. */
    depends: string;
    /** sha256 of the directory's files (see sourceDigest). */
    sourceDigest: string;
    /** What the builder wrote into `.livepatch.funcs`, and what it left alone and why. */
    notes: string[];
}
/** The payload name for a directory: its base name with other than [A-Za-z0-9_-] as `_`. */
export declare function payloadName(dir: string): string;
/** A GNU build-id ELF note (the format of `.note.gnu.build-id` and Xen's depends sections). */
export declare function gnuBuildIdNote(buildIdHex: string): Uint8Array;
/** The `.modinfo` entries of a source payload, in order: the standard ones, then `metadata`. */
export declare function modinfoEntries(info: {
    name: string;
    version: string;
    source: XenSourceIdentity;
    sourceDigest: string;
    metadata?: Readonly<Record<string, string>>;
}): Array<[string, string]>;
/** `.modinfo` bytes: `key=value\0` strings, the format Xen prints on apply. */
export declare function modinfoBytes(entries: ReadonlyArray<readonly [string, string]>): Uint8Array;
export interface SourceFile {
    /** Relative to the payload directory, `/`-separated. */
    path: string;
    content: Uint8Array;
}
/** sha256 (hex) over the files sorted by path, each framed as `path\0size\0content`. */
export declare function sourceDigest(files: readonly SourceFile[]): string;
/**
 * The kbuild Makefile for one payload directory. The default stage compiles the sources
 * and combines them into one object (the builder then completes its function entries);
 * `XLCI_STAGE=link` makes the note and metadata objects and links the payload with Xen's
 * own command (test/livepatch's cmd_livepatch).
 */
export declare function payloadMakefile(name: string, objects: readonly string[]): string;
/**
 * The compiler's diagnostics in make's output of the payload build (see
 * parseCompilerDiagnostics), with the paths in the work copy turned back into the user's:
 * `dirs` maps each payload's directory in the copy (relative to its `xen/`, where make
 * runs) to the user's directory; other files are Xen's, named from the tree's root.
 */
export declare function payloadCompileDiagnostics(output: string, dirs: ReadonlyArray<{
    rel: string;
    sourceDir: string;
}>): CompilerDiagnostic[];
export declare const formatDiagnostic: (d: CompilerDiagnostic) => string;
/** Payload sources that do not compile; `diagnostics` locate the errors in the user's files. */
export declare class PayloadCompileError extends ConfigurationError {
    readonly diagnostics: CompilerDiagnostic[];
    name: string;
    constructor(diagnostics: CompilerDiagnostic[], message: string, options?: ErrorOptions & {
        input?: string;
    });
}
/**
 * Builds one payload per source directory against the base, in order, into `outDir`.
 * Compile errors throw a PayloadCompileError naming the user's files and lines.
 */
export declare function buildSourcePayloads(opts: BuildSourcePayloadsOptions): Promise<SourcePayload[]>;
/**
 * Copies what the hypervisor build reads (`xen/`, `config/`, the top-level files such as
 * Config.mk), keeping times so make sees the copy as up to date.
 *
 * The copy reports the base's changeset: Xen asks `xen/tools/scmversion` for it on every
 * build (xen/build.mk, compile.h), and the copy has no `.git` (and once patched would be
 * "-dirty"), so it would embed another string and every object using compile.h (version.c,
 * the EFI boot code) would differ from the base's.
 */
export declare function copyHypervisorTree(tree: string, work: string, logFile?: string): Promise<void>;
