# Vite's dev server (no configuration file) with the page in headless Chromium.
set -euo pipefail
rm -rf node_modules/.vite
node dev-check.mjs
