import type { XenVersion } from "../xen/version.js";
import { type Scenario } from "./format.js";
export declare const EXTRA_VERSION = "cat /sys/hypervisor/version/extra";
/** The self-test as it runs on Xen 4.17 (Debian 12's). */
export declare const SELF_TEST_YAML: string;
/**
 * The self-test scenario for the hypervisor of `version` (4.17 when not given); its payload
 * files are the base's xen/test/livepatch/*.livepatch. The one message that differs between
 * versions is the refusal of the payload without `.livepatch.xen_depends`, which that
 * version's loader model gives (src/xen/changes.ts).
 */
export declare function selfTestScenario(version?: XenVersion): Scenario;
