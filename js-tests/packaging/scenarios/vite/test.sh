# `vite build` with no configuration, then the built page in headless Chromium.
set -euo pipefail
rm -rf dist
vite build --logLevel warn
ls dist dist/assets
node ../../lib/browser-check.mjs dist --forms
