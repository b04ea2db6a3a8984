#!/usr/bin/env bash
# Runs a command with Node >= 22 and pnpm on PATH. AI SDK 7 needs Node 22; when the
# machine's Node is older (or pnpm is missing) both are fetched once from the npm
# registry into .toolchain/ — nothing is installed globally.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tc="$root/.toolchain"
node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major node)" -lt 22 ] || ! command -v pnpm >/dev/null 2>&1; then
  if [ "$(node_major "$tc/node_modules/.bin/node")" -lt 22 ] || [ ! -x "$tc/node_modules/.bin/pnpm" ]; then
    echo "toolchain: fetching node@22 and pnpm@10 from the npm registry into .toolchain/" >&2
    mkdir -p "$tc"
    npm install --prefix "$tc" --no-audit --no-fund --no-save --loglevel=error node@22 pnpm@10.34.9 >&2
  fi
  export PATH="$tc/node_modules/.bin:$PATH"
fi

if [ ! -f "$root/node_modules/.modules.yaml" ] || [ "$root/pnpm-lock.yaml" -nt "$root/node_modules/.modules.yaml" ]; then
  (cd "$root" && pnpm install --frozen-lockfile --config.confirmModulesPurge=false >&2)
fi
exec "$@"
