/**
 * Per-CPU data of a payload's own. DEFINE_PER_CPU puts `per_cpu__NAME` in `.bss.percpu`,
 * which Xen copies for each CPU from its own image only (isPerCpuSection): a payload's
 * variable is ordinary payload data, and `this_cpu()` adds each CPU's offset to its
 * address, so every CPU but the first reaches past it. References to the hypervisor's
 * per-CPU variables are undefined symbols and are not this rule's.
 */
import { SHN_LORESERVE, SHN_UNDEF } from "../elf/constants.js";
import type { Payload } from "../livepatch/payload.js";
import { isPerCpuSection } from "../xen/abi.js";
import type { CheckFinding } from "./check-finding.js";

/** The DEFINE_PER_CPU prefix of a per-CPU variable's symbol (xen/include/xen/percpu.h). */
const PER_CPU_PREFIX = "per_cpu__";

/**
 * Findings of rule `percpu-new`: each per-CPU variable the payload defines (a
 * `per_cpu__NAME` symbol, or one in a per-CPU section), named as DEFINE_PER_CPU wrote it.
 */
export function perCpuFindings(payload: Payload): CheckFinding[] {
  const elf = payload.elf;
  return elf.symbols().flatMap((sym) => {
    if (sym.shndx === SHN_UNDEF || sym.shndx >= SHN_LORESERVE || !sym.name) return [];
    const section = elf.section(sym.shndx);
    if (!sym.name.startsWith(PER_CPU_PREFIX) && !(section && isPerCpuSection(section.name)))
      return [];
    const name = sym.name.startsWith(PER_CPU_PREFIX)
      ? sym.name.slice(PER_CPU_PREFIX.length)
      : sym.name;
    return [
      {
        ruleId: "percpu-new" as const,
        message: `the payload defines the per-CPU variable ${name} (${sym.name}${section ? ` in ${section.name}` : ""}): Xen gives a payload no per-CPU area, so each CPU but the first would reach another CPU's offset past the variable`,
        location: {
          ...(section ? { section: section.name, sectionIndex: section.index } : {}),
          symbol: sym.name,
        },
      },
    ];
  });
}
