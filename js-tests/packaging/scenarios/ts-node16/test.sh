# tsc --noEmit (strict) under module/moduleResolution node16: an ESM (.mts) and a CJS (.cts)
# consumer of every subpath, with @types/node.
set -euo pipefail
bash ../../lib/tsc.sh
