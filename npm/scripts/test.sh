#!/usr/bin/env bash
# Every test of the project, in order: core (native), package build, wasm (Node + Chromium),
# look-alike server, packed-tarball tests (Node ESM/CJS, Chromium, tsc), the packaging matrix
# (bundlers, TypeScript, Jest, attw, publint: js-tests/packaging/run.sh). Installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/.tools/node_modules/.bin:$PATH"
step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash npm/scripts/setup.sh

step "cargo fmt --check, cargo clippy -D warnings"
cargo fmt --all --check
cargo clippy -q -p wecom-core -p wecom-codegen --features wecom-core/stream --tests -- -D warnings
cargo clippy -q -p wecom-wasm --target wasm32-unknown-unknown --tests -- -D warnings

step "cargo test (native: wecom-core, wecom-codegen)"
cargo test -q -p wecom-core -p wecom-codegen --features wecom-core/stream

step "build pkg/"
bash npm/scripts/build.sh
if ! cmp -s pkg/ENDPOINTS.md npm/ENDPOINTS.md; then
  echo "npm/ENDPOINTS.md is stale: cp pkg/ENDPOINTS.md npm/ENDPOINTS.md" >&2
  exit 1
fi
node npm/scripts/readme-methods.mjs --check

step "wasm-pack test --node"
wasm-pack --log-level warn test --node crates/wecom-wasm

step "wasm-pack test --headless --chrome (all tests in the browser)"
out=$(WASM_BINDGEN_USE_BROWSER=1 wasm-pack --log-level warn test --headless --chrome crates/wecom-wasm 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -E '^test |test result'
# wasm-pack exits 0 when it silently skips every test: require real passes in Chromium.
echo "$out" | grep -Eq 'test result: ok\. [1-9][0-9]* passed' || { echo "no wasm test ran in Chromium" >&2; exit 1; }

step "look-alike server tests"
node --test js-tests/mock-server.test.mjs js-tests/mock-routing.test.mjs

step "differential test: generated JS validators vs the native validator (issue 9)"
node --test js-tests/differential.test.mjs

step "packed tarball: Node ESM + CJS, headless Chromium, tsc"
bash js-tests/run.sh

step "packaging matrix: bundlers, TypeScript, Jest, attw, publint"
bash js-tests/packaging/run.sh
