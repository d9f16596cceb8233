#!/usr/bin/env bash
# Rebuilds dist/ and fails if that changed it: the committed bundle is what the action
# runs, so it must match the sources. Outside a git checkout there is nothing to compare
# against, so only the build runs.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build

if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-dist: not a git checkout: built dist/ but skipped comparing it" >&2
  exit 0
fi

# git diff misses files the build added but nobody committed; list those too.
untracked=$(git ls-files --others --exclude-standard -- dist/)
if ! git diff --exit-code --stat -- dist/ || [ -n "$untracked" ]; then
  [ -z "$untracked" ] || printf 'untracked: %s\n' $untracked >&2
  echo "check-dist: dist/ is stale: run \`npm run build\` and commit dist/" >&2
  exit 1
fi
echo "check-dist: dist/ matches the sources"
