/**
 * What the verifier's steps share: the payload and its target, the findings so far, and
 * what earlier steps produced (the symbol table, the payload as the loader places it).
 * A step reads these and reports; it never throws on a malformed payload.
 */
import {
  SHF_ALLOC,
  SHT_PROGBITS,
  SHF_EXECINSTR,
  SHF_WRITE,
  SHT_STRTAB,
} from "../../elf/constants.js";
import { ElfFormatError, type ElfSection, type ElfSymbol } from "../../elf/reader.js";
import { ERRNO } from "../../livepatch/errno.js";
import type { Payload } from "../../livepatch/payload.js";
import type { XenSyms } from "../../livepatch/xen-syms.js";
import type { LoaderStep } from "../../xen/loader-version.js";
import { type LoadedPayload, type LoaderVersion, loaderFor } from "../loader-model.js";
import { type Finding, type FindingLocation, type RuleId, RULE_BY_ID } from "../rules.js";

/** More findings of one rule in one file than this are summarised, not listed. */
const MAX_FINDINGS_PER_RULE = 25;

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

/** The findings of one file, in the order the steps report them. */
export class FindingList {
  readonly findings: Finding[] = [];
  private readonly counts = new Map<RuleId, number>();

  constructor(private readonly file: string) {}

  add(ruleId: RuleId, message: string, location: FindingLocation = {}): void {
    const count = (this.counts.get(ruleId) ?? 0) + 1;
    this.counts.set(ruleId, count);
    if (count > MAX_FINDINGS_PER_RULE) return;
    const rule = RULE_BY_ID.get(ruleId)!;
    this.findings.push({ ruleId, severity: rule.severity, message, file: this.file, location });
  }

  has(ruleId: RuleId): boolean {
    return this.counts.has(ruleId);
  }

  finish(): Finding[] {
    for (const [ruleId, count] of this.counts) {
      if (count > MAX_FINDINGS_PER_RULE) {
        this.add(ruleId, `${count - MAX_FINDINGS_PER_RULE} more findings of this rule not listed`);
      }
    }
    return this.findings;
  }
}

/** One step of the verifier: a step of Xen's loader, or a check beyond it. */
export interface VerifierStep {
  readonly name: string;
  /** Where the step comes from: the loader's function(s), or livepatch-build-tools' fix. */
  readonly basis: string;
  /**
   * The rules the step owns (it alone reports them), each with the step of Xen's loader
   * that meets the defect (loader-order.ts; a few depend on the section, see stepOf).
   */
  readonly rules: Readonly<Record<RuleId, LoaderStep>>;
  /**
   * Rules of its own whose finding means the step failed: what it produced is not what
   * the loader would have, so the steps that need it are not run.
   */
  readonly breaks?: readonly RuleId[];
  /** Earlier steps that must have run without failing for this one to mean anything. */
  readonly needs?: readonly string[];
  readonly run: (ctx: StepContext) => void;
}

/** The payload under verification, its target, and what the steps found so far. */
export class StepContext {
  readonly elf;
  /** The loader's rules of the hypervisor's own version, when xen-syms says which it is. */
  readonly version: LoaderVersion;
  /** Symbols, once the symbols step found the symbol table usable. */
  symbols: readonly ElfSymbol[] | undefined;
  /**
   * The payload as the loader places and relocates it (the placement step); undefined
   * without xen-syms or when the steps it needs failed.
   */
  loaded: LoadedPayload | undefined;
  /** What was not checked, and why (by default: no xen-syms). */
  readonly notChecked = new Map<string, string | undefined>();
  private stackExportCache?: Map<string, string>;

  constructor(
    readonly payload: Payload,
    readonly target: VerifyTarget,
    readonly out: FindingList,
  ) {
    this.elf = payload.elf;
    this.version = target.loader ?? loaderFor(target.xen?.version());
  }

  add(ruleId: RuleId, message: string, location: FindingLocation = {}): void {
    this.out.add(ruleId, message, location);
  }

  /** Records a check that could not be made (reported by the last step, not-checked). */
  skip(what: string, why?: string): void {
    this.notChecked.set(what, why);
  }

  /** elf_verify_strtab(): a string table starts and ends with NUL. */
  strtabProblem(s: ElfSection): string | undefined {
    if (s.type !== SHT_STRTAB) return `is not SHT_STRTAB (type ${s.type})`;
    if (s.size === 0) return "is empty";
    if (!this.elf.inBounds(s)) return "lies outside the file";
    const data = this.elf.data(s);
    if (data[0] !== 0 || data[data.length - 1] !== 0) return "does not start and end with NUL";
    return undefined;
  }

  /** Whether the hypervisor's symbol lookup or an earlier payload's new symbols have `name`. */
  resolvesOutside(name: string): boolean {
    return this.target.xen?.lookup(name) !== undefined || this.stackExports().has(name);
  }

  /** Names the earlier payloads add to the hypervisor's table, with the payload adding each. */
  stackExports(): Map<string, string> {
    if (!this.stackExportCache) {
      this.stackExportCache = new Map();
      for (const earlier of this.target.stack) {
        for (const sym of safely(() => earlier.newSymbols(), []))
          this.stackExportCache.set(sym.name, earlier.file);
      }
    }
    return this.stackExportCache;
  }

  /** The earlier payload of the stack that patches the function `name`, if any. */
  patchedBelow(name: string): string | undefined {
    for (const earlier of this.target.stack) {
      const funcs = safely(() => earlier.funcs(), []);
      if (funcs.some((f) => (f.oldAddr.rela ? f.oldAddr.symbol?.name : f.name) === name))
        return earlier.file;
    }
    return undefined;
  }

  /**
   * What this version's loader says when it refuses the upload: its name, the errno and,
   * where it prints one, the console line (without Xen's "livepatch: " prefix).
   */
  refusal(errno: "EINVAL" | "ENODATA" | "ENOSPC" | "ERANGE", line?: string): string {
    return `${this.version.name} refuses the upload (${errno}, -${ERRNO[errno]}${line === undefined ? "" : `; "${this.payload.name}${line}"`})`;
  }
}

/** A finding's location in `section`, with the entry, offset or symbol of `extra`. */
export const at = (
  section: ElfSection,
  extra: Omit<FindingLocation, "section" | "sectionIndex"> = {},
) => ({
  section: section.name,
  sectionIndex: section.index,
  ...extra,
});

/** A section as findings name it: `name [index]`. */
export const sectionLabel = (s: ElfSection) => `${s.name || "(unnamed)"} [${s.index}]`;
export const isAlloc = (s: ElfSection) => (s.flags & SHF_ALLOC) !== 0;

/** The payload's non-empty, in-file, read-only `.rodata*` sections. */
export function rodataSections(elf: Payload["elf"]): ElfSection[] {
  return elf.sections.filter(
    (s) =>
      s.name.startsWith(".rodata") &&
      s.type === SHT_PROGBITS &&
      isAlloc(s) &&
      (s.flags & (SHF_WRITE | SHF_EXECINSTR)) === 0 &&
      s.size > 0 &&
      elf.inBounds(s),
  );
}

export function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** `fn()`, or `fallback` where it meets a malformed ELF structure. */
export function safely<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ElfFormatError) return fallback;
    throw e;
  }
}
