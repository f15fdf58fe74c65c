# tsc --noEmit (strict) under moduleResolution bundler (module esnext, the default DOM lib, no
# @types/node: a browser app): an ESM consumer of every subpath.
set -euo pipefail
tsc -p tsconfig.json --listFilesOnly | grep 'wecom-external-contact' | sed 's|.*/node_modules/||' | sort
tsc -p tsconfig.json
