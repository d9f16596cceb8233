export declare const TOOL_NAME = "xen-livepatch-ci";
/**
 * Read at run time from the package.json beside src/ and dist/ (both one level below the
 * root), so the committed bundle does not change with every edit of package.json.
 */
export declare const TOOL_VERSION: string;
