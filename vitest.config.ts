import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests build Xen once (cached); give the first, cold run room.
    testTimeout: 30_000,
    hookTimeout: 900_000,
    // The JSON report lets scripts/test.sh end with a plain "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-results.json" }]],
  },
});
