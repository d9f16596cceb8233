// The action runs on node24 (action.yml) and package.json's engines asks for >= 24; tests
// on an older Node would pass code that the runner then rejects, so catch that here.
import { expect, it } from "vitest";

it("runs on Node 24 or later", () => {
  const major = Number(process.versions.node.split(".")[0]);
  expect(major, `tests are running on Node ${process.versions.node}`).toBeGreaterThanOrEqual(24);
});
