#!/usr/bin/env bash
# Runs the benchmarks: installs their pinned deps into js-tests/bench/node_modules, builds pkg/ if
# it is missing, then runs each step under `timeout`:
#   validate  validate.bench.mjs   the validation bench in Node (SDK, hand-written, ajv, valibot, zod)
#   chromium  chromium.bench.mjs   the same bench in headless Chromium (an esbuild-bundled page)
#   memory    memory.mjs           RSS over 100k validations (node --expose-gc)
#   sizes     sizes.mjs            bundle sizes of the validate entry, marginal cost per endpoint, .wasm
#   client    client.bench.mjs     the client against the look-alike server, vs node-easywechat
#   callback  callback.bench.mjs   callback crypto vs @wecom/crypto
#   package   package.mjs          the npm tarball: its size and what is in it
#   paging    paging.mjs           client.paginate over 100 000 seeded customers vs a hand-written fetch loop
# Prints figures only: nothing here asserts a timing. Only 127.0.0.1 traffic (the mock server
# child of client.bench.mjs, the page server of chromium.bench.mjs); every child is killed on
# exit. All steps take about 3 minutes; a step that fails does not stop the others, and the
# script then exits 1 naming it.
#   bash js-tests/bench/run.sh                   # every step
#   bash js-tests/bench/run.sh validate sizes    # only these steps, in this order
# Env: WECOM_PKG_DIR (the package to measure, default pkg/; it is never built then).
# Passed through: BENCH_ROUNDS, BENCH_ROUND_MS, BENCH_WARMUP_MS (validate, chromium, callback),
# BENCH_MEMORY_CALLS (memory), SIZES_PAIRS (sizes), BENCH_CALLS, BENCH_WARMUP_CALLS,
# BENCH_CONCURRENCY (client), CHROMIUM_PATH (chromium), BENCH_CUSTOMERS, BENCH_PAGING_ROUNDS (paging).
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
  echo "bench: installing the pinned peers (zod, valibot, ajv, playwright-core, node-easywechat, @wecom/crypto) into js-tests/bench/node_modules"
  # playwright-core drives Debian's Chromium: it never downloads a browser.
  (cd "$BENCH" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error)
fi

if [ ! -f "$PKG/index.mjs" ] || [ ! -f "$PKG/wecom.wasm" ]; then
  if [ "$PKG" != "$ROOT/pkg" ]; then
    echo "bench: WECOM_PKG_DIR=$PKG holds no built package" >&2
    exit 1
  fi
  echo "bench: pkg/ missing, building it (bash npm/scripts/build.sh)"
  bash npm/scripts/build.sh
fi

steps=("$@")
[ "${#steps[@]}" -gt 0 ] || steps=(validate chromium memory sizes client callback package paging)
failed=()
for step in "${steps[@]}"; do
  echo
  case "$step" in
    validate) cmd=(90 node "$BENCH/validate.bench.mjs") ;;
    chromium) cmd=(300 node "$BENCH/chromium.bench.mjs") ;;
    memory) cmd=(120 node --expose-gc "$BENCH/memory.mjs") ;;
    sizes) cmd=(180 node "$BENCH/sizes.mjs") ;;
    client) cmd=(70 node "$BENCH/client.bench.mjs") ;;
    callback) cmd=(40 node "$BENCH/callback.bench.mjs") ;;
    package) cmd=(60 node "$BENCH/package.mjs") ;;
    paging) cmd=(600 node "$BENCH/paging.mjs") ;;
    *)
      echo "bench: unknown step '$step' (validate, chromium, memory, sizes, client, callback, package, paging)" >&2
      failed+=("$step")
      continue
      ;;
  esac
  if ! run_capped "${cmd[@]}"; then
    echo "bench: step '$step' FAILED" >&2
    failed+=("$step")
  fi
done
echo
if [ "${#failed[@]}" -gt 0 ]; then
  echo "bench: failed steps: ${failed[*]}" >&2
  exit 1
fi
echo "bench: done (${steps[*]})"
