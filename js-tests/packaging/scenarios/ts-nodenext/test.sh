# tsc --noEmit (strict) under module/moduleResolution nodenext: an ESM (.mts) and a CJS (.cts)
# consumer of every subpath, with @types/node.
set -euo pipefail
bash ../../lib/tsc.sh
