# esbuild with the main entry: `--format=esm` (the bundle keeps import.meta.url) and the one
# documented step, wecom.wasm copied next to the bundle (esbuild does not follow
# `new URL('./wecom.wasm', import.meta.url)`).
set -euo pipefail
rm -rf dist
esbuild src/main.js --bundle --format=esm --outfile=dist/main.js --log-level=warning
cp ../../node_modules/wecom-external-contact/wecom.wasm dist/
cp index.html dist/
ls dist
node ../../lib/browser-check.mjs dist --forms
