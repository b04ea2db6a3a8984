#!/usr/bin/env bash
# Runs a command with Node >= 22 and pnpm on PATH. AI SDK 7 needs Node 22; when the
# machine's Node is older (or pnpm is missing) both are fetched once from the npm
# registry into .toolchain/ — nothing is installed globally. Then installs the workspace
# (frozen lockfile) when node_modules is missing or older than the lockfile.
# Set-up is quiet: a transient status line on a terminal, the full log only on failure
# (TOOLCHAIN_VERBOSE=1 shows it always).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tc="$root/.toolchain"
node_major() { "${1:-node}" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
# A pnpm that runs (a stub or a broken shim on PATH does not count); ours is trusted as is.
pnpm_works() {
  local found
  found="$(command -v pnpm 2>/dev/null)" || return 1
  [ "$found" = "$tc/node_modules/.bin/pnpm" ] || pnpm --version >/dev/null 2>&1
}

# quietly <status> <command...>: runs a set-up step, showing its output only if it fails.
quietly() {
  local status="$1"
  shift
  if [ "${TOOLCHAIN_VERBOSE:-}" = 1 ]; then
    "$@" >&2
    return
  fi
  local log
  log="$(mktemp)"
  [ -t 2 ] && printf '%s…' "$status" >&2
  if "$@" >"$log" 2>&1; then
    [ -t 2 ] && printf '\r\033[K' >&2
    rm -f "$log"
  else
    local code=$?
    [ -t 2 ] && printf '\r\033[K' >&2
    cat "$log" >&2
    echo "toolchain: $status failed (exit $code; log above): $*" >&2
    rm -f "$log"
    exit "$code"
  fi
}

if [ "$(node_major node)" -lt 22 ] || ! pnpm_works; then
  if [ "$(node_major "$tc/node_modules/.bin/node")" -lt 22 ] || [ ! -x "$tc/node_modules/.bin/pnpm" ]; then
    mkdir -p "$tc"
    quietly "fetching node@22 and pnpm@10 into .toolchain/ (first run only)" \
      npm install --prefix "$tc" --no-audit --no-fund --no-save --loglevel=error node@22 pnpm@10.34.9
  fi
  export PATH="$tc/node_modules/.bin:$PATH"
fi

if [ ! -f "$root/node_modules/.modules.yaml" ] || [ "$root/pnpm-lock.yaml" -nt "$root/node_modules/.modules.yaml" ]; then
  (cd "$root" && quietly "installing dependencies (pnpm install --frozen-lockfile)" \
    pnpm install --frozen-lockfile --config.confirmModulesPurge=false)
fi
exec "$@"
