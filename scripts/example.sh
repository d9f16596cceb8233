#!/usr/bin/env bash
# The whole pipeline on the built-in example: Xen 4.17.5 from Debian's source package, its
# in-tree livepatch test payloads, verified.
#
# usage: bash scripts/example.sh [OUTPUT_DIR]   (default: xen-livepatch-out)
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/prepare.sh
npm run build
# The Node 24 the devDependency installed: the distribution's node may be older.
node_modules/.bin/node dist/cli.js run --example --output-dir "${1:-xen-livepatch-out}"
