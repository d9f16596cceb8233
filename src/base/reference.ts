/**
 * The hypervisor the base must be, bit for bit: a payload names one build-id in
 * `.livepatch.xen_depends` and loads only into that build. The reference is what the user
 * runs: the `expected-build-id` they give (a hex id, their xen-syms or boot image), or,
 * for Debian's source package, the hypervisor Debian ships from that source.
 */
import { buildInfoDifferences, type XenSyms } from "../livepatch/xen-syms.js";
import { imageBuildInfo, readHypervisorImage } from "../livepatch/hypervisor-image.js";
import type { DebianHypervisorPackage } from "../source/debian.js";
import { ConfigurationError } from "../util/errors.js";

/** How the rebuilt base compares with the hypervisor users run. */
export interface BaseReference {
  /** Where the reference came from. */
  readonly kind: "debian-package" | "expected-build-id";
  /** "Debian's xen-hypervisor-4.17-amd64 4.17.5+72-g01140da4e8-1", or the id/file given. */
  readonly description: string;
  /** The reference's build-id (hex). */
  readonly buildId: string;
  /** The file the build-id was read from, when there is one. */
  readonly file?: string;
  readonly identical: boolean;
}

/** The rebuilt base is not the hypervisor users run: no payload built on it would load there. */
export class BaseMismatchError extends ConfigurationError {
  override name = "BaseMismatchError";
}

/** 40 hex digits (a GNU build-id) or 32 (the CodeView id of a xen.efi). */
const HEX_BUILD_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{32})$/;

/**
 * Compares the rebuilt base with what users run and says how.
 *
 * - `expected` (the `expected-build-id` input), when given, is the reference: a hex
 *   build-id, or a path to a xen-syms, a boot image (`/boot/xen-*.gz`, the multiboot
 *   `xen`) or a `xen.efi` (whose id is the 16-byte CodeView signature Xen reports when
 *   booted by EFI; compared with the base's `xen.efi`, `rebuiltEfi`).
 * - Otherwise `debian`, the package Debian ships from the same source, is the reference.
 *
 * On a mismatch the error names the embedded build values that differ (compiler, date and
 * time, changeset, the distribution's version and maintainer, build host, user, domain),
 * read from the reference file, or from Debian's package when its build-id is the one
 * expected.
 *
 * @returns undefined when there is nothing to compare with.
 * @throws ConfigurationError (`expected-build-id`) for an unreadable file or malformed id;
 *   BaseMismatchError when the build-ids differ.
 */
export async function compareWithReference(opts: {
  rebuilt: XenSyms;
  /** The base's xen.efi build-id, when the build made one. */
  rebuiltEfiBuildId?: string;
  expected?: string;
  debian?: DebianHypervisorPackage;
  /** The input that most likely made the difference (named in the error). */
  blame: string;
}): Promise<BaseReference | undefined> {
  const { rebuilt, expected, debian } = opts;
  const debianImage = debian ? await readHypervisorImage(debian.image) : undefined;
  const debianDescription = debian ? `Debian's ${debian.package} ${debian.version}` : "";

  let reference: BaseReference;
  let explainFrom = undefined as Awaited<ReturnType<typeof readHypervisorImage>> | undefined;
  let ours = rebuilt.buildId;
  if (expected) {
    const given = expected.toLowerCase();
    if (HEX_BUILD_ID.test(given)) {
      reference = {
        kind: "expected-build-id",
        description: given,
        buildId: given,
        identical: false,
      };
      if (debianImage?.buildId === given) explainFrom = debianImage;
      if (given.length === 32) ours = opts.rebuiltEfiBuildId;
    } else {
      const image = await readHypervisorImage(expected).catch((e: Error) => {
        throw new ConfigurationError(
          "expected-build-id",
          `${expected} is neither a build-id (40 or 32 hex digits) nor a readable hypervisor file: ${e.message}`,
        );
      });
      if (!image.buildId)
        throw new ConfigurationError("expected-build-id", `${expected} has no build-id`);
      if (image.format === "efi") ours = opts.rebuiltEfiBuildId;
      reference = {
        kind: "expected-build-id",
        description: expected,
        buildId: image.buildId,
        file: expected,
        identical: false,
      };
      explainFrom = image;
    }
  } else if (debian && debianImage?.buildId) {
    reference = {
      kind: "debian-package",
      description: debianDescription,
      buildId: debianImage.buildId,
      file: debian.image,
      identical: false,
    };
    explainFrom = debianImage;
  } else {
    return undefined;
  }

  if (ours !== undefined && ours === reference.buildId) return { ...reference, identical: true };

  const differences: string[] = [];
  if (explainFrom) {
    const theirs = imageBuildInfo(explainFrom, rebuilt);
    differences.push(...buildInfoDifferences(rebuilt.buildInfo(), theirs.values));
    if (theirs.unknown.length > 0)
      differences.push(
        `${theirs.unknown.map((n) => `${n}()`).join(", ")} unreadable in ${explainFrom.file} (its code is not where the rebuilt one's is: another compiler version or .config)`,
      );
  }
  const what =
    ours === undefined ? "has no such build-id (no xen.efi was built)" : `has build-id ${ours}`;
  throw new BaseMismatchError(
    expected ? "expected-build-id" : opts.blame,
    `the rebuilt base ${what}, ${reference.kind === "debian-package" ? debianDescription : "the deployed hypervisor"} ${reference.buildId}: ` +
      (differences.length > 0
        ? `they differ in ${differences.join("; ")}`
        : explainFrom
          ? "their embedded build values are equal, so the compiler, its flags or the .config differ"
          : "give the deployed hypervisor's image (/boot/xen-*.gz or xen.efi) or xen-syms as expected-build-id to see which build values differ") +
      "; no payload built here would load there",
  );
}
