#!/usr/bin/env bash
# The full test suite on a fresh Debian/Ubuntu machine (root or sudo), as CI runs it:
# formatting, lint, type-check, README usage, tests, and the committed dist/ bundle.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prepare.sh
rm -f test-results.json
npm run check
# One plain closing line with the test counts (from vitest's JSON report).
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results.json", "utf8"));
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
'
