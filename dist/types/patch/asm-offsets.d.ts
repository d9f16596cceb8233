/**
 * True when asm-offsets.h from the patched `tree` would be the base's; false when it would
 * differ or cannot be told (no record, a compile failure: the full build then decides).
 */
export declare function asmOffsetsUnchanged(baseTree: string, tree: string, env: NodeJS.ProcessEnv, logFile?: string): Promise<boolean>;
/** The header's lines in the compiler's output: what build.mk's sed keeps of `==>X<==`. */
export declare function offsetLines(assembly: string): string[];
