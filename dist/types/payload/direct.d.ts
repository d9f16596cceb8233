import { type BuildSourcePayloadsOptions, type SourcePayload } from "./sources.js";
/** The base's assembler command and linker, as its build records give them. */
export interface BaseToolchain {
    /** The compiler and its flags for a `.S` file, without dependency, label, input or output. */
    assemble: string[];
    /** The linker and XEN_LDFLAGS, before `-r`. */
    ld: string[];
    objcopy: string;
}
/**
 * Builds one payload per generated source directory (assembly only) against the base, as
 * buildSourcePayloads does, into `outDir`; the base's tree is only read.
 */
export declare function buildGeneratedPayloads(opts: BuildSourcePayloadsOptions): Promise<SourcePayload[]>;
/**
 * The base's assembler command and linker from its build records (see the module's
 * comment), or undefined when a record is missing or is not a plain command line.
 */
export declare function baseToolchain(xenDir: string): Promise<BaseToolchain | undefined>;
/**
 * The words of a command line as sh splits it, for the plain ones build records hold
 * (words, single and double quotes); undefined for anything else (expansions, operators).
 */
export declare function shellWords(line: string): string[] | undefined;
