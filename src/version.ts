/** The tool's name and version, as recorded in reports, SARIF and payload metadata. */
import packageJson from "../package.json" with { type: "json" };

export const TOOL_NAME = "xen-livepatch-ci";
export const TOOL_VERSION: string = packageJson.version;
