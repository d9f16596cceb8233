import type { ElfFile, ElfSection } from "../elf/reader.js";
export type BuildIdNote = {
    status: "ok";
    section: ElfSection;
    id: string;
    duplicates: number;
} | {
    status: "missing";
} | {
    status: "empty";
    section: ElfSection;
    duplicates: number;
} | {
    status: "invalid";
    section: ElfSection;
    problem: string;
    /**
     * What xen_build_id_check() finds wrong: the note's type, its name, or a size (the
     * section's, the note's name or descriptor size). Later loaders give type and name
     * their own errno (ENODATA, 86d09d16dd).
     */
    fault: "type" | "name" | "size";
    duplicates: number;
};
export declare const hex: (bytes: Uint8Array) => string;
/**
 * Reads the build-id note of the first section named `name`, with the checks of Xen's
 * xen_build_id_check(): only the first note counts, it must be NT_GNU_BUILD_ID named
 * "GNU", fit in the section, and carry a non-empty descriptor.
 */
export declare function readGnuBuildId(elf: ElfFile, name: string): BuildIdNote;
