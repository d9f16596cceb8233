/**
 * The hypervisor's configuration: Xen's defconfig, a user's full `.config`, or a fragment
 * applied on top of defconfig. A file that Kconfig wrote (its "Automatically generated
 * file" header) is a full configuration; anything else is a fragment.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ConfigurationError } from "../util/errors.js";

/**
 * `packaging`: the `.config` a distribution's packaging copies into the tree (Debian's
 * `debian/xen-kconfig`), used like a full file; a path in the tree.
 */
export type XenConfig =
  { kind: "defconfig" } | { kind: "full" | "fragment" | "packaging"; path: string; text: string };

const LINE = /^(CONFIG_[A-Za-z0-9_]+=.*|# CONFIG_[A-Za-z0-9_]+ is not set|#.*|\s*)$/;

export async function loadXenConfig(path: string): Promise<XenConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new ConfigurationError("xen-config", `cannot read ${path}: ${(e as Error).message}`);
  }
  const lines = text.split("\n");
  const bad = lines.findIndex((l) => !LINE.test(l));
  if (bad >= 0) {
    throw new ConfigurationError(
      "xen-config",
      `${path}:${bad + 1}: "${lines[bad]}" is not a Kconfig line (CONFIG_X=value, "# CONFIG_X is not set" or a comment)`,
    );
  }
  const kind = /^# Automatically generated file; DO NOT EDIT\./m.test(text) ? "full" : "fragment";
  return { kind, path, text: text.endsWith("\n") ? text : `${text}\n` };
}

/** What the build cache key records of the configuration. */
export function configKey(config: XenConfig): string {
  if (config.kind === "defconfig") return "defconfig";
  return `${config.kind}:${createHash("sha256").update(config.text).digest("hex")}`;
}

/** The `.config` after applying a full file (replaces) or a fragment (appended: later lines win). */
export function mergedConfigText(defconfig: string, config: XenConfig): string {
  if (config.kind === "defconfig") return defconfig;
  if (config.kind === "full" || config.kind === "packaging") return config.text;
  return `${defconfig}\n# xen-livepatch-ci: fragment ${config.path}\n${config.text}`;
}

/**
 * What the final `.config` must hold for a livepatchable x86-64 hypervisor: CONFIG_LIVEPATCH,
 * and CONFIG_SYSCTL where the tree has it (4.21+). Returns the settings to force (none when
 * fine); throws when the target is not x86-64.
 */
export function livepatchRequirements(config: string): string[] {
  if (!/^CONFIG_X86_64=y$/m.test(config)) {
    throw new ConfigurationError(
      "xen-config",
      "the configuration is not for x86-64 (no CONFIG_X86_64=y); only x86-64 is supported",
    );
  }
  const force = /^CONFIG_LIVEPATCH=y$/m.test(config) ? [] : ["CONFIG_LIVEPATCH=y"];
  // From 4.21 livepatching is a sysctl and depends on CONFIG_SYSCTL (31aca815c7): a tree
  // that knows the symbol needs it on, or CONFIG_LIVEPATCH=y silently does not stick.
  const knowsSysctl = /^(CONFIG_SYSCTL=|# CONFIG_SYSCTL is not set)/m.test(config);
  if (knowsSysctl && !/^CONFIG_SYSCTL=y$/m.test(config)) force.push("CONFIG_SYSCTL=y");
  return force;
}
