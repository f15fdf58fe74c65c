#!/usr/bin/env bash
# The packaging matrix of wecom-external-contact (issue 10): packs pkg/, installs this project's
# pinned tools (package-lock.json; `npm ci --prefer-offline`, so a warm npm cache needs no network)
# and the tarball into js-tests/.work/packaging, then runs every scenario under scenarios/ in turn:
# each uses only the package's public entries and at most the one flag or step the README
# documents for its tool. One PASS/FAIL line per scenario (a failure prints its log); exits 1 when
# any failed. `bash js-tests/packaging/run.sh [scenario...]` runs only the named ones.
# Needs a built pkg/ (bash npm/scripts/build.sh) and Debian's chromium (npm/scripts/setup.sh).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PKG=$ROOT/pkg
WORK=$ROOT/js-tests/.work/packaging
# In order; the browser ones need Chromium, the node ones run bundles alone in a temp directory.
ALL=(attw publint vite vite-dev webpack-browser esbuild-browser-esm esbuild-browser-no-wasm esbuild-browser-inline esbuild-node-inline webpack-node
  ts-node16 ts-nodenext ts-bundler ts-node10 jest-jsdom import-time)
[ "$#" -gt 0 ] && SCENARIOS=("$@") || SCENARIOS=("${ALL[@]}")

if [ ! -f "$PKG/package.json" ]; then
  echo "packaging: $PKG is not built; run: bash npm/scripts/build.sh" >&2
  exit 2
fi

ms() { echo $(( $(date +%s%N) / 1000000 )); }
secs() { local t=$(( $(ms) - $1 )); printf '%d.%01ds' $((t / 1000)) $((t % 1000 / 100)); }
start=$(ms)
rm -rf "$WORK"
mkdir -p "$WORK/logs"
cp -R "$HERE/package.json" "$HERE/package-lock.json" "$HERE/lib" "$HERE/scenarios" "$WORK/"

if ! tarball=$(npm pack "$PKG" --pack-destination "$WORK" --silent 2>"$WORK/logs/npm-pack.log" | tail -n 1) \
    || [ -z "$tarball" ] || [ ! -f "$WORK/$tarball" ]; then
  cat "$WORK/logs/npm-pack.log" >&2
  echo "packaging: npm pack produced no tarball" >&2
  exit 1
fi

cd "$WORK"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if ! { npm ci --prefer-offline --no-audit --no-fund --loglevel=error \
    && npm install --no-save --prefer-offline --no-audit --no-fund --loglevel=error "./$tarball"; } \
    >"$WORK/logs/npm-install.log" 2>&1; then
  cat "$WORK/logs/npm-install.log" >&2
  echo "packaging: npm ci / npm install of the tarball failed" >&2
  exit 1
fi
[ -f node_modules/wecom-external-contact/package.json ] || { echo "packaging: the tarball did not install" >&2; exit 1; }
echo "packaging: installed $tarball and the pinned tools in $(secs "$start")"

export TGZ=$WORK/$tarball PKG_DIR=$WORK/node_modules/wecom-external-contact
export PATH=$WORK/node_modules/.bin:$PATH
passed=0
failed=()
for s in "${SCENARIOS[@]}"; do
  [ -f "$WORK/scenarios/$s/test.sh" ] || { echo "packaging: no scenario $s" >&2; exit 2; }
  t=$(ms)
  if (cd "$WORK/scenarios/$s" && bash test.sh) >"$WORK/logs/$s.log" 2>&1; then
    echo "PASS $s ($(secs "$t"))"
    passed=$((passed + 1))
  else
    echo "FAIL $s ($(secs "$t")): log js-tests/.work/packaging/logs/$s.log"
    tail -n 60 "$WORK/logs/$s.log" | sed 's/^/    /'
    failed+=("$s")
  fi
  grep '^note: ' "$WORK/logs/$s.log" | sed 's/^note: /    /' || true
done
echo "packaging: finished in $(secs "$start")${failed[*]:+; failed: ${failed[*]}}"
echo "packaging: ${passed} passed, ${#failed[@]} failed"
[ "${#failed[@]}" -eq 0 ]
