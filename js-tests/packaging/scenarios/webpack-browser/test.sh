# `webpack --mode=production` with no configuration file, the app's page beside the bundle, then
# headless Chromium.
set -euo pipefail
rm -rf dist
webpack --mode=production --no-stats
cp index.html dist/
ls dist
node ../../lib/browser-check.mjs dist --forms
