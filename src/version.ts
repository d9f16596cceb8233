/** The tool's name and version, as recorded in reports, SARIF and payload metadata. */
import { readFileSync } from "node:fs";

export const TOOL_NAME = "xen-livepatch-ci";

/**
 * Read at run time from the package.json beside src/ and dist/ (both one level below the
 * root), so the committed bundle does not change with every edit of package.json.
 */
export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;
