# `webpack --mode=production --target=node` with no configuration file (the main entry's
# `new URL('./wecom.wasm', import.meta.url)` makes webpack emit the wasm beside the bundle);
# the output directory is run with node from a directory holding only that output.
set -euo pipefail
rm -rf dist
webpack --mode=production --target=node --no-stats
ls -l dist
node ../../lib/node-check.mjs dist main.js --forms
