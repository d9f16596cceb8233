/** The GNU build-id notes a payload carries and the hypervisor checks. */
import { NT_GNU_BUILD_ID } from "../elf/constants.js";
import type { ElfFile, ElfSection } from "../elf/reader.js";

const NOTE_HEADER_SIZE = 12;

export type BuildIdNote =
  | { status: "ok"; section: ElfSection; id: string; duplicates: number }
  | { status: "missing" }
  | { status: "empty"; section: ElfSection; duplicates: number }
  | {
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

export const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");

/**
 * Reads the build-id note of the first section named `name`, with the checks of Xen's
 * xen_build_id_check(): only the first note counts, it must be NT_GNU_BUILD_ID named
 * "GNU", fit in the section, and carry a non-empty descriptor.
 */
export function readGnuBuildId(elf: ElfFile, name: string): BuildIdNote {
  const all = elf.sectionsNamed(name);
  const section = all[0];
  if (!section) return { status: "missing" };
  const duplicates = all.length - 1;
  if (section.size === 0) return { status: "empty", section, duplicates };
  const invalid = (problem: string, fault: "type" | "name" | "size" = "size"): BuildIdNote => ({
    status: "invalid",
    section,
    problem,
    fault,
    duplicates,
  });
  if (!elf.inBounds(section)) return invalid("its data lies outside the file");
  const data = elf.data(section);
  if (data.length <= NOTE_HEADER_SIZE)
    return invalid(`${data.length} bytes is too small for a note`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const namesz = view.getUint32(0, true);
  const descsz = view.getUint32(4, true);
  const type = view.getUint32(8, true);
  if (type !== NT_GNU_BUILD_ID)
    return invalid(`note type is ${type}, not NT_GNU_BUILD_ID (3)`, "type");
  if (namesz < 4) return invalid(`note name size ${namesz} is shorter than "GNU\\0"`);
  if (namesz + descsz > data.length - NOTE_HEADER_SIZE) {
    return invalid(
      `note name (${namesz}) and descriptor (${descsz}) run past the section (${data.length} bytes)`,
    );
  }
  const noteName = Buffer.from(data.subarray(NOTE_HEADER_SIZE, NOTE_HEADER_SIZE + namesz));
  if (noteName.subarray(0, 4).toString("latin1") !== "GNU\0")
    return invalid(`note name is not "GNU"`, "name");
  const descStart = NOTE_HEADER_SIZE + ((namesz + 3) & ~3);
  if (descsz === 0) return invalid("the build-id is empty");
  if (descStart + descsz > data.length) return invalid("the build-id runs past the section");
  return {
    status: "ok",
    section,
    id: hex(data.subarray(descStart, descStart + descsz)),
    duplicates,
  };
}
