import { type XenBase } from "../base/xen.js";
import { type CompilerDiagnostic } from "../report/compiler.js";
import { ChangeFailure } from "../util/errors.js";
import { CommandError } from "../util/exec.js";
import { type LinkOptions, type PayloadDir, type SourceFile, type SourcePayload } from "./link.js";
export { type ExpectationsMode, expectationByte, expectationField } from "./complete-funcs.js";
export { completeFuncs } from "./complete-funcs.js";
export { type SourceFile, type SourcePayload, type StackMode, gnuBuildIdNote, modinfoBytes, modinfoEntries, } from "./link.js";
export interface BuildSourcePayloadsOptions extends LinkOptions {
    base: XenBase;
    /** One payload per directory, in stack order. */
    sourceDirs: readonly string[];
    logFile?: string;
    jobs?: number;
}
/** The payload name for a directory: its base name with other than [A-Za-z0-9_-] as `_`. */
export declare function payloadName(dir: string): string;
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
export declare class PayloadCompileError extends ChangeFailure {
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
/** The payload directories' sources, names and objects; ConfigurationError when unusable. */
export declare function readPayloadDirs(sourceDirs: readonly string[]): Promise<PayloadDir[]>;
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
/**
 * Pins the copy's changeset (in `work`) to the one the base's compile.h holds (see
 * copyHypervisorTree). The copy's `xen/tools/scmversion` is rewritten in place.
 */
export declare function pinBaseChangeset(tree: string, work: string): Promise<void>;
/** The compile failure of payload sources, its diagnostics in the user's files. */
export declare function compileError(err: CommandError, dirs: readonly PayloadDir[], assemblyMacroUses?: readonly {
    file: string;
}[]): PayloadCompileError;
