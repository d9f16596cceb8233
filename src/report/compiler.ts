/**
 * Compiler diagnostics from a build log (`file:line:col: error: message`), so a failed
 * build points at the lines to fix: as annotations in the action, as lines on the
 * terminal, and in the report.
 */
import { isAbsolute, join, normalize, relative } from "node:path";

export interface CompilerDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column?: number;
  readonly severity: "error" | "warning";
  readonly message: string;
}

// gcc: "file:line:col: error: ...", gas: "file:line: Error: ...".
const DIAGNOSTIC =
  /^(?<file>[^\s:][^:]*):(?<line>\d+):(?:(?<column>\d+):)? (?<kind>fatal error|error|warning|Error|Warning): (?<message>.+)$/;

/** Errors (and warnings) named by gcc or ld in `log`, each once, in order. */
export function parseCompilerDiagnostics(log: string): CompilerDiagnostic[] {
  const seen = new Set<string>();
  const found: CompilerDiagnostic[] = [];
  for (const line of log.split("\n")) {
    const m = DIAGNOSTIC.exec(line.trimEnd());
    if (!m?.groups) continue;
    const { file, kind, message } = m.groups as Record<string, string>;
    const key = `${file}:${m.groups.line}:${m.groups.column ?? ""}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({
      file: file!,
      line: Number(m.groups.line),
      ...(m.groups.column ? { column: Number(m.groups.column) } : {}),
      severity: kind?.toLowerCase() === "warning" ? "warning" : "error",
      message: message!,
    });
  }
  return found;
}

/**
 * Maps a path as the compiler printed it (relative to the directory make ran in, inside
 * the build copy) to the user's tree. `builtIn` is that directory in the copy, `copyRoot`
 * the copy's root and `sourceRoot` the tree it was copied from.
 */
export function sourcePath(
  file: string,
  builtIn: string,
  copyRoot: string,
  sourceRoot: string,
): string {
  const absolute = isAbsolute(file) ? file : join(builtIn, file);
  const inCopy = relative(copyRoot, normalize(absolute));
  return inCopy.startsWith("..") ? absolute : join(sourceRoot, inCopy);
}
