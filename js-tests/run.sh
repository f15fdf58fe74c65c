#!/usr/bin/env bash
# Packaging tests of wecom-external-contact: packs the built pkg/ with npm, installs the tarball
# into a throwaway project (js-tests/.work/project) next to the test-only dependencies, and runs
# node's test runner there, so every test imports the package by its name, as a user would.
# Needs a built pkg/ (bash npm/scripts/build.sh) and Debian's chromium (npm/scripts/setup.sh).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")
PKG=$ROOT/pkg
WORK=$HERE/.work
PROJECT=$WORK/project
# Test-only dependencies, pinned. Chromium is Debian's (/usr/bin/chromium): playwright-core never
# downloads a browser.
# redis and ioredis drive the shared token store against Debian's redis-server (redis.test.mjs).
DEV_DEPS=(typescript@5.9.3 @types/node@20.19.43 playwright-core@1.65.1 redis@6.3.1 ioredis@5.11.1)
# The test files this script owns (others in js-tests/ import the sources by path and run elsewhere).
# Every *.test.mjs / *.test.cjs here, except the look-alike's own tests and the differential
# test of the generated validators (they import sources from the repository, not the package,
# and run separately from npm/scripts/test.sh).
TEST_FILES=()
for f in "$HERE"/*.test.mjs "$HERE"/*.test.cjs; do
  name=$(basename "$f")
  case "$name" in
    mock-server.test.mjs | mock-routing.test.mjs | differential.test.mjs) ;;
    *) TEST_FILES+=("$name") ;;
  esac
done
# valid_payloads.json: the Rust fixtures' minimal valid payload per endpoint (every-endpoint.test.mjs).
SUPPORT=(helpers.mjs world-helpers.mjs redis-worker.mjs collect-errors.mjs scan-errors.mjs browser types fuzz ../crates/wecom-core/tests/fixtures/valid_payloads.json)

if [ ! -f "$PKG/package.json" ] || [ ! -f "$PKG/index.cjs" ]; then
  echo "js-tests/run.sh: $PKG is not built; run: bash npm/scripts/build.sh" >&2
  exit 2
fi

ms() { echo $(( $(date +%s%N) / 1000000 )); }
elapsed() { local t=$(( $(ms) - start )); printf '%d.%01ds' $((t / 1000)) $((t % 1000 / 100)); }
start=$(ms)
rm -rf "$WORK"
mkdir -p "$PROJECT/tests"

if ! tarball=$(cd "$WORK" && npm pack "$PKG" --pack-destination "$WORK" --silent 2>"$WORK/npm-pack.log" | tail -n 1) \
    || [ -z "$tarball" ] || [ ! -f "$WORK/$tarball" ]; then
  cat "$WORK/npm-pack.log" >&2
  echo "js-tests/run.sh: npm pack produced no tarball" >&2
  exit 1
fi

cd "$PROJECT"
npm init -y >/dev/null 2>&1
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! npm install --prefer-offline --no-audit --no-fund --save-exact --loglevel=error \
    "$WORK/$tarball" "${DEV_DEPS[@]}" >"$WORK/npm-install.log" 2>&1; then
  cat "$WORK/npm-install.log" >&2
  echo "js-tests/run.sh: npm install failed" >&2
  exit 1
fi
[ -f node_modules/wecom-external-contact/package.json ] || { echo "js-tests/run.sh: the tarball did not install" >&2; exit 1; }
[ -x node_modules/.bin/tsc ] || { echo "js-tests/run.sh: typescript did not install" >&2; exit 1; }

for f in "${TEST_FILES[@]}" "${SUPPORT[@]}"; do
  cp -R "$HERE/$f" tests/
done
echo "js-tests: installed $tarball and ${DEV_DEPS[*]} in $(elapsed)"

files=()
for f in "${TEST_FILES[@]}"; do files+=("tests/$f"); done
# Every test process keeps the errors it provokes (collect-errors.mjs); scan-errors.mjs then
# checks that none of them shows a secret or a token.
export WECOM_COLLECT_DIR=$WORK/collected
mkdir -p "$WECOM_COLLECT_DIR"
set +e
NODE_OPTIONS="--import=$PROJECT/tests/collect-errors.mjs" \
  node --test --test-reporter=spec --test-reporter-destination=stdout "${files[@]}"
rc=$?
node tests/scan-errors.mjs 150 || rc=1
set -e
echo "js-tests: $([ "$rc" -eq 0 ] && echo passed || echo "FAILED (exit $rc)") in $(elapsed)"
exit $rc
