import type { XenSyms } from "../livepatch/xen-syms.js";
import type { XenSourceIdentity } from "../source/types.js";
import { type ExpectationsMode } from "./complete-funcs.js";
export type StackMode = "stacked" | "independent";
/** What the link of every payload of a set takes. */
export interface LinkOptions {
    /** Where the base's source came from; recorded in every payload's `.modinfo`. */
    source: XenSourceIdentity;
    /** `stacked`: each payload depends on the one before (the first on the base). */
    stackMode: StackMode;
    expectations: ExpectationsMode;
    /** Extra `.modinfo` entries (e.g. the workflow run URL). */
    metadata?: Readonly<Record<string, string>>;
    /** The `version` entry of `.modinfo`; "1" unless given. */
    version?: string;
    outDir: string;
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
export interface SourceFile {
    /** Relative to the payload directory, `/`-separated. */
    path: string;
    content: Uint8Array;
}
/** One payload's sources, as read from its directory. */
export interface PayloadDir {
    name: string;
    sourceDir: string;
    files: SourceFile[];
    objects: string[];
    digest: string;
    /** The payload's directory inside the work copy, relative to its `xen/`. */
    rel: string;
}
/** Generated files in a payload's directory start with this; sources must not. */
export declare const GENERATED_PREFIX = "xlci-";
export declare const COMBINED_OBJECT = "xlci-objects.o";
export declare const PAYLOAD_OBJECT = "xlci-payload.o";
export declare const NOTE_FILES: {
    readonly depends: "xlci-depends";
    readonly xenDepends: "xlci-xen-depends";
    readonly modinfo: "xlci-modinfo";
};
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
/** How one payload directory's objects are found and linked. */
export interface PayloadLinker {
    /** The directory holding `dir`'s COMBINED_OBJECT, where its link inputs go. */
    objDir(dir: PayloadDir): string;
    /** Links `objDir`'s PAYLOAD_OBJECT and NOTE_FILES objects into `<objDir>/<name>.livepatch`. */
    link(objDir: string, dir: PayloadDir): Promise<void>;
}
/**
 * Completes and links every payload, in stack order, into `opts.outDir`; `notes(dir)` are
 * the builder's notes put first in the payload's. Returns the payloads as linked.
 */
export declare function linkPayloads(dirs: readonly PayloadDir[], opts: LinkOptions, ctx: {
    xen: XenSyms;
    linker: PayloadLinker;
    notes: (dir: PayloadDir) => string[];
    log: (line: string) => Promise<void>;
}): Promise<SourcePayload[]>;
