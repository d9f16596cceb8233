/**
 * The function a `.livepatch.funcs` entry patches and where its replacement lies: old_addr
 * and new_addr as prepare_payload() reads them after relocation (resolve_old_address(),
 * livepatch_verify_distance(), xen/common/livepatch.c), or, without the placed model, as
 * the file and xen-syms tell (patch-site.ts).
 */
import { SHN_UNDEF } from "../../elf/constants.js";
import { patchSite } from "../../livepatch/patch-site.js";
import type { LivepatchFuncEntry } from "../../livepatch/payload.js";
import { EXPECT_DATA_SIZE } from "../../xen/abi.js";
import type { LoadedFunc } from "../loader-model.js";
import type { FindingLocation } from "../rules.js";
import type { StepContext } from "./context.js";

/** The function a funcs entry patches, as far as xen-syms tells. */
export interface OldFunction {
  readonly name: string;
  /** Where the patch starts (old_addr as the loader will compute it). */
  readonly address?: bigint;
  /**
   * The function's size when `address` is its first byte (left out for an old_addr
   * inside a function, which is reported on its own and not as an old_size overrun).
   */
  readonly size?: number;
  readonly bytes?: Uint8Array;
}

/** One funcs entry as findings name it. */
export interface EntryLabel {
  readonly label: string;
  readonly where: FindingLocation;
}

/**
 * old_addr as prepare_payload() reads it, after relocation: "stop" when the entry goes no
 * further in the loader (or crashes it), undefined when the value is not known (then the
 * entry is judged from the file, fileOldFunction).
 */
export function loadedOldFunction(
  ctx: StepContext,
  lf: LoadedFunc | undefined,
  { label, where }: EntryLabel,
): OldFunction | "stop" | undefined {
  const model = ctx.loaded;
  const xen = ctx.target.xen;
  if (!model || !lf || lf.oldAddr === undefined || !xen) return undefined;
  const address = lf.oldAddr;
  if (address === 0n) {
    // resolve_old_address(): an old_addr of 0 (no relocation, or an R_X86_64_NONE one)
    // is looked up by the name string.
    if (lf.name === undefined) return undefined;
    if (model.faultsAt(lf.name)) {
      ctx.add(
        "func-name-unmapped",
        `${label}: old_addr is 0 and the name pointer is 0x${lf.name.toString(16)}, ${lf.name === 0n ? "NULL" : "where nothing is mapped"}: the hypervisor reads the name there (symbols_lookup_by_name) and faults`,
        where,
      );
      return "stop";
    }
    const name = model.stringAt(lf.name);
    if (name === undefined) {
      ctx.add(
        "func-name",
        `${label} has neither old_addr nor a name pointer that leads to a string in the payload`,
        where,
      );
      return "stop";
    }
    if (!ctx.resolvesOutside(name)) {
      ctx.add(
        "func-unresolved",
        `${label}: ${/^[\x21-\x7e]+$/.test(name) ? name : JSON.stringify(name)} is neither in ${xen.file} nor exported by an earlier payload`,
        where,
      );
      return "stop";
    }
    const sym = xen.lookup(name);
    if (!sym) return { name };
    return {
      name,
      address: sym.value,
      size: sym.size,
      bytes: xen.bytesAt(sym.value, EXPECT_DATA_SIZE),
    };
  }
  const hex64 = `0x${address.toString(16)}`;
  if (!model.canonical(address)) {
    ctx.add(
      "old-addr-non-canonical",
      `${label}: old_addr is ${hex64}, not a canonical address: the hypervisor reads the code there (is_endbr64) and takes a general protection fault`,
      where,
    );
    return "stop";
  }
  const code = xen.code();
  if (!code) return undefined;
  const fn = code.functionAt(address);
  const bytes = xen.bytesAt(address, EXPECT_DATA_SIZE);
  if (fn && fn.start === address) return { name: fn.name, address, size: fn.size, bytes };
  let what: string;
  if (fn) {
    what = `${address - fn.start} bytes into ${fn.name} (${code.describe(address)}), not its first byte`;
  } else {
    const own = model.sectionAt(address);
    const before = code.functionBefore(address);
    what = own
      ? `inside the payload itself (${own.placed.section.name}+${own.offset}), not a function of ${xen.file}`
      : before && address - before.start < 4096n
        ? `${address - (before.start + BigInt(before.size))} bytes past the end of ${before.name}, in no function`
        : `in no function of ${xen.file}`;
  }
  ctx.add("old-addr-not-function-start", `${label}: old_addr ${hex64} is ${what}`, where);
  if (!fn) return "stop";
  return { name: fn.name, address, bytes };
}

/** livepatch_verify_distance() and where new_addr leads: "stop" when the loader refuses. */
export function checkNewAddr(
  ctx: StepContext,
  lf: LoadedFunc | undefined,
  old: OldFunction | undefined,
  { label, where }: EntryLabel,
): "stop" | undefined {
  const model = ctx.loaded;
  if (!model || lf?.newAddr === undefined || lf.newAddr === 0n) return undefined;
  const hex64 = `0x${lf.newAddr.toString(16)}`;
  if (old?.address !== undefined) {
    const distance = BigInt.asIntN(64, old.address - lf.newAddr);
    const range = model.version.patchRange;
    if (distance < -range || distance >= range) {
      ctx.add(
        "func-distance",
        `${label}: new_addr ${hex64} is ${distance < 0n ? -distance : distance} bytes from old_addr, beyond the ±2 GiB a jump reaches: the hypervisor refuses it (EOVERFLOW)`,
        where,
      );
      return "stop";
    }
  }
  if (!model.inText(lf.newAddr)) {
    const own = model.sectionAt(lf.newAddr);
    ctx.add(
      "new-addr-outside-text",
      `${label}: new_addr ${hex64} is ${own ? `in ${own.placed.section.name}+${own.offset}, which the loader maps ${own.placed.region === "rw" ? "writable" : "read-only"} and not executable` : "outside the payload's code"}: the patched function jumps there`,
      where,
    );
  }
  return undefined;
}

/**
 * Where the old function is (by name, through the old_addr relocation, or at an absolute
 * old_addr), its size from there to its end in xen-syms, and its code.
 */
export function fileOldFunction(
  ctx: StepContext,
  f: LivepatchFuncEntry,
  { label, where }: EntryLabel,
): OldFunction | undefined {
  const xen = ctx.target.xen;
  if (!f.oldAddr.rela && f.oldAddr.raw === 0n) {
    if (f.name === undefined) {
      ctx.add(
        "func-name",
        `${label} has neither old_addr nor a name pointer that leads to a string in the payload`,
        where,
      );
      return undefined;
    }
    if (!xen) {
      ctx.skip("function names");
    } else if (!ctx.resolvesOutside(f.name)) {
      ctx.add(
        "func-unresolved",
        `${label}: ${f.name} is neither in ${xen.file} nor exported by an earlier payload`,
        where,
      );
    }
  }
  if (!xen) {
    // Without xen-syms only the name is known (undefined for a symbol of the payload).
    const sym = f.oldAddr.symbol;
    if (f.oldAddr.rela) return sym && sym.shndx === SHN_UNDEF ? { name: sym.name } : undefined;
    return f.oldAddr.raw !== 0n ? undefined : { name: f.name! };
  }
  const site = patchSite(f, xen);
  // An absolute old_addr outside every function of xen-syms: nothing to compare with.
  if (!site || (site.via === "address" && site.size === undefined)) return undefined;
  if (site.address === undefined) return { name: site.name };
  return {
    name: site.name,
    address: site.address,
    ...(site.size !== undefined ? { size: site.size } : {}),
    bytes: xen.bytesAt(site.address, EXPECT_DATA_SIZE),
  };
}
