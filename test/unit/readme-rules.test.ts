// The README's rule table must describe the rules the verifier has, no more, no fewer, with
// the Xen versions where a rule's loader verdict or behaviour differs from 4.17's.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { RULES, ruleVersions } from "../../src/verify/rules.js";

const loaderText = {
  "refuses-upload": "refuses upload",
  "refuses-apply": "refuses apply",
  accepts: "accepts",
  crashes: "crashes",
};

it("README.md lists every rule with its severity, the loader's verdict, its title and its versions", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const rows = [
    ...readme.matchAll(/^\| `([a-z0-9-]+)` +\| (\w+) +\| ([a-z ]+?) +\| (.+?) +\| (.*?) *\|$/gm),
  ].map((m) => [m[1], m[2], m[3], m[4]!.replace(/\\\|/g, "|"), m[5]!.replace(/\\\|/g, "|")]);
  expect(rows).toEqual(
    RULES.map((r) => [r.id, r.severity, loaderText[r.loader], r.title, ruleVersions(r).join("; ")]),
  );
});
