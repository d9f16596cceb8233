export interface CompilerDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly column?: number;
    readonly severity: "error" | "warning";
    readonly message: string;
}
/** Errors (and warnings) named by gcc or ld in `log`, each once, in order. */
export declare function parseCompilerDiagnostics(log: string): CompilerDiagnostic[];
/**
 * Maps a path as the compiler printed it (relative to the directory make ran in, inside
 * the build copy) to the user's tree. `builtIn` is that directory in the copy, `copyRoot`
 * the copy's root and `sourceRoot` the tree it was copied from.
 */
export declare function sourcePath(file: string, builtIn: string, copyRoot: string, sourceRoot: string): string;
