import { ElfFormatError } from "../elf/reader.js";
import { Payload } from "../livepatch/payload.js";
import type { XenSyms } from "../livepatch/xen-syms.js";
import { type LoaderVersion } from "./loader-model.js";
import { type Finding } from "./rules.js";
export interface VerifyTarget {
    /** The hypervisor the payload will be loaded into. */
    readonly xen?: XenSyms;
    /** Payloads applied before this one, oldest first. */
    readonly stack: readonly Payload[];
    /** The loader's rules (default: the one for xen-syms' version, else Xen 4.17's). */
    readonly loader?: LoaderVersion;
    /**
     * Whether to decode xen-syms and check what each patch overwrites, as instructions
     * (default true; the first payload of a set pays ~150 ms for the decode).
     */
    readonly instructions?: boolean;
}
/** Verifies one parsed payload against its target. */
export declare function verifyPayload(payload: Payload, target: VerifyTarget): Finding[];
/** Verifies one payload file; a file that is not a readable ELF object is one finding. */
export declare function verifyFile(path: string, target: VerifyTarget): Promise<Finding[]>;
/** The one finding for a file that cannot be read as an ELF object at all. */
export declare function malformedFindings(file: string, error: ElfFormatError): Finding[];
