/** What the loader accepts and the running hypervisor does not survive or never checks (issue 21). */
import { type Rule, rule, LP, ARCH } from "./rule.js";

export const RUNTIME_RULES = [
  rule(
    "store-read-only",
    "error",
    "crashes",
    "Code outside the hooks stores into the hypervisor's __ro_after_init data or .rodata, read-only after boot",
    "xen/arch/x86/setup.c (read-only after boot); c3ff11b11c, 335cbb5556 (writable while a payload is applied)",
  ),
  rule(
    "func-address-taken",
    "error",
    "accepts",
    "The payload takes the address of its own copy of a function it replaces, as data (a compare, a stored pointer, a callback) rather than Xen's original",
    "kpatch 495e619 (references to a patched function's address keep the original); xen/common/livepatch.c (unload frees the payload)",
  ),
  rule(
    "func-old-size-mismatch",
    "note",
    "accepts",
    "Function entry whose old_size is smaller than the xen-syms function it patches (Xen checks only the jump's room and the expectation against it)",
    `${LP} (old_size is never checked against the symbol table); Xen's own xen/test/livepatch/xen_expectations.c states 8 bytes`,
  ),
  rule(
    "func-symbol-too-short",
    "error",
    "accepts",
    "Function entry patching a xen-syms function smaller than the jump written over it (5 bytes; 9 after ENDBR64)",
    `${ARCH} arch_livepatch_apply() (writes past the function's end)`,
  ),
  rule(
    "expect-reserved-disabled",
    "warning",
    "accepts",
    "Disabled expectation with reserved bits set (ignored today; a later ABI may give them meaning)",
    `${LP} livepatch_check_expectations()`,
  ),
  rule(
    "percpu-new",
    "error",
    "accepts",
    "Payload defines per-CPU data of its own: Xen has no per-CPU area for a payload",
    "xen/arch/x86/percpu.c (per-CPU areas are copied from the image only)",
  ),
] as const satisfies readonly Rule[];
