/**
 * `packaging`: the `.config` a distribution's packaging copies into the tree (Debian's
 * `debian/xen-kconfig`), used like a full file; a path in the tree.
 */
export type XenConfig = {
    kind: "defconfig";
} | {
    kind: "full" | "fragment" | "packaging";
    path: string;
    text: string;
};
export declare function loadXenConfig(path: string): Promise<XenConfig>;
/** What the build cache key records of the configuration. */
export declare function configKey(config: XenConfig): string;
/** The `.config` after applying a full file (replaces) or a fragment (appended: later lines win). */
export declare function mergedConfigText(defconfig: string, config: XenConfig): string;
/**
 * What the final `.config` must hold for a livepatchable x86-64 hypervisor: CONFIG_LIVEPATCH,
 * and CONFIG_SYSCTL where the tree has it (4.21+). Returns the settings to force (none when
 * fine); throws when the target is not x86-64.
 */
export declare function livepatchRequirements(config: string): string[];
