// Agreement with the hypervisor: every defect of test/helpers/defects/ (the ones
// rules.test.ts proves the verifier's rules on) is loaded into the real Xen 4.17.5 with the
// real static xen-livepatch, in one boot, one framed step per defect. What the hypervisor
// does with it (refuses the upload, refuses the apply, or loads and applies it) must be what
// the rule's `loader` field predicts. The clean in-tree payloads are loaded too, as the
// control: each must be accepted. The table and the figure "N of M rules agree" are printed
// and written to agreement.json in the test's temporary directory.
//
// A defect whose rule says the hypervisor crashes (at upload, or once applied and the
// patched code runs) is left out of that boot: it gets a boot of its own, where it is
// uploaded, applied and the patched code run (the version values Xen returns to dom0), and
// the crash is the evidence.
import { mkdtempSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { fetchGuestAssets } from "../../src/boot/guest-assets.js";
import { guestInitramfs, shQuote } from "../../src/boot/init-script.js";
import { buildInitramfs, type InitramfsEntry } from "../../src/boot/initramfs.js";
import { bootXen, type BootResult, detectCrash, type StepResult } from "../../src/boot/qemu.js";
import { buildGuestTool } from "../../src/base/guest-tool.js";
import type { XenBaseWithTests as XenBase } from "./xen-base.js";
import { ElfFormatError, parseElf } from "../../src/elf/reader.js";
import { Payload } from "../../src/livepatch/payload.js";
import { XenSyms } from "../../src/livepatch/xen-syms.js";
import { type LoaderVerdict, RULE_BY_ID, type RuleId, RULES } from "../../src/verify/rules.js";
import { malformedFindings, verifyPayload } from "../../src/verify/verifier.js";
import {
  BYE,
  type Defect,
  DEFECTS,
  defectBytes,
  EXPECTATIONS,
  HELLO,
  NOFUNC,
  NOP,
  PREPOST,
  REPLACE,
} from "../helpers/defects/index.js";
import { LIVEPATCH_FUNC } from "../../src/xen/abi.js";
import { setRelaField, writeSectionBytes } from "../helpers/elf-mutate.js";
import { getXenBase, integrationCacheDir } from "./xen-base.js";

/**
 * The clean in-tree payloads loaded as the control, with what they are applied on. Left
 * out: xen_nop (it crashes this Xen after apply: a nop-insn-boundary defect, with a
 * repaired copy among the controls), the two built to fail (they are defects above), and three whose hooks refuse or break apply or revert on purpose
 * (xen_prepost_hooks_fail, xen_action_hooks_noapply, xen_action_hooks_norevert): a hook's
 * run-time answer is not something a static verifier predicts.
 */
const CONTROLS: ReadonlyArray<{
  payload: string;
  stack: readonly string[];
  name?: string;
  /** A repaired copy of the payload rather than the payload as built. */
  repair?: { readonly title: string; readonly mutate: (bytes: Uint8Array) => Uint8Array };
  /** Run the version values Xen returns through the patched code while it is applied. */
  exercise?: true;
}> = [
  { payload: HELLO, stack: [] },
  // get_name() counts the terminating NUL: an empty name is one Xen accepts.
  { payload: HELLO, stack: [], name: "" },
  { payload: BYE, stack: [HELLO] },
  { payload: REPLACE, stack: [] },
  { payload: EXPECTATIONS, stack: [] },
  { payload: PREPOST, stack: [] },
  { payload: "xen_action_hooks", stack: [] },
  { payload: NOFUNC, stack: [] },
  { payload: "xen_action_hooks_marker", stack: [] },
  // xen_nop with its NOPs ending where xen_minor_version's return-thunk jump starts: the
  // same entry as the crashing one but for where the run ends.
  {
    payload: NOP,
    stack: [],
    name: "xen_nop_fixed",
    repair: {
      title: "NOPs ending on an instruction boundary",
      mutate: (b) => writeSectionBytes(b, ".livepatch.funcs", LIVEPATCH_FUNC.newSize, [5, 0, 0, 0]),
    },
    exercise: true,
  },
  // hello_world with its old_addr relocation made R_X86_64_NONE: old_addr stays 0 and Xen
  // finds xen_extra_version by the entry's name, as the loader model predicts.
  {
    payload: HELLO,
    stack: [],
    name: "xen_hello_world_by_name",
    repair: {
      title: "old_addr relocation R_X86_64_NONE",
      mutate: (b) => {
        const elf = parseElf(b, "(lookup)");
        const rela = elf.sections.find((s) => s.name === ".rela.livepatch.funcs")!;
        const i = elf
          .relocations(rela)
          .findIndex((r) => r.offset === BigInt(LIVEPATCH_FUNC.oldAddr));
        return setRelaField(b, ".rela.livepatch.funcs", i, "type", 0);
      },
    },
    exercise: true,
  },
];

/** The defects the boot loads (the others say why they cannot be loaded). */
const LOADED = DEFECTS.filter((d) => !(d.load && "skip" in d.load));

/** What the hypervisor did; "uploaded" when it took the upload and apply was not tried. */
type Observed = LoaderVerdict | "uploaded" | "stack-failed" | "not-run";

const ORDER: readonly LoaderVerdict[] = ["refuses-upload", "refuses-apply", "crashes", "accepts"];
/** The loader stops at the first refusal: the earliest verdict of the rules a defect trips. */
const earliest = (verdicts: readonly LoaderVerdict[]): LoaderVerdict =>
  ORDER.find((v) => verdicts.includes(v)) ?? "accepts";

interface BootCase {
  /** Names the step, its script and its payload file in the guest. */
  readonly id: string;
  readonly kind: "defect" | "control";
  readonly defect?: Defect;
  readonly payload: string;
  /** The name it is uploaded under. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** In-tree payloads uploaded and applied first, oldest first. */
  readonly stack: readonly string[];
  readonly apply: boolean;
  /** Run the patched code (EXERCISE) while it is applied. */
  readonly exercise?: boolean;
  /** What the rules it trips predict (a control: what the verifier predicts for it). */
  readonly predicted: LoaderVerdict;
  /** What the verifier predicts for the whole payload in the boot's context. */
  readonly verifier: LoaderVerdict;
}

interface CaseOutcome {
  readonly observed: Observed;
  /** Status of each xen-livepatch command, by label (the last one of a label). */
  readonly rc: Readonly<Record<string, number>>;
  /** Nothing was left loaded after the case. */
  readonly clean: boolean;
  /** Xen's "livepatch: ..." console lines of the step. */
  readonly xen: readonly string[];
  /** What the guest printed (xen-livepatch's own messages). */
  readonly output: string;
  readonly durationMs?: number;
}

const GUEST_DIR = "agree";
const payloadPath = (c: BootCase) => `/${GUEST_DIR}/payloads/${c.id}.livepatch`;
const inTreePath = (name: string) => `/${GUEST_DIR}/in-tree/${name}.livepatch`;
const baseName = (i: number, name: string) => `base${i}-${name}`;

// Sourced by every step. `xl LABEL ARGS...` runs xen-livepatch and prints how it ended.
const LIB = `# Sourced by each agreement step.
xl() {
  xl_label=$1
  shift
  xen-livepatch "$@"
  xl_rc=$?
  echo "xlci-agree $xl_label rc=$xl_rc"
  return $xl_rc
}
# xen_prepost_hooks's pre-revert hook refuses the first attempt on purpose: try twice.
xl_revert() { xl "$1" revert "$2" || xl "$1" revert "$2"; }
xl_clean() {
  if xen-livepatch list | grep -q "Nothing to list"; then
    echo "xlci-agree clean rc=0"
  else
    xen-livepatch list
    echo "xlci-agree clean rc=1"
  fi
}
`;

/** The step of one case: its stack, the upload (and apply), then everything unloaded again. */
function caseScript(c: BootCase): string {
  const q = shQuote;
  const lines = [`. /${GUEST_DIR}/lib.sh`, "ok=1"];
  c.stack.forEach((name, i) => {
    const base = q(baseName(i, name));
    lines.push(
      `[ $ok = 1 ] && xl stack-upload upload ${base} ${q(inTreePath(name))} && xl stack-apply apply ${base} || ok=0`,
    );
  });
  lines.push(`if [ $ok = 1 ] && xl upload upload ${q(c.name)} ${q(payloadPath(c))}; then`);
  if (c.apply && c.exercise)
    lines.push(`  xl apply apply ${q(c.name)} && ${EXERCISE} && xl_revert revert ${q(c.name)}`);
  else if (c.apply) lines.push(`  xl apply apply ${q(c.name)} && xl_revert revert ${q(c.name)}`);
  lines.push(`  xl unload unload ${q(c.name)}`, "fi");
  c.stack
    .map((name, i) => baseName(i, name))
    .reverse()
    .forEach((base) =>
      lines.push(`xl_revert stack-revert ${q(base)}; xl stack-unload unload ${q(base)}`),
    );
  lines.push("xl_clean", "");
  return lines.join("\n");
}

const AGREE_LINE = /xlci-agree (\S+) rc=(\d+)/;

function outcomeOf(c: BootCase, step: StepResult | undefined): CaseOutcome {
  if (!step || step.rc === null)
    return { observed: "not-run", rc: {}, clean: false, xen: [], output: step?.output ?? "" };
  const rc: Record<string, number> = {};
  const stackRcs: number[] = [];
  for (const line of step.output.split("\n")) {
    const m = AGREE_LINE.exec(line);
    if (!m) continue;
    rc[m[1]!] = Number(m[2]);
    if (m[1] === "stack-upload" || m[1] === "stack-apply") stackRcs.push(Number(m[2]));
  }
  // Xen's lines may start in the middle of a guest line ("Uploading ... (XEN) livepatch: ...").
  const xen = `${step.output}\n${step.xenOutput}`.split("\n").flatMap((l) => {
    const at = l.indexOf("(XEN) ");
    const text = at < 0 ? "" : l.slice(at + "(XEN) ".length).trim();
    return text.startsWith("livepatch: ") ? [text] : [];
  });
  let observed: Observed;
  if (stackRcs.some((r) => r !== 0) || stackRcs.length < 2 * c.stack.length)
    observed = "stack-failed";
  else if (rc.upload === undefined) observed = "not-run";
  else if (rc.upload !== 0) observed = "refuses-upload";
  else if (rc.apply === undefined) observed = c.apply ? "not-run" : "uploaded";
  else if (rc.apply !== 0) observed = "refuses-apply";
  else observed = "accepts";
  return {
    observed,
    rc,
    clean: rc.clean === 0,
    xen,
    output: step.output,
    durationMs: step.durationMs,
  };
}

/**
 * Why the case went the way it did: the first line Xen printed about the payload that is
 * not routine, or else (some refusals print nothing) the tool's own error.
 */
function why(c: BootCase, o: CaseOutcome): string | undefined {
  const routine =
    /: (Applying \d+ functions|Verifying enabled expectations|Reverting|Calling .* hook function)|module metadata:|^livepatch: {3}/;
  const xen = o.xen.find(
    (l) =>
      (l.startsWith(`livepatch: ${c.name}:`) || l.startsWith(`livepatch: ${c.name} `)) &&
      !routine.test(l),
  );
  if (xen) return xen;
  const tool = /(Error \d+: [^\n(]+|ID must be no more than \d+ characters\.)/.exec(o.output)?.[1];
  return tool && o.observed !== "accepts" ? `xen-livepatch: ${tool.trim()}` : undefined;
}

/**
 * The verifier's prediction for a whole file in a stack: the earliest verdict of all its
 * findings (a file that is not ELF at all is one elf-malformed finding).
 */
function verifierPrediction(
  xen: XenSyms,
  bytes: Uint8Array,
  name: string,
  stack: readonly Payload[],
): LoaderVerdict {
  const file = `${name}.livepatch`;
  let findings;
  try {
    findings = verifyPayload(new Payload(parseElf(bytes, file)), { xen, stack });
  } catch (e) {
    if (!(e instanceof ElfFormatError)) throw e;
    findings = malformedFindings(file, e);
  }
  return earliest(findings.map((f) => RULE_BY_ID.get(f.ruleId)!.loader));
}

// --- the boot ----------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), "xlci-agreement-"));
let base: XenBase;
let xen: XenSyms;
let cases: BootCase[];
let untested: Array<{ rule: RuleId; title: string; reason: string }>;
let boot: BootResult;
const outcomes = new Map<string, CaseOutcome>();
/** The boots of their own of the defects predicted to crash Xen, and what each showed. */
const crashBoots = new Map<string, BootResult>();
const crashOutcomes = new Map<string, CaseOutcome>();

/** The cases of the shared boot: all but the ones predicted to crash Xen. */
const sharedCases = () => cases.filter((c) => c.predicted !== "crashes");

/** What Xen did with a case: in its own boot for one predicted to crash, else in the shared boot. */
const outcomeFor = (c: BootCase): CaseOutcome => crashOutcomes.get(c.id) ?? outcomes.get(c.id)!;

/**
 * Runs the version values Xen hands dom0 through the patched code: xen_major_version,
 * xen_minor_version and xen_extra_version, which the NOP defects patch.
 */
const EXERCISE =
  "cat /sys/hypervisor/version/major /sys/hypervisor/version/minor /sys/hypervisor/version/extra";

/**
 * One defect predicted to crash Xen, in a boot of its own: uploaded, applied, and the
 * patched code run. "crashes" when Xen took the upload and the boot then ended in a panic,
 * a dom0 crash or a hang instead of powering off.
 */
async function crashBoot(
  c: BootCase,
  ctx: {
    base: XenBase;
    kernel: string;
    busybox: string;
    modules: readonly string[];
    tool: string;
    original: (name: string) => Uint8Array;
  },
): Promise<{ result: BootResult; outcome: CaseOutcome }> {
  const q = shQuote;
  const script = [
    `. /${GUEST_DIR}/lib.sh`,
    `xl upload upload ${q(c.name)} ${q(payloadPath(c))} && xl apply apply ${q(c.name)} && {`,
    `  ${EXERCISE}`,
    "  sleep 2",
    `  ${EXERCISE}`,
    `  xl_revert revert ${q(c.name)}`,
    `  xl unload unload ${q(c.name)}`,
    // What a revert left behind runs too (func-duplicate: a jump into freed memory).
    `  ${EXERCISE}`,
    "}",
    "",
  ].join("\n");
  const steps = [`sh /${GUEST_DIR}/crash.sh`];
  const initrd = join(work, `${c.id}.cpio.gz`);
  await buildInitramfs(
    guestInitramfs({
      busybox: ctx.busybox,
      modules: [...ctx.modules],
      steps,
      extra: [
        { type: "file", path: "usr/sbin/xen-livepatch", mode: 0o755, source: ctx.tool },
        { type: "file", path: `${GUEST_DIR}/lib.sh`, data: LIB },
        { type: "file", path: `${GUEST_DIR}/crash.sh`, data: script },
        { type: "file", path: payloadPath(c).slice(1), data: c.bytes },
      ],
    }),
    initrd,
  );
  const result = await bootXen({
    xenImage: ctx.base.xenImage,
    kernel: ctx.kernel,
    initrd,
    steps,
    consoleLog: join(work, `${c.id}.log`),
    cpus: 1,
    timeouts: { step: 60_000 },
  });
  const step = result.steps[0];
  const output = step?.output ?? "";
  const rc: Record<string, number> = {};
  for (const line of output.split("\n")) {
    const m = AGREE_LINE.exec(line);
    if (m) rc[m[1]!] = Number(m[2]);
  }
  let observed: Observed;
  // A crash during the upload itself (old_addr read at upload) prints no status at all.
  if (rc.upload === undefined)
    observed = step && result.end.kind !== "poweroff" ? "crashes" : "not-run";
  else if (rc.upload !== 0) observed = "refuses-upload";
  else if (rc.apply !== undefined && rc.apply !== 0) observed = "refuses-apply";
  else if (result.end.kind === "poweroff") observed = "accepts";
  else observed = "crashes";
  const xenLines = result.console.flatMap((l) => {
    const at = l.indexOf("(XEN) ");
    return at < 0 ? [] : [l.slice(at + "(XEN) ".length).trim()];
  });
  return {
    result,
    outcome: {
      observed,
      rc,
      clean: true,
      xen: xenLines.filter((l) => l.startsWith("livepatch: ")),
      output,
      durationMs: result.durations.totalMs,
    },
  };
}

beforeAll(async () => {
  base = await getXenBase();
  const [assets, tool] = await Promise.all([
    fetchGuestAssets({
      cacheDir: integrationCacheDir(),
      logFile: join(work, "guest-assets.log"),
    }),
    buildGuestTool({ base, cacheDir: integrationCacheDir() }),
  ]);
  xen = await XenSyms.load(base.xenSyms);
  const inTree = new Map<string, Uint8Array>();
  for (const path of base.testPayloads)
    inTree.set(basename(path, ".livepatch"), new Uint8Array(await readFile(path)));
  const original = (name: string) => {
    const bytes = inTree.get(name);
    if (!bytes) throw new Error(`no in-tree payload ${name}`);
    return bytes;
  };
  const stackOf = (names: readonly string[]) =>
    names.map((n) => new Payload(parseElf(original(n), `${n}.livepatch`)));

  cases = [];
  untested = [];
  DEFECTS.forEach((d, i) => {
    if (d.load && "skip" in d.load) {
      untested.push({ rule: d.rule, title: d.title, reason: d.load.skip });
      return;
    }
    const id = `d${String(i + 1).padStart(2, "0")}-${d.rule}`;
    const rules = [d.rule, ...(d.also ?? [])];
    const name = d.fileName ?? id;
    const bytes = defectBytes(d, original, xen);
    const stack = d.load?.stack ?? d.stack ?? [];
    const predicted = earliest(rules.map((r) => RULE_BY_ID.get(r)!.loader));
    cases.push({
      id,
      kind: "defect",
      defect: d,
      payload: d.payload,
      name,
      bytes,
      stack,
      apply: true,
      predicted,
      verifier: verifierPrediction(xen, bytes, name, stackOf(stack)),
    });
  });
  for (const c of CONTROLS) {
    const name = c.name ?? c.payload;
    const bytes = c.repair ? c.repair.mutate(original(c.payload)) : original(c.payload);
    const prediction = verifierPrediction(xen, bytes, name, stackOf(c.stack));
    cases.push({
      id: `control-${c.payload}${c.name === undefined ? "" : `-as-${c.name || "empty-name"}`}`,
      kind: "control",
      payload: c.payload,
      name,
      bytes,
      stack: c.stack,
      apply: true,
      ...(c.exercise ? { exercise: true } : {}),
      predicted: prediction,
      verifier: prediction,
    });
  }

  // A defect predicted to crash Xen (at upload or once applied) only runs in its own boot.
  const shared = sharedCases();
  const stackPayloads = [...new Set(shared.flatMap((c) => c.stack))];
  const extra: InitramfsEntry[] = [
    { type: "file", path: "usr/sbin/xen-livepatch", mode: 0o755, source: tool.path },
    { type: "file", path: `${GUEST_DIR}/lib.sh`, data: LIB },
    ...stackPayloads.map((name): InitramfsEntry => ({
      type: "file",
      path: inTreePath(name).slice(1),
      data: original(name),
    })),
    ...shared.flatMap((c): InitramfsEntry[] => [
      { type: "file", path: payloadPath(c).slice(1), data: c.bytes },
      { type: "file", path: `${GUEST_DIR}/cases/${c.id}.sh`, data: caseScript(c) },
    ]),
  ];
  const steps = shared.map((c) => `sh /${GUEST_DIR}/cases/${c.id}.sh`);
  const initrd = join(work, "agreement.cpio.gz");
  await buildInitramfs(
    guestInitramfs({ busybox: assets.busybox, modules: assets.modules, steps, extra }),
    initrd,
  );
  boot = await bootXen({
    xenImage: base.xenImage,
    kernel: assets.kernel,
    initrd,
    steps,
    consoleLog: join(work, "agreement.log"),
    // One vCPU: the verdicts do not depend on it, and under TCG on a busy 2-core host the
    // livepatch rendezvous across two vCPUs made this boot take 23 to 120 s, one vCPU 20-24 s.
    cpus: 1,
  });
  shared.forEach((c, i) => outcomes.set(c.id, outcomeOf(c, boot.steps[i])));
  for (const c of cases.filter((c) => c.predicted === "crashes")) {
    const { result, outcome } = await crashBoot(c, {
      base,
      kernel: assets.kernel,
      busybox: assets.busybox,
      modules: assets.modules,
      tool: tool.path,
      original,
    });
    crashBoots.set(c.id, result);
    crashOutcomes.set(c.id, outcome);
  }
  report();
}, 600_000);

// --- the report ---------------------------------------------------------------------------

interface RuleAgreement {
  rule: RuleId;
  loader: LoaderVerdict;
  /** What Xen did with each of the rule's defects, and with which other rules each trips too. */
  observed: Array<{ xen: Observed; also?: readonly RuleId[] }>;
  agree: boolean;
}

function ruleAgreements(): RuleAgreement[] {
  return RULES.flatMap((r): RuleAgreement[] => {
    const mine = cases.filter((c) => c.defect?.rule === r.id);
    if (mine.length === 0) return [];
    const observed = mine.map((c) => ({
      xen: outcomeFor(c).observed,
      ...(c.defect!.also ? { also: c.defect!.also } : {}),
    }));
    return [
      {
        rule: r.id,
        loader: r.loader,
        observed,
        agree: mine.every((c, i) => observed[i]!.xen === c.predicted),
      },
    ];
  });
}

function report(): void {
  const agreements = ruleAgreements();
  const agreeing = agreements.filter((a) => a.agree).length;
  const defects = cases.filter((c) => c.kind === "defect");
  const controls = cases.filter((c) => c.kind === "control");
  const agreeingDefects = defects.filter((c) => outcomeFor(c).observed === c.predicted);
  const acceptedControls = controls.filter((c) => outcomeFor(c).observed === "accepts");
  const figure =
    `${agreeing} of ${agreements.length} rules agree with Xen 4.17.5 ` +
    `(${agreeingDefects.length} of ${defects.length} defects; ` +
    `${acceptedControls.length} of ${controls.length} clean payloads accepted)`;
  const row = (cells: string[], widths: number[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  const widths = [8, 48, 14, 14];
  const lines = [
    `Agreement with the hypervisor (${boot.accel}, ${(boot.durations.totalMs / 1000).toFixed(1)} s boot, ${sharedCases().length} cases in one boot, ${crashBoots.size} in boots of their own)`,
    row(["", "case", "predicted", "xen"], widths) + "  why (Xen's console, else the tool)",
  ];
  for (const c of cases) {
    const o = outcomeFor(c);
    const crash = crashBoots.get(c.id);
    const mark = o.observed === c.predicted ? (o.clean ? "ok" : "ok/dirty") : "DIFFERS";
    const label =
      c.kind === "control"
        ? `control ${c.payload}${c.name === c.payload ? "" : ` as ${JSON.stringify(c.name)}`}`
        : `${c.defect!.rule}: ${c.defect!.title}`;
    lines.push(
      row([mark, label.slice(0, 48), c.predicted, o.observed], widths) +
        `  ${crash ? `own boot: ${crash.end.kind === "poweroff" ? "powered off" : crashLine(crash)}` : (why(c, o) ?? "")}`,
    );
  }
  lines.push("", "Per rule:");
  for (const a of agreements)
    lines.push(
      `  ${a.agree ? "agrees " : "DIFFERS"}  ${a.rule.padEnd(24)} ${a.loader.padEnd(15)} xen: ${a.observed
        .map((o) => (o.also ? `${o.xen} (with ${o.also.join(", ")})` : o.xen))
        .join(", ")}`,
    );
  lines.push("", "Not loaded in the boot:");
  for (const u of untested) lines.push(`  ${u.rule}: ${u.title}: ${u.reason}`);
  const neverTested = RULES.filter((r) => !agreements.some((a) => a.rule === r.id)).map(
    (r) => r.id,
  );
  lines.push(`Rules without a loaded defect: ${neverTested.join(", ") || "none"}`);
  lines.push("", figure);
  const json = join(work, "agreement.json");
  writeFileSync(
    json,
    `${JSON.stringify(
      {
        figure: {
          agree: agreeing,
          tested: agreements.length,
          defectsAgree: agreeingDefects.length,
          defects: defects.length,
          controlsAccepted: acceptedControls.length,
          controls: controls.length,
          text: figure,
        },
        boot: {
          accel: boot.accel,
          ...boot.durations,
          kvmFallback: boot.kvmFallback,
          end: boot.end.kind,
          steps: boot.steps.length,
          consoleLog: boot.consoleLog,
        },
        rules: agreements,
        cases: cases.map((c) => {
          const o = outcomeFor(c);
          return {
            id: c.id,
            kind: c.kind,
            rule: c.defect?.rule,
            title: c.defect?.title,
            payload: c.payload,
            name: c.name,
            stack: c.stack,
            verifier: c.verifier,
            predicted: c.predicted,
            observed: o.observed,
            clean: o.clean,
            durationMs: o.durationMs,
            rc: o.rc,
            xen: o.xen,
          };
        }),
        untested,
        rulesWithoutLoadedDefect: neverTested,
      },
      null,
      2,
    )}\n`,
  );
  lines.push(`(written to ${json}; console: ${boot.consoleLog})`);
  console.log(lines.join("\n"));
}

/** How a boot ended, with the first console line that announces a crash. */
function crashLine(b: BootResult): string {
  const line = b.console.find((l) => detectCrash(l));
  return line ? `${b.end.kind}: ${line.trim()}` : b.end.kind;
}

// --- the assertions -----------------------------------------------------------------------

const SAYS: Record<LoaderVerdict, string> = {
  "refuses-upload": "refuses the upload",
  "refuses-apply": "takes the upload, refuses the apply",
  accepts: "loads and applies it",
  crashes: "loads and applies it, then crashes",
};

describe("the verifier's loader predictions against the real hypervisor", () => {
  it("runs every case in one boot that powers off", () => {
    expect(boot.end, boot.end.kind === "poweroff" ? "" : boot.end.message).toEqual({
      kind: "poweroff",
    });
    expect(boot.setup?.rc).toBe(0);
    expect(boot.steps).toHaveLength(sharedCases().length);
  });

  it("crashes in a boot of its own with each defect predicted to crash it", () => {
    const crashing = cases.filter((c) => c.predicted === "crashes");
    expect(crashing.length).toBeGreaterThan(0);
    expect(crashing.map((c) => [c.id, crashBoots.get(c.id)?.end.kind])).toEqual(
      crashing.map((c) => [c.id, "hypervisor-panic"]),
    );
  });

  it("leaves nothing loaded after each case, so cases do not affect each other", () => {
    const dirty = sharedCases()
      .filter((c) => !outcomes.get(c.id)!.clean)
      .map((c) => c.id);
    expect(dirty).toEqual([]);
  });

  it("loads each defect in a context that is clean but for that defect", () => {
    // The verifier's prediction for the whole payload in the boot's stack is the one of the
    // rules the defect trips: nothing else in the payload or its stack decides the verdict.
    const defects = cases.filter((c) => c.kind === "defect");
    expect(defects.map((c) => [c.id, c.verifier])).toEqual(defects.map((c) => [c.id, c.predicted]));
  });

  it("accepts every clean in-tree payload, as the verifier predicts", () => {
    const controls = cases.filter((c) => c.kind === "control");
    expect(controls.map((c) => [c.payload, c.predicted])).toEqual(
      controls.map((c) => [c.payload, "accepts"]),
    );
    expect(controls.map((c) => [c.payload, outcomeFor(c).observed])).toEqual(
      controls.map((c) => [c.payload, "accepts"]),
    );
  });

  it("loads a defect of every rule but the ones listed as untestable in a boot", () => {
    const loaded = new Set(cases.flatMap((c) => (c.defect ? [c.defect.rule] : [])));
    // altcall-site is a rule of the 4.21 loader: a boot of Xen 4.21 tests it
    // (test/integration/versions.test.ts).
    expect(RULES.map((r) => r.id).filter((id) => !loaded.has(id))).toEqual([
      "altcall-site",
      "not-checked",
    ]);
  });

  it("tests each rule's own prediction with a defect that trips that rule alone", () => {
    const alone = new Set(LOADED.filter((d) => !d.also?.length).map((d) => d.rule));
    expect(
      RULES.map((r) => r.id).filter((id) => LOADED.some((d) => d.rule === id) && !alone.has(id)),
    ).toEqual([]);
  });

  describe("each rule's defects", () => {
    for (const r of RULES.filter((r) => LOADED.some((d) => d.rule === r.id))) {
      it(`${r.id}: Xen ${SAYS[r.loader]}`, () => {
        const mine = cases.filter((c) => c.defect?.rule === r.id);
        const seen = mine.map((c) => ({
          defect: c.defect!.title,
          xen: outcomeFor(c).observed,
        }));
        const reasons = mine.map((c) => why(c, outcomeFor(c)) ?? "(no reason shown)");
        expect(seen, reasons.join("\n")).toEqual(
          mine.map((c) => ({ defect: c.defect!.title, xen: c.predicted })),
        );
      });
    }
  });
});
