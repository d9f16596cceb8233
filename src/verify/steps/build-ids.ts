/**
 * The build-id notes prepare_payload() parses (`.note.gnu.build-id`, `.livepatch.depends`,
 * `.livepatch.xen_depends`), then xen_build_id_dep() against the hypervisor and
 * build_id_dep() against the payload below at apply (xen/common/livepatch.c), with the
 * console lines and the errno of a note of the wrong type or name this version's model has
 * (src/xen/changes.ts).
 */
import { type BuildIdNote } from "../../livepatch/notes.js";
import { ERRNO } from "../../livepatch/errno.js";
import { SECTION } from "../../xen/abi.js";
import { type StepContext, type VerifierStep, at } from "./context.js";

export const BUILD_IDS: VerifierStep = {
  name: "build-ids",
  basis: "prepare_payload() notes, xen_build_id_dep(), build_id_dep() (livepatch.c)",
  // Both depend on the section and the version (loader-order.ts stepOf).
  rules: {
    "note-invalid": "build-id",
    "xen-depends-mismatch": "xen-build-id-late",
    "depends-mismatch": "apply",
    "build-id-duplicate": "build-id",
  },
  run(ctx) {
    const { buildId, depends, xenDepends } = ctx.payload;
    for (const note of [buildId, depends, xenDepends]) invalidNote(ctx, note);
    xenDependsMatch(ctx);
    dependsMatch(ctx);
    uniqueBuildId(ctx);
  },
};

function invalidNote(ctx: StepContext, note: BuildIdNote): void {
  if (note.status !== "invalid") return;
  const lines = ctx.version.xenDepends.lines;
  const name = note.section.name;
  const typeOrName = note.fault !== "size";
  let says: string;
  if (name === SECTION.xenDepends)
    says = ctx.refusal(
      "EINVAL",
      lines.badNote(ERRNO[typeOrName ? "ENODATA" : "EINVAL"]!) || undefined,
    );
  else says = ctx.refusal(typeOrName ? ctx.version.noteTypeErrno : "EINVAL");
  ctx.add("note-invalid", `${name}: ${note.problem}: ${says}`, at(note.section));
}

// xen_build_id_dep(), or check_xen_buildid() where the model has it early.
function xenDependsMatch(ctx: StepContext): void {
  const xenDepends = ctx.payload.xenDepends;
  const xen = ctx.target.xen;
  if (xenDepends.status !== "ok") return;
  if (!xen) ctx.skip(".livepatch.xen_depends");
  else if (xen.buildId && xenDepends.id !== xen.buildId) {
    const line = ctx.version.xenDepends.lines.mismatch;
    ctx.add(
      "xen-depends-mismatch",
      `.livepatch.xen_depends is ${xenDepends.id} but ${xen.file} has build-id ${xen.buildId}: ${ctx.refusal("EINVAL", line)}`,
      at(xenDepends.section),
    );
  }
}

// build_id_dep(): the payload below, or the hypervisor for the first of a stack.
function dependsMatch(ctx: StepContext): void {
  const depends = ctx.payload.depends;
  const xen = ctx.target.xen;
  const previous = ctx.target.stack.at(-1);
  if (depends.status !== "ok") return;
  if (previous) {
    const prevId = previous.buildId;
    if (prevId.status === "ok" && depends.id !== prevId.id) {
      ctx.add(
        "depends-mismatch",
        `.livepatch.depends is ${depends.id} but the previous payload ${previous.file} has build-id ${prevId.id}`,
        at(depends.section),
      );
    }
  } else if (!xen) {
    ctx.skip(".livepatch.depends");
  } else if (xen.buildId && depends.id !== xen.buildId) {
    ctx.add(
      "depends-mismatch",
      `.livepatch.depends is ${depends.id} but the base ${xen.file} has build-id ${xen.buildId} (apply needs --nodeps)`,
      at(depends.section),
    );
  }
}

// prepare_payload(): a build-id already loaded is refused (EEXIST, "Already loaded as").
function uniqueBuildId(ctx: StepContext): void {
  const buildId = ctx.payload.buildId;
  if (buildId.status !== "ok") return;
  for (const earlier of ctx.target.stack) {
    const other = earlier.buildId;
    if (other.status === "ok" && other.id === buildId.id) {
      ctx.add(
        "build-id-duplicate",
        `build-id ${buildId.id} is also the build-id of ${earlier.file}; the hypervisor refuses to load it twice`,
        at(buildId.section),
      );
    }
  }
}
