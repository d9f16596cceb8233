#!/usr/bin/env bash
# The full test suite on a fresh Debian/Ubuntu machine (root or sudo), as CI runs it:
# formatting, lint, type-check, README usage, tests, and the committed dist/ bundle.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prepare.sh
npm run check
