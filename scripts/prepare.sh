#!/usr/bin/env bash
# What scripts/test.sh and scripts/example.sh both need on a fresh Debian/Ubuntu machine:
# the system packages (scripts/provision.sh), npm, and the project's node_modules.
# Node 24 itself comes from the `node` devDependency, which npm scripts put first on PATH,
# so the distribution's (older) nodejs is only there to run npm.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

bash scripts/provision.sh

if ! command -v npm >/dev/null; then
  echo "prepare: npm not found: installing nodejs and npm from the distribution" >&2
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi

npm ci --no-audit --no-fund
