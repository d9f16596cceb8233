/**
 * Check patchability: the one place that refuses. Every rule of what a livepatch cannot
 * do is a row of OBJECT_CHECKS (per recompiled object) or a step of checkPatchability
 * (the payload as a whole), and the refusals are collected here and reported once, in
 * this order: data layouts, each object's, init changes, what the include pass could not
 * carry; and only when nothing else is wrong, a patch that changes nothing. A changed
 * object that is boot code is refused as a whole before it is compared (bootCodeRefusal,
 * which objects.ts asks as it collects the recompiled objects).
 */
import { ELFCLASS32 } from "../elf/constants.js";
import { ARCH_PATCH_INSN_SIZE, endbrLength } from "../xen/abi.js";
import { ASSEMBLY_FUNCTION_SYMBOLS } from "../xen/changes.js";
import { hasChange } from "../xen/version.js";
import type { DiffOptions, IgnoredChange, InclusionProblem, ObjectDiff } from "./changes.js";
import { referencedUnits } from "./correlate.js";
import type { LayoutChange } from "./layout.js";
import { type Unit, isColdPart } from "./object-model.js";
import { changedConstants, newPerCpuData, readOnlyStores } from "./runtime-data.js";
import { UNREGISTERED_TABLES, isEntryCode, isWritable, stripCloneNumber } from "./sections.js";

/** A patch a livepatch cannot be made of, with every reason. */
export class PatchRefusal extends Error {
  override name = "PatchRefusal";
  constructor(readonly reasons: string[]) {
    super(reasons.join("\n"));
  }
}

/** A rule over one object's diff: the refusals it finds, each naming the function or data. */
interface ObjectCheck {
  name: string;
  refusals: (diff: ObjectDiff) => string[];
}

const where = (diff: ObjectDiff, u: Unit) => `${u.xenName} (${diff.patched.file})`;

export const OBJECT_CHECKS: readonly ObjectCheck[] = [
  {
    // The hypervisor's copy is live: a livepatch neither relays it out nor re-initialises it.
    name: "live data changed",
    refusals: (diff) =>
      diff.liveData.map((d) =>
        d.change === "size"
          ? `${where(diff, d.unit)} changes size from ${d.original.size} to ${d.unit.size} bytes: the hypervisor's live data keeps its old layout, which a livepatch cannot change`
          : `${where(diff, d.unit)} has a new initial value: the hypervisor's copy is live and is not re-initialised by a livepatch (initialise it in a load hook instead)`,
      ),
  },
  {
    // Entry code, and other ways into a routine than its start (ObjectModel.entriesInto).
    name: "entry code or entered elsewhere",
    refusals: (diff) => {
      const { original, patched } = diff;
      // Changed functions' own cold parts, entered only from them, jump back into their
      // bodies: no entry.
      const changedOriginals = new Set<Unit>(diff.changed.map((c) => c.original));
      for (const u of original.units) {
        if (isColdPart(u) && diff.changed.some((c) => `${c.original.name}.cold` === u.name))
          changedOriginals.add(u);
      }
      return diff.changed.flatMap((c) => {
        if (isEntryCode(c.unit.section) || isEntryCode(c.original.section))
          return [entryCodeRefusal(c.original.xenName, patched.file, c.unit.section.name)];
        const entries = original.entriesInto(c.original, changedOriginals);
        return entries.length > 0
          ? [
              `${where(diff, c.unit)} is entered elsewhere than at its start (${entries.join("; ")}): code entering there would keep running the hypervisor's old routine once its start jumps to the new one`,
            ]
          : [];
      });
    },
  },
  {
    name: "unregistered table",
    refusals: (diff) => {
      const { patched } = diff;
      return [...diff.changed.map((c) => c.unit), ...diff.added].flatMap((u) =>
        patched.elf.sections
          .filter(
            (s) =>
              UNREGISTERED_TABLES.has(s.name) &&
              patched.relocations(s).some((r) => {
                const t = patched.target(r);
                return (
                  t.kind === "section" &&
                  t.section.index === u.section.index &&
                  t.probe >= u.start &&
                  t.probe < u.start + u.size
                );
              }),
          )
          .map(
            (s) =>
              `${where(diff, u)} has entries in ${s.name}, which Xen's livepatch loader does not register for a payload's code`,
          ),
      );
    },
  },
  {
    // Xen writes the jump after an ENDBR64 at the start (arch_livepatch_apply()), as
    // assembly entry points and C functions built with CET-IBT have.
    name: "too short for the jump",
    refusals: (diff) =>
      diff.changed.flatMap((c) => {
        const o = c.original;
        const endbr = endbrLength(diff.original.bytes(o.section, o.start, 4));
        return o.symbol.size < ARCH_PATCH_INSN_SIZE + endbr
          ? [
              `${where(diff, c.unit)} is ${o.symbol.size} bytes in the base, shorter than the ${ARCH_PATCH_INSN_SIZE}-byte jump a livepatch writes over it${endbr ? ` after its ENDBR64` : ""}`,
            ]
          : [];
      }),
  },
  {
    // A static that could not be paired would start afresh in the payload, losing the
    // hypervisor's live value: refuse rather than guess which static it is.
    name: "ambiguous static",
    refusals: (diff) =>
      diff.changed.flatMap((c) =>
        [...referencedUnits(diff.patched, c.unit)].flatMap((data) => {
          if (data.kind !== "object" || diff.pairs.has(data) || !isWritable(data.section))
            return [];
          const namesakes = diff.original.units.filter(
            (u) => u.kind === "object" && stripCloneNumber(u.name) === stripCloneNumber(data.name),
          );
          if (namesakes.length === 0) return [];
          return [
            `${where(diff, c.unit)} uses the static ${data.xenName}, named like the hypervisor's ${namesakes.map((u) => u.xenName).join(", ")}: which one it is cannot be told (give the statics distinct names)`,
          ];
        }),
      ),
  },
  {
    // Code outside any function symbol cannot be patched by function.
    name: "code outside any function",
    refusals: (diff) =>
      diff.looseCode.map(({ section: s, at }) => {
        const label = diff.patched.describeOffset(s, at);
        return isEntryCode(s)
          ? entryCodeRefusal(`the code at ${label}`, diff.patched.file, s.name)
          : untypedCodeRefusal(
              `${diff.patched.file}: the code at ${label} in ${s.name}`,
              diff.xenVersion,
            );
      }),
  },
  {
    // .data.ro_after_init and .rodata are writable only while Xen applies or reverts a
    // payload (READ_ONLY_AFTER_BOOT): a patched function's store faults when it first runs.
    name: "store into read-only data",
    refusals: (diff) =>
      readOnlyStores(diff).map(
        (s) =>
          `${where(diff, s.unit)} stores into ${s.variable} (${s.section}) with \`${s.instruction}\` at +0x${s.at.toString(16)}: the hypervisor maps it read-only once it has booted, so the store would fault the first time the function runs; only a load, unload or action hook may write it`,
      ),
  },
  {
    // Xen copies per-CPU data from its own image only: a payload has no per-CPU area.
    name: "new per-CPU data",
    refusals: (diff) =>
      newPerCpuData(diff).map(
        (u) =>
          `${where(diff, u)} is a new per-CPU variable (DEFINE_PER_CPU, ${u.section.name}): Xen has no per-CPU area for a payload, so this_cpu() would add each CPU's offset to an address in the payload's data and every CPU but the first would write elsewhere; keep the state in an existing per-CPU variable, or in an array indexed by CPU`,
      ),
  },
];

/** The refusals of one object's diff, rule by rule. */
export function objectRefusals(diff: ObjectDiff): string[] {
  return OBJECT_CHECKS.flatMap((check) => check.refusals(diff));
}

export interface PatchabilityInput {
  diffs: readonly ObjectDiff[];
  /** Refusals of data layouts (layoutFindings), first in the report. */
  layout?: readonly string[];
  /** Whether init changes are left out (ignore-init-changes) instead of refused. */
  ignoreInitChanges?: boolean;
  /** What the include pass could not carry. */
  problems?: readonly InclusionProblem[];
  /** How many function entries the payload would have. */
  functionEntries: number;
  /** Whether changed read-only data is copied into the payload (copy-changed-constants). */
  copyChangedConstants?: boolean;
}

/** Every reason the patch cannot be a livepatch, in report order; empty when it can. */
export function checkPatchability(input: PatchabilityInput): string[] {
  const { diffs } = input;
  const initChanges = diffs.flatMap((d) => d.initChanges);
  const refusals = [
    ...diffs.flatMap(objectRefusals),
    ...(input.copyChangedConstants ? [] : diffs.flatMap(constantRefusals)),
    ...(input.ignoreInitChanges ? [] : initRefusals(initChanges)),
    ...(input.problems ?? []).map(problemRefusal),
  ];
  if (
    refusals.length === 0 &&
    input.functionEntries === 0 &&
    diffs.every((d) => d.hooks.length === 0)
  )
    refusals.push(nothingToPatch(diffs, input.ignoreInitChanges ? initChanges : []));
  return [...(input.layout ?? []), ...refusals];
}

/** Changed read-only data, named with its readers, and the way on (copy-changed-constants). */
function constantRefusals(diff: ObjectDiff): string[] {
  return changedConstants(diff).map(({ unit, global, readers }) => {
    const list = (names: string[]) => (names.length > 0 ? names.join(", ") : "none");
    const others = [
      ...(readers.data.length > 0 ? [`data holding its address: ${readers.data.join(", ")}`] : []),
      ...(global ? ["it is global: readers in other objects keep the hypervisor's table"] : []),
    ];
    return `the read-only data ${where(diff, unit)} changed; its runtime readers are ${list(readers.runtime)}; init readers ${list(readers.init)}${others.length > 0 ? `; ${others.join("; ")}` : ""}: the hypervisor's table keeps its contents, and only a copy in the payload could change, leaving every other pointer to the old one; to give the payload its own copy and patch every runtime reader (listed in the report), set copy-changed-constants (--copy-changed-constants true)`;
  });
}

function initRefusals(changes: readonly IgnoredChange[]): string[] {
  if (changes.length === 0) return [];
  return [
    ...changes.map((c) => `${c.name} (${c.object}) is ${c.why}; a livepatch cannot change it`),
    `to build the runtime part of the patch and leave the init changes out (listed in the report), set ignore-init-changes (--ignore-init-changes); or drop the init changes from the patch`,
  ];
}

function problemRefusal(p: InclusionProblem): string {
  switch (p.kind) {
    case "copy":
      return `${p.unit.xenName} (${p.object}) cannot run from a payload as it is: it has ${p.issue}`;
    case "relocation":
      return `${p.object}: relocation type ${p.type} at +${p.offset} is not one Xen's loader applies`;
    case "loose code":
      return `${p.object}: a changed function reaches ${p.where} in ${p.section}, code outside any function symbol, which a payload can neither name nor copy`;
    case "anonymous data":
      return `${p.object}: a changed function uses anonymous writable data in ${p.section}, which cannot be shared with the hypervisor's copy by name`;
  }
}

function nothingToPatch(diffs: readonly ObjectDiff[], ignored: readonly IgnoredChange[]): string {
  if (ignored.length > 0)
    return `the patch changes only init code (${ignored.map((c) => c.name).join(", ")}): with the init changes ignored nothing is left to patch`;
  const recompiled = diffs.map((d) => d.patched.file).join(", ") || "none";
  return `the patch changes no function of the hypervisor's code (only comments, moved lines, unused code, or code the compiler produced identically); objects that differ: ${recompiled}`;
}

/**
 * Data layouts the changed units see differently (layout.ts): refusals, or with
 * allow-layout-changes warnings for the payload's notes. `users` names the changed
 * functions of each object, for the message.
 */
export function layoutFindings(
  layouts: readonly LayoutChange[],
  diffs: readonly ObjectDiff[],
  allowLayoutChanges: boolean,
): { refusals: string[]; warnings: string[] } {
  const lines = layouts.map((l) => {
    const users = diffs
      .filter((d) => l.objects.includes(d.patched.file))
      .flatMap((d) => d.changed.map((c) => c.original.xenName));
    return `${l.type} changes its layout (${l.what}) in ${l.objects.join(", ")}; the payload's code using it${users.length > 0 ? ` (${users.join(", ")})` : ""} would read and write the hypervisor's live instances with the new layout`;
  });
  if (allowLayoutChanges)
    return { refusals: [], warnings: lines.map((l) => `warning (allow-layout-changes): ${l}`) };
  return {
    refusals:
      lines.length > 0
        ? [
            ...lines,
            "keep live structures' layout (add new state elsewhere, e.g. a new variable set up in a load hook); if the patch handles the live instances, set allow-layout-changes (--allow-layout-changes true) to build it with a warning",
          ]
        : [],
    warnings: [],
  };
}

/**
 * Whether a changed object is boot code, and why: x86 boot code is built as 32-bit
 * objects, and from Xen 4.20 `arch/x86/boot/` also holds 64-bit ones (built-in-32.o made
 * by tools/combine_two_binaries.py, reloc-trampoline.o; aa9045e771, db8acf31f9), so the
 * directory is boot code too. `path` is the object's path in the tree (`xen/...`).
 */
export function bootCode(path: string, bytes: Uint8Array): string | undefined {
  if (bytes[4] === ELFCLASS32) return "a 32-bit object";
  if (/(^|\/)xen\/arch\/x86\/boot\//.test(path)) return "an object of xen/arch/x86/boot";
  return undefined;
}

/**
 * The refusal of a changed object that is boot code (bootCode), or undefined. A whole
 * object is refused before it is compared: nothing of it can be patched.
 */
export function bootCodeRefusal(path: string, bytes: Uint8Array): string | undefined {
  const boot = bootCode(path, bytes);
  return boot
    ? `${path} changed, but it is ${boot} (boot code, which runs before the hypervisor a livepatch changes): boot code cannot be livepatched`
    : undefined;
}

/** Why a change to entry code is refused, naming the routine or place. */
export function entryCodeRefusal(what: string, object: string, section: string): string {
  return `${what} (${object}) is in ${section}, entry code that runs under XPTI before Xen switches to its full page tables; only .text.entry is mapped there (setup_cpu_root_pgt()), not a payload's text, so it cannot be livepatched`;
}

/**
 * Why changed code outside any function symbol is refused. Before Xen 4.19 assembly has
 * no FUNC()/END() annotations, so the refusal says from which version it can be patched.
 */
export function untypedCodeRefusal(where: string, version: DiffOptions["xenVersion"]): string {
  if (version && !hasChange(version, ASSEMBLY_FUNCTION_SYMBOLS)) {
    return `${where} changed, and is assembly without function types or sizes: Xen ${version.text} writes its assembly routines as untyped labels (ENTRY()/GLOBAL(), size 0), which cannot be patched routine by routine; assembly routines can be patched from Xen 4.19 on, where FUNC()/END() give them a type and a size`;
  }
  return `${where} changed, and holds code outside any function symbol (assembly without FUNC()/END(), or .type @function and .size): it cannot be patched function by function`;
}
