# `esbuild --bundle --platform=node` of an app using `wecom-external-contact/inline`, as an ESM
# and as a CJS single file; each is run with node from a directory holding only that file.
set -euo pipefail
rm -rf dist-esm dist-cjs
esbuild src/app.mjs --bundle --platform=node --format=esm --outfile=dist-esm/app.mjs --log-level=warning
esbuild src/app.cjs --bundle --platform=node --outfile=dist-cjs/app.cjs --log-level=warning
ls -l dist-esm dist-cjs
node ../../lib/node-check.mjs dist-esm app.mjs
node ../../lib/node-check.mjs dist-cjs app.cjs
