# tsc --noEmit (strict) under module/moduleResolution node16: an ESM (.mts) and a CJS (.cts)
# consumer of every subpath, with @types/node.
set -euo pipefail
tsc -p tsconfig.json --listFilesOnly | grep 'wecom-external-contact' | sed 's|.*/node_modules/||' | sort
tsc -p tsconfig.json
