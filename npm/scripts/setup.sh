#!/usr/bin/env bash
# Installs everything the build and the tests need, from crates.io, npm and Debian only.
# Idempotent: a warm machine skips what it has.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
# The shared-token-store tests start a real Redis on 127.0.0.1.
command -v redis-server >/dev/null || need_apt+=(redis-server)
if [ "${#need_apt[@]}" -gt 0 ] && [ "${WECOM_SKIP_APT:-}" != 1 ]; then
  echo "setup: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

rustup target list --installed | grep -q '^wasm32-unknown-unknown$' || rustup target add wasm32-unknown-unknown

# wasm-bindgen-cli must equal the wasm-bindgen crate version in Cargo.lock.
WBG_VER=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | cut -d' ' -f2)" != "$WBG_VER" ]; then
  echo "setup: cargo install wasm-bindgen-cli $WBG_VER"
  # --locked fails on this registry (webpki-roots); the CLI only talks http to a local webdriver.
  cargo install -q --locked --no-default-features wasm-bindgen-cli --version "$WBG_VER" 2>/dev/null \
    || cargo install -q --no-default-features wasm-bindgen-cli --version "$WBG_VER"
fi
command -v wasm-pack >/dev/null || { echo "setup: cargo install wasm-pack"; cargo install -q --locked wasm-pack; }

# npm tools for the build: wasm-opt (npm's binaryen: Debian's 108 breaks the module), esbuild, tsc.
if [ ! -x .tools/node_modules/.bin/wasm-opt ] || [ ! -x .tools/node_modules/.bin/esbuild ] || [ ! -x .tools/node_modules/.bin/tsc ]; then
  echo "setup: npm tools"
  mkdir -p .tools
  npm install -s --prefix .tools --no-audit --no-fund binaryen@132.0.0 esbuild@0.28.2 typescript@5.9.3 >/dev/null
fi
echo "setup: ok"
