#!/usr/bin/env bash
# The action's install step: dbxsync from the action's own checkout (ACTION_PATH), built when it is
# a source checkout, and a `dbxsync` command on PATH. Dependencies' install scripts are not run
# (--ignore-scripts): they would see the step's environment.
set -euo pipefail
cd "$ACTION_PATH"
version=$(node -p 'require("./package.json").version')
if [ -n "${WANT_VERSION:-}" ] && [ "${WANT_VERSION#v}" != "$version" ]; then
  echo "::error::this action's ref holds dbxsync $version, not ${WANT_VERSION}: use the action at v${WANT_VERSION#v}"
  exit 1
fi
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund --ignore-scripts; fi
if [ ! -f dist/src/cli/main.js ]; then npx --no-install tsc -p tsconfig.json; fi
bin="${RUNNER_TEMP:-/tmp}/dbxsync-bin"
mkdir -p "$bin"
printf '#!/bin/sh\nexec node "%s/dist/src/cli/main.js" "$@"\n' "$ACTION_PATH" > "$bin/dbxsync"
chmod +x "$bin/dbxsync"
echo "$bin" >> "$GITHUB_PATH"
echo "dbxsync $version installed from $ACTION_PATH"
