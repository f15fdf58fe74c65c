# esbuild-browser-esm without its documented step (wecom.wasm not copied): the page must not hang
# or die; the engine's APIs fail with typed errors that say what to do.
set -euo pipefail
rm -rf dist
esbuild src/main.js --bundle --format=esm --outfile=dist/main.js --log-level=warning
cp index.html dist/
node check.mjs dist
