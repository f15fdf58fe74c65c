# esbuild with `wecom-external-contact/inline` and no flag at all: esbuild's default format for a
# browser bundle (iife), loaded by a classic <script>. Nothing but the bundle is served.
set -euo pipefail
rm -rf dist
esbuild src/main.js --bundle --outfile=dist/main.js --log-level=warning
cp index.html dist/
ls dist
node ../../lib/browser-check.mjs dist
