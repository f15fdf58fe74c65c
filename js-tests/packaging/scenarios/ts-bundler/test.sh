# tsc --noEmit (strict) under moduleResolution bundler (module esnext, the default DOM lib, no
# @types/node: a browser app): an ESM consumer of every subpath.
set -euo pipefail
bash ../../lib/tsc.sh
