#!/usr/bin/env bash
# Runs the benchmarks: installs their pinned deps into js-tests/bench/node_modules, builds pkg/ if
# it is missing, runs validate.bench.mjs, client.bench.mjs and callback.bench.mjs, prints the wasm size line.
# Prints figures only: nothing here asserts a timing. Only 127.0.0.1 traffic (the mock server
# child of client.bench.mjs); every child is killed on exit. The benches take about 40 s; each
# is capped by `timeout` so the whole run stays under 2 minutes (a missing pkg/ adds its build).
#   bash js-tests/bench/run.sh
# Env: WECOM_PKG_DIR (the package to measure, default pkg/; it is never built then).
# Passed through: BENCH_ROUNDS, BENCH_ROUND_MS, BENCH_WARMUP_MS (validate), BENCH_CALLS,
# BENCH_WARMUP_CALLS, BENCH_CONCURRENCY (client).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$BENCH/../.." && pwd)
cd "$ROOT"
# The package under test: pkg/ (default) or WECOM_PKG_DIR (e.g. a copy, while pkg/ is rebuilt).
PKG=${WECOM_PKG_DIR:-$ROOT/pkg}
export WECOM_PKG_DIR=$PKG

children=()
cleanup() {
  local pid
  for pid in "${children[@]:-}"; do
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Runs a command in the background under a time cap, remembering its pid for the trap.
run_capped() {
  local seconds=$1
  shift
  timeout --kill-after=5 "$seconds" "$@" &
  children+=("$!")
  wait "$!"
}

# npm keeps node_modules/.package-lock.json: reinstall when the manifest or lock is newer.
stamp="$BENCH/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$BENCH/package.json" -nt "$stamp" ] || [ "$BENCH/package-lock.json" -nt "$stamp" ]; then
  echo "bench: installing zod 4.6.7 and node-easywechat 3.6.2 into js-tests/bench/node_modules"
  (cd "$BENCH" && npm install --no-audit --no-fund --loglevel=error)
fi

if [ ! -f "$PKG/index.mjs" ] || [ ! -f "$PKG/web/wecom_wasm_bg.wasm" ]; then
  if [ "$PKG" != "$ROOT/pkg" ]; then
    echo "bench: WECOM_PKG_DIR=$PKG holds no built package" >&2
    exit 1
  fi
  echo "bench: pkg/ missing, building it (bash npm/scripts/build.sh)"
  bash npm/scripts/build.sh
fi

echo
run_capped 40 node "$BENCH/validate.bench.mjs"
echo
run_capped 70 node "$BENCH/client.bench.mjs"
echo
run_capped 40 node "$BENCH/callback.bench.mjs"
echo

wasm="$PKG/web/wecom_wasm_bg.wasm"
raw=$(wc -c <"$wasm" | tr -d ' ')
gz=$(gzip -9 -c "$wasm" | wc -c | tr -d ' ')
echo "wasm size: ${wasm#"$ROOT"/} ${raw} bytes raw, ${gz} bytes gzip -9"
